package care.rapport.scheduling.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.clients.Client;
import care.rapport.clients.ClientId;
import care.rapport.clients.Clients;
import care.rapport.clients.Episodes;
import care.rapport.identity.RapportUser;
import care.rapport.identity.UserId;
import care.rapport.practice.Practices;
import care.rapport.scheduling.AppointmentId;
import care.rapport.scheduling.AppointmentTypes;
import care.rapport.scheduling.Appointments;
import care.rapport.scheduling.Attendance;
import care.rapport.scheduling.SlotTakenException;
import care.rapport.scheduling.internal.SessionNotices;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A client's sessions in the current episode: booking one and recording attendance. */
@Controller
class SessionsController {

	private final Clients clients;

	private final Episodes episodes;

	private final Appointments appointments;

	private final Practices practices;

	private final care.rapport.scheduling.Availability availability;

	private final AppointmentTypes types;

	private static final java.time.format.DateTimeFormatter MOVED_TO = java.time.format.DateTimeFormatter
		.ofPattern("EEE d MMM yyyy, h:mm a", java.util.Locale.CANADA);

	private final AuditLog audit;

	private final SessionNotices notices;

	/** Columns other modules add (the notes column); none when no such module is present. */
	private final org.springframework.beans.factory.ObjectProvider<care.rapport.scheduling.SessionColumn> columns;

	SessionsController(Clients clients, Episodes episodes, Appointments appointments, Practices practices,
			care.rapport.scheduling.Availability availability, AppointmentTypes types, AuditLog audit,
			SessionNotices notices,
			org.springframework.beans.factory.ObjectProvider<care.rapport.scheduling.SessionColumn> columns) {
		this.audit = audit;
		this.notices = notices;
		this.columns = columns;
		this.types = types;
		this.availability = availability;
		this.clients = clients;
		this.episodes = episodes;
		this.appointments = appointments;
		this.practices = practices;
	}

	@GetMapping("/app/clients/{id}/sessions")
	String sessions(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id, Model model) {
		Client client = visibleClient(staff, id);
		ZoneId zone = practices.get(staff.practiceId()).timeZone();
		var episode = episodes.current(staff.practiceId(), client.id());
		model.addAttribute("client", client);
		var sessions = episode.map(e -> appointments.ofEpisode(staff.practiceId(), e.id())).orElse(java.util.List.of());
		model.addAttribute("appointments", sessions);
		model.addAttribute("columns", columns.orderedStream()
			.flatMap(column -> column.heading(staff, client.id())
				.map(heading -> new ColumnView(heading, column.cells(staff, client.id(), sessions)))
				.stream())
			.toList());
		model.addAttribute("zone", zone);
		model.addAttribute("attendances", Attendance.values());
		model.addAttribute("types", types.active(staff.practiceId()));
		if (!model.containsAttribute("date")) {
			model.addAttribute("date", LocalDate.now(zone));
			model.addAttribute("time", "10:00");
			model.addAttribute("minutes", 50);
		}
		return "scheduling/sessions";
	}

