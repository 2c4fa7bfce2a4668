package care.rapport.scheduling.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import care.rapport.clients.Clients;
import care.rapport.identity.Accounts;
import care.rapport.identity.RapportUser;
import care.rapport.identity.Role;
import care.rapport.identity.UserId;
import care.rapport.practice.Practices;
import care.rapport.scheduling.AppointmentRequests;
import care.rapport.scheduling.Appointments;
import care.rapport.scheduling.Availability;
import care.rapport.scheduling.Appointments.CalendarEntry;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Week and day views of a therapist's sessions. Therapists see their own; admins, who run
 * scheduling, choose a therapist. The calendar shows names and times only.
 */
@Controller
class ScheduleController {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.CANADA);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.CANADA);

	private final Appointments appointments;

	private final Accounts accounts;

	private final Practices practices;

	private final TherapistChoice choice;

	private final AppointmentRequests requests;

	private final Availability availability;

	private final Clients clients;

	ScheduleController(Appointments appointments, Accounts accounts, Practices practices, TherapistChoice choice,
			AppointmentRequests requests, Availability availability, Clients clients) {
		this.availability = availability;
		this.clients = clients;
		this.requests = requests;
		this.choice = choice;
		this.appointments = appointments;
		this.accounts = accounts;
		this.practices = practices;
	}

	/** A day of the calendar with its sessions, times already in the practice's zone. */
	/**
	 * @param works whether the therapist works that day (has availability then and no day off); only then is an
	 * empty day "Free"
	 */
	record Day(LocalDate date, String label, List<Slot> slots, boolean works, boolean dayOff) {
	}

	record Slot(String time, String end, String clientName, String clientId, String status, boolean video) {
	}

	@GetMapping("/app/schedule")
	String schedule(@AuthenticationPrincipal RapportUser staff,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(defaultValue = "week") String view, @RequestParam(required = false) UUID therapist,
			Model model) {
		ZoneId zone = practices.get(staff.practiceId()).timeZone();
		LocalDate day = date != null ? date : LocalDate.now(zone);
		boolean week = !"day".equals(view);
		LocalDate from = week ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day;
		int days = week ? 7 : 1;
		UserId whose = choice.whose(staff, therapist);
		var entries = appointments.calendar(staff.practiceId(), whose, from.atStartOfDay(zone).toInstant(),
				from.plusDays(days).atStartOfDay(zone).toInstant());
		var windows = availability.windows(staff.practiceId(), whose);
		var off = availability.daysOff(staff.practiceId(), whose, from).stream().map(Availability.DayOff::day).toList();
		List<Day> calendar = new ArrayList<>();
		for (int i = 0; i < days; i++) {
			LocalDate d = from.plusDays(i);
			boolean dayOff = off.contains(d);
			boolean works = !dayOff && windows.stream().anyMatch(w -> w.day() == d.getDayOfWeek());
			calendar.add(new Day(d, DAY.format(d), entries.stream()
				.filter(e -> e.appointment().startsAt().atZone(zone).toLocalDate().equals(d))
				.map(e -> slot(e, zone))
				.toList(), works, dayOff));
		}
		// The grid's click-to-book asks which client; only the therapist's own clients can be booked with them.
		model.addAttribute("bookable", clients.visibleTo(staff).stream()
			.filter(c -> c.therapistId().equals(whose.value()))
			.toList());
		model.addAttribute("view", week ? "timeGridWeek" : "timeGridDay");
		model.addAttribute("calendar", calendar);
		model.addAttribute("week", week);
		model.addAttribute("date", day);
		model.addAttribute("previous", week ? day.minusWeeks(1) : day.minusDays(1));
		model.addAttribute("next", week ? day.plusWeeks(1) : day.plusDays(1));
		model.addAttribute("therapist", whose.value());
		model.addAttribute("therapistName", accounts.member(staff.practiceId(), whose).map(m -> m.displayName()).orElse(""));
		model.addAttribute("therapists", staff.has(Role.PRACTICE_ADMIN) ? accounts.clinicians(staff.practiceId()) : List.of());
		model.addAttribute("count", entries.size());
		model.addAttribute("requestCount", requests.countPendingFor(staff.practiceId(), whose));
		return "scheduling/schedule";
	}

	/** From the grid's booking dialog: on to the client's booking form with the picked time filled in. */
	@GetMapping("/app/schedule/book")
	String book(@AuthenticationPrincipal RapportUser staff, @RequestParam UUID client,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam @DateTimeFormat(pattern = "HH:mm") java.time.LocalTime time) {
		clients.openForAdministration(staff, new care.rapport.clients.ClientId(client))
			.orElseThrow(care.rapport.practice.RecordNotFoundException::new);
		return "redirect:/app/clients/" + client + "/sessions?date=" + date + "&time=" + time + "#book";
	}

	private static Slot slot(CalendarEntry entry, ZoneId zone) {
		var a = entry.appointment();
		return new Slot(TIME.format(a.startsAt().atZone(zone)), TIME.format(a.endsAt().atZone(zone)), entry.clientName(),
				a.clientId().toString(), a.attendance().label(), a.telehealthUrl() != null);
	}

}
