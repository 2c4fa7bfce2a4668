package care.rapport.scheduling.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import care.rapport.clients.Client;
import care.rapport.clients.Clients;
import care.rapport.clients.Episodes;
import care.rapport.identity.RapportUser;
import care.rapport.identity.UserId;
import care.rapport.practice.Practices;
import care.rapport.practice.RecordNotFoundException;
import care.rapport.scheduling.Appointment;
import care.rapport.scheduling.AppointmentRequests;
import care.rapport.scheduling.Appointments;
import care.rapport.scheduling.Attendance;
import care.rapport.scheduling.Availability;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The client's sessions: what is booked, what they asked for, and times their therapist offers
 * to ask for. A request that cannot be taken comes back with what was chosen and typed.
 */
@Controller
class ClientSessionsController {

	/** How far ahead a client may ask, and how soon: the therapist needs time to answer. */
	static final int DAYS_AHEAD = 21;

	static final Duration NOTICE = Duration.ofHours(12);

	/** Clients ask for a regular session; the therapist may change its kind or length afterwards. */
	static final int SESSION_MINUTES = 50;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.CANADA);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.CANADA);

	private final Clients clients;

	private final Episodes episodes;

	private final Appointments appointments;

	private final AppointmentRequests requests;

	private final Availability availability;

	private final Practices practices;

	ClientSessionsController(Clients clients, Episodes episodes, Appointments appointments,
			AppointmentRequests requests, Availability availability, Practices practices) {
		this.clients = clients;
		this.episodes = episodes;
		this.appointments = appointments;
		this.requests = requests;
		this.availability = availability;
		this.practices = practices;
	}

	/** An offered start time: its value for the form and how it reads. */
	record Offer(String value, String time) {
	}

	@GetMapping("/me/sessions")
	String sessions(@AuthenticationPrincipal RapportUser self, Model model) {
		Client client = ownRecord(self);
		ZoneId zone = practices.get(self.practiceId()).timeZone();
		Instant now = Instant.now();
		List<Appointment> all = episodes.current(self.practiceId(), client.id())
			.map(e -> appointments.ofEpisode(self.practiceId(), e.id()))
			.orElse(List.of());
		model.addAttribute("client", client);
		model.addAttribute("zone", zone);
		model.addAttribute("upcoming", all.stream()
			.filter(a -> a.attendance() == Attendance.SCHEDULED && a.endsAt().isAfter(now))
			.toList());
		model.addAttribute("requests", requests.ofClient(self.practiceId(), client.id()));
		if (!model.containsAttribute("typed")) {
			model.addAttribute("typed", Map.of());
		}
		model.addAttribute("key", UUID.randomUUID());
		model.addAttribute("offers", offers(self, client, zone));
		model.addAttribute("anyTime", availability.windows(self.practiceId(), new UserId(client.therapistId())).isEmpty());
		return "scheduling/client-sessions";
	}

	@PostMapping("/me/sessions/requests")
	String request(@AuthenticationPrincipal RapportUser self, @RequestParam(defaultValue = "") String slot,
			@RequestParam(defaultValue = "") String date, @RequestParam(defaultValue = "") String time,
			@RequestParam(defaultValue = "") String note,
			@RequestParam UUID key, Model model, RedirectAttributes redirect) {
		Client client = ownRecord(self);
		ZoneId zone = practices.get(self.practiceId()).timeZone();
		UserId therapist = new UserId(client.therapistId());
		int minutes = SESSION_MINUTES;
		boolean anyTime = availability.windows(self.practiceId(), therapist).isEmpty();
		try {
			if (requests.alreadySent(self.practiceId(), key)) {
				return sent(client, redirect);
			}
			LocalDateTime start = anyTime ? LocalDate.parse(date).atTime(LocalTime.parse(time))
					: LocalDateTime.parse(slot);
			if (!anyTime && !availability
				.openSlots(self.practiceId(), therapist, zone, Instant.now().plus(NOTICE), DAYS_AHEAD, minutes)
				.contains(start)) {
				throw new IllegalArgumentException("That time is no longer free. Please choose another one.");
			}
			if (anyTime) {
				var problem = availability.problemWith(self.practiceId(), therapist, start, minutes);
				if (problem.isPresent()) {
					throw new IllegalArgumentException(problem.get());
				}
			}
			requests.request(self, client, start.atZone(zone).toInstant(), minutes, null, note, key);
		}
		catch (DateTimeParseException | IllegalArgumentException ex) {
			model.addAttribute("error", ex instanceof DateTimeParseException ? "Choose a time for the session."
					: ex.getMessage());
			model.addAttribute("typed", Map.of("slot", slot, "date", date, "time", time, "note", note));
			return sessions(self, model);
		}
		return sent(client, redirect);
	}

	private static String sent(Client client, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice",
				"Your request is sent. " + client.therapistName() + " will accept it or suggest another time.");
		return "redirect:/me/sessions";
	}

	@PostMapping("/me/sessions/requests/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal RapportUser self, @PathVariable UUID id, RedirectAttributes redirect) {
		Client client = ownRecord(self);
		if (requests.ofClient(self.practiceId(), client.id()).stream().noneMatch(r -> r.id().equals(id))) {
			throw new RecordNotFoundException();
		}
		try {
			requests.withdraw(self, client, id);
			redirect.addFlashAttribute("notice", "Your request is withdrawn.");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("notice", ex.getMessage());
		}
		return "redirect:/me/sessions";
	}

	/** Offered days of one week, so the page opens on the nearest times and keeps the rest folded. */
	record Week(String label, Map<String, List<Offer>> days) {
	}

	private static final List<String> WEEKS = List.of("The next 7 days", "The week after", "Two weeks from now");

	/** Offered times grouped by week and day, in the practice's zone. */
	private List<Week> offers(RapportUser self, Client client, ZoneId zone) {
		Instant earliest = Instant.now().plus(NOTICE);
		LocalDate first = earliest.atZone(zone).toLocalDate();
		List<Map<String, List<Offer>>> weeks = List.of(new LinkedHashMap<>(), new LinkedHashMap<>(),
				new LinkedHashMap<>());
		for (LocalDateTime start : availability.openSlots(self.practiceId(), new UserId(client.therapistId()), zone,
				earliest, DAYS_AHEAD, SESSION_MINUTES)) {
			int week = (int) Math.min(2, java.time.temporal.ChronoUnit.DAYS.between(first, start.toLocalDate()) / 7);
			weeks.get(week)
				.computeIfAbsent(DAY.format(start), d -> new java.util.ArrayList<>())
				.add(new Offer(start.toString(), TIME.format(start)));
		}
		List<Week> offered = new java.util.ArrayList<>();
		for (int i = 0; i < weeks.size(); i++) {
			if (!weeks.get(i).isEmpty()) {
				offered.add(new Week(WEEKS.get(i), weeks.get(i)));
			}
		}
		return offered;
	}

	private Client ownRecord(RapportUser self) {
		return clients.ownRecord(self).orElseThrow(RecordNotFoundException::new);
	}

}