	@PostMapping("/app/clients/{id}/appointments")
	String book(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String date, @RequestParam(defaultValue = "") String time,
			@RequestParam(defaultValue = "50") int minutes, @RequestParam(defaultValue = "ONCE") String repeat,
			@RequestParam(defaultValue = "1") int count, @RequestParam(required = false) UUID type, Model model,
			RedirectAttributes redirect) {
		Client client = visibleClient(staff, id);
		ZoneId zone = practices.get(staff.practiceId()).timeZone();
		int weeksApart = switch (repeat) {
			case "WEEKLY" -> 1;
			case "EVERY_TWO_WEEKS" -> 2;
			default -> 0;
		};
		int sessions = weeksApart == 0 ? 1 : count;
		var kind = type == null ? java.util.Optional.<AppointmentTypes.Type>empty() : types.find(staff.practiceId(), type);
		if (kind.isPresent()) {
			minutes = kind.get().minutes();
		}
		List<String> taken = new ArrayList<>();
		int booked = 0;
		try {
			if (sessions < 1 || sessions > 52) {
				throw new IllegalArgumentException("A series has 1 to 52 sessions.");
			}
			var first = bookableStart(staff, client, zone, date, time, minutes);
			var therapistId = new UserId(client.therapistId());
			for (int i = 0; i < sessions; i++) {
				var start = first.plusWeeks((long) i * weeksApart);
				if (availability.problemWith(staff.practiceId(), therapistId, start, minutes).isPresent()) {
					taken.add(start.toLocalDate() + " (not available)");
					continue;
				}
				try {
					appointments.book(staff.practiceId(), client.id(), new UserId(client.therapistId()),
							start.atZone(zone).toInstant(), Duration.ofMinutes(minutes),
							kind.map(AppointmentTypes.Type::id).orElse(null));
					booked++;
				}
				catch (SlotTakenException ex) {
					taken.add(start.toLocalDate().toString());
				}
			}
		}
		catch (DateTimeParseException | IllegalArgumentException ex) {
			model.addAttribute("error", ex instanceof DateTimeParseException
					? "Enter the date as YYYY-MM-DD and the time as HH:MM." : ex.getMessage());
			return bookingFormAgain(staff, id, date, time, minutes, model);
		}
		if (booked == 0) {
			model.addAttribute("error", client.therapistName()
					+ " already has a session at that time. Nothing was booked; choose another time.");
			return bookingFormAgain(staff, id, date, time, minutes, model);
		}
		changed(staff, client, AuditAction.SESSION_BOOKED, booked == 1 ? "Booked a session" : "Booked " + booked + " sessions");
		redirect.addFlashAttribute("notice", (booked == 1 ? "Session booked." : booked + " sessions booked.")
				+ (taken.isEmpty() ? "" : " Not booked, because " + client.therapistName()
						+ " already has a session or is not available then: " + String.join(", ", taken) + "."));
		return "redirect:/app/clients/" + id + "/sessions";
	}

	/**
	 * The start of a session that may be booked or moved to: a real time, from now on, of a sensible
	 * length, inside the therapist's availability.
	 * @throws IllegalArgumentException saying what to change
	 * @throws DateTimeParseException when the date or time is not one
	 */
	private LocalDateTime bookableStart(RapportUser staff, Client client, ZoneId zone, String date, String time,
			int minutes) {
		var start = LocalDate.parse(date).atTime(LocalTime.parse(time));
		if (minutes < 10 || minutes > 240) {
			throw new IllegalArgumentException("A session lasts between 10 and 240 minutes.");
		}
		if (start.atZone(zone).toInstant().isBefore(Instant.now())) {
			throw new IllegalArgumentException("That time has passed. Choose a time from now on.");
		}
		var outside = availability.problemWith(staff.practiceId(), new UserId(client.therapistId()), start, minutes);
		if (outside.isPresent()) {
			throw new IllegalArgumentException(outside.get());
		}
		return start;
	}

	/** Moves a scheduled session in one step; if the new time is taken, it stays where it was. */
	@PostMapping("/app/clients/{id}/appointments/{appointmentId}/reschedule")
	String reschedule(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id,
			@PathVariable UUID appointmentId, @RequestParam(defaultValue = "") String date,
			@RequestParam(defaultValue = "") String time, RedirectAttributes redirect) {
		Client client = visibleClient(staff, id);
		var appointment = appointmentOf(staff, id, appointmentId);
		ZoneId zone = practices.get(staff.practiceId()).timeZone();
		int minutes = (int) appointment.length().toMinutes();
		try {
			var start = bookableStart(staff, client, zone, date, time, minutes).atZone(zone).toInstant();
			appointments.reschedule(staff.practiceId(), appointment.id(), start, appointment.length());
			changed(staff, client.id(), AuditAction.SESSION_RESCHEDULED, "Moved a session");
			notices.rescheduled(staff.practiceId(), client.id(), appointment.startsAt(), start);
			redirect.addFlashAttribute("notice", "Session moved to " + MOVED_TO.format(start.atZone(zone)) + ".");
		}
		catch (DateTimeParseException ex) {
			rescheduleRefused(redirect, appointmentId, date, time, "Enter the new date as YYYY-MM-DD and the time as HH:MM.");
		}
		catch (SlotTakenException ex) {
			rescheduleRefused(redirect, appointmentId, date, time, client.therapistName()
					+ " already has a session then. The session was not moved; choose another time.");
		}
		catch (IllegalArgumentException ex) {
			rescheduleRefused(redirect, appointmentId, date, time, ex.getMessage() + " The session was not moved.");
		}
		return "redirect:/app/clients/" + id + "/sessions";
	}

	private void changed(RapportUser staff, Client client, AuditAction action, String detail) {
		changed(staff, client.id(), action, detail);
	}

	private void changed(RapportUser staff, ClientId client, AuditAction action, String detail) {
		audit.record(AuditEntry.aboutClient(staff.practiceId(), staff.actor(), action, client.value(), detail));
	}

	private static void rescheduleRefused(RedirectAttributes redirect, UUID appointment, String date, String time,
			String message) {
		redirect.addFlashAttribute("rescheduleError", message);
		redirect.addFlashAttribute("rescheduleOf", appointment);
		redirect.addFlashAttribute("rescheduleDate", date);
		redirect.addFlashAttribute("rescheduleTime", time);
	}

	private String bookingFormAgain(RapportUser staff, UUID id, String date, String time, int minutes, Model model) {
		model.addAttribute("date", date);
		model.addAttribute("time", time);
		model.addAttribute("minutes", minutes);
		return sessions(staff, id, model);
	}

	@PostMapping("/app/clients/{id}/appointments/{appointmentId}/attendance")
	String attendance(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id,
			@PathVariable UUID appointmentId, @RequestParam String attendance, RedirectAttributes redirect) {
		Client client = visibleClient(staff, id);
		var appointment = appointments.find(staff.practiceId(), new AppointmentId(appointmentId))
			.filter(a -> a.clientId().equals(client.id()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Attendance chosen;
		try {
			chosen = Attendance.valueOf(attendance);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Choose what happened from the list.");
		}
		try {
			appointments.recordAttendance(staff.practiceId(), appointment.id(), chosen);
		}
		catch (SlotTakenException ex) {
			redirect.addFlashAttribute("notice", "Not changed: another session was booked at that time meanwhile.");
			return "redirect:/app/clients/" + id + "/sessions";
		}
		changed(staff, client, AuditAction.ATTENDANCE_RECORDED, "Recorded: " + chosen.label());
		redirect.addFlashAttribute("notice", "Recorded: " + chosen.label().toLowerCase() + ".");
		return "redirect:/app/clients/" + id + "/sessions";
	}

	@PostMapping("/app/clients/{id}/appointments/{appointmentId}/telehealth")
	String telehealth(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id,
			@PathVariable UUID appointmentId, @RequestParam(defaultValue = "") String url, RedirectAttributes redirect) {
		var appointment = appointmentOf(staff, id, appointmentId);
		try {
			appointments.setTelehealthLink(staff.practiceId(), appointment.id(), url);
			redirect.addFlashAttribute("notice", url.isBlank() ? "Video link removed." : "Video link saved.");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("notice", ex.getMessage() + " Nothing was changed.");
		}
		return "redirect:/app/clients/" + id + "/sessions";
	}

	@PostMapping("/app/clients/{id}/appointments/{appointmentId}/cancel")
	String cancel(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id, @PathVariable UUID appointmentId,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		var appointment = appointmentOf(staff, id, appointmentId);
		try {
			appointments.cancel(staff.practiceId(), appointment.id(), reason);
			changed(staff, appointment.clientId(), AuditAction.SESSION_CANCELLED, "Cancelled a session");
			redirect.addFlashAttribute("notice", "Session cancelled; its time is free again.");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("notice", ex.getMessage() + " Nothing was changed.");
		}
		return "redirect:/app/clients/" + id + "/sessions";
	}

	private care.rapport.scheduling.Appointment appointmentOf(RapportUser staff, UUID clientId, UUID appointmentId) {
		Client client = visibleClient(staff, clientId);
		return appointments.find(staff.practiceId(), new AppointmentId(appointmentId))
			.filter(a -> a.clientId().equals(client.id()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** A column another module adds, with its cells by session. */
	public record ColumnView(String heading, java.util.Map<AppointmentId, care.rapport.scheduling.SessionColumn.Cell> cells) {
	}

	private Client visibleClient(RapportUser staff, UUID id) {
		return clients.open(staff, new ClientId(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
