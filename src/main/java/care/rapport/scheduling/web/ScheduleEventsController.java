package care.rapport.scheduling.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.clients.Client;
import care.rapport.clients.Clients;
import care.rapport.identity.RapportUser;
import care.rapport.identity.UserId;
import care.rapport.practice.Practices;
import care.rapport.scheduling.Appointment;
import care.rapport.scheduling.AppointmentId;
import care.rapport.scheduling.Appointments;
import care.rapport.scheduling.Attendance;
import care.rapport.scheduling.Availability;
import care.rapport.scheduling.SlotTakenException;
import care.rapport.scheduling.internal.SessionNotices;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The schedule as JSON for the calendar grid: sessions as events (client name, time, state; nothing clinical),
 * availability and days off as background shading, and moving a session by dragging it. Times are wall-clock
 * times in the practice's zone without an offset, so the grid shows the practice's time wherever the browser is.
 * Refusals are {@link ProblemDetail}s with a stable {@code code} the page shows as the message.
 */
@RestController
class ScheduleEventsController {

	private static final DateTimeFormatter MOVED_TO = DateTimeFormatter.ofPattern("EEE d MMM yyyy, h:mm a", Locale.CANADA);

	/** The longest range one request may ask for; the grid asks for a week at most. */
	private static final int MAX_DAYS = 42;

	private final Appointments appointments;

	private final Availability availability;

	private final Practices practices;

	private final Clients clients;

	private final TherapistChoice choice;

	private final AuditLog audit;

	private final SessionNotices notices;

	private final java.time.Clock clock;

	ScheduleEventsController(Appointments appointments, Availability availability, Practices practices,
			Clients clients, TherapistChoice choice, AuditLog audit, SessionNotices notices, java.time.Clock clock) {
		this.appointments = appointments;
		this.availability = availability;
		this.practices = practices;
		this.clients = clients;
		this.choice = choice;
		this.audit = audit;
		this.notices = notices;
		this.clock = clock;
	}

	@GetMapping("/app/schedule/events")
	ResponseEntity<?> events(@AuthenticationPrincipal RapportUser staff, @RequestParam(defaultValue = "") String start,
			@RequestParam(defaultValue = "") String end, @RequestParam(required = false) @Nullable UUID therapist) {
		UserId whose = choice.whose(staff, therapist);
		LocalDate from;
		LocalDate to;
		try {
			from = dateOf(start);
			to = dateOf(end);
		}
		catch (DateTimeParseException ex) {
			return problem(HttpStatus.BAD_REQUEST, "bad-range", "Give start and end as dates (YYYY-MM-DD).");
		}
		if (!to.isAfter(from) || to.isAfter(from.plusDays(MAX_DAYS))) {
			return problem(HttpStatus.BAD_REQUEST, "bad-range", "The range must end after it starts and span at most "
					+ MAX_DAYS + " days.");
		}
		ZoneId zone = practices.get(staff.practiceId()).timeZone();
		Instant now = clock.instant();
		List<Map<String, Object>> events = new ArrayList<>();
		for (var entry : appointments.calendar(staff.practiceId(), whose, from.atStartOfDay(zone).toInstant(),
				to.atStartOfDay(zone).toInstant())) {
			events.add(session(entry.appointment(), entry.clientName(), zone, now));
		}
		var windows = availability.windows(staff.practiceId(), whose);
		var off = availability.daysOff(staff.practiceId(), whose, from).stream()
			.map(Availability.DayOff::day)
			.toList();
		for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
			if (off.contains(day)) {
				// The reason stays off the calendar: admins see this too, and why a therapist is off is theirs.
				events.add(background(day.atStartOfDay(), day.plusDays(1).atStartOfDay(), "day-off", "Day off"));
				continue;
			}
			for (var window : windows) {
				if (window.day() == day.getDayOfWeek()) {
					events.add(background(day.atTime(window.starts()), day.atTime(window.ends()), "available", ""));
				}
			}
		}
		return ResponseEntity.ok(events);
	}

	/**
	 * Moves (drag) or resizes a session: the same rules as the reschedule form — only a scheduled session, not into
	 * the past, inside availability, and the database refuses a double booking. Nothing changes on a refusal.
	 */
	@PostMapping("/app/schedule/events/{appointmentId}/move")
	ResponseEntity<?> move(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID appointmentId,
			@RequestParam(defaultValue = "") String start, @RequestParam(defaultValue = "") String end) {
		Appointment appointment = appointments.find(staff.practiceId(), new AppointmentId(appointmentId))
			.orElse(null);
		if (appointment == null) {
			return notFound();
		}
		try {
			choice.whose(staff, appointment.therapistId());
		}
		catch (org.springframework.web.server.ResponseStatusException ex) {
			return notFound();
		}
		Client client = clients.openForAdministration(staff, appointment.clientId()).orElse(null);
		if (client == null) {
			return notFound();
		}
		ZoneId zone = practices.get(staff.practiceId()).timeZone();
		LocalDateTime from;
		LocalDateTime to;
		try {
			from = dateTimeOf(start);
			to = end.isBlank() ? from.plus(appointment.length()) : dateTimeOf(end);
		}
		catch (DateTimeParseException ex) {
			return problem(HttpStatus.BAD_REQUEST, "bad-time", "Give the new start as YYYY-MM-DDTHH:MM.");
		}
		if (appointment.attendance() != Attendance.SCHEDULED) {
			return problem(HttpStatus.CONFLICT, "not-movable", "Only a scheduled session can be moved.");
		}
		int minutes = (int) Duration.between(from, to).toMinutes();
		if (minutes < 5 || minutes > 480) {
			return problem(HttpStatus.UNPROCESSABLE_ENTITY, "bad-length",
					"A session lasts between 5 minutes and 8 hours. The session was not moved.");
		}
		Instant startsAt = from.atZone(zone).toInstant();
		if (startsAt.isBefore(clock.instant())) {
			return problem(HttpStatus.UNPROCESSABLE_ENTITY, "in-the-past",
					"That time has passed. Choose a time from now on. The session was not moved.");
		}
		var outside = availability.problemWith(staff.practiceId(), new UserId(appointment.therapistId()), from, minutes);
		if (outside.isPresent()) {
			return problem(HttpStatus.UNPROCESSABLE_ENTITY, "outside-availability",
					outside.get() + " The session was not moved.");
		}
		try {
			appointments.reschedule(staff.practiceId(), appointment.id(), startsAt, Duration.ofMinutes(minutes));
		}
		catch (SlotTakenException ex) {
			return problem(HttpStatus.CONFLICT, "slot-taken",
					client.therapistName() + " already has a session then. The session was not moved; choose another time.");
		}
		catch (IllegalArgumentException ex) {
			return problem(HttpStatus.CONFLICT, "not-movable", ex.getMessage());
		}
		audit.record(AuditEntry.aboutClient(staff.practiceId(), staff.actor(), AuditAction.SESSION_RESCHEDULED,
				client.id().value(), "Moved a session"));
		notices.rescheduled(staff.practiceId(), client.id(), appointment.startsAt(), startsAt);
		String when = MOVED_TO.format(startsAt.atZone(zone));
		return ResponseEntity.ok(Map.of("message", "Session moved to " + when + (when.endsWith(".") ? "" : ".")));
	}

	private static Map<String, Object> session(Appointment a, String clientName, ZoneId zone, Instant now) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("id", a.id().value().toString());
		event.put("title", clientName);
		event.put("start", a.startsAt().atZone(zone).toLocalDateTime().toString());
		event.put("end", a.endsAt().atZone(zone).toLocalDateTime().toString());
		boolean movable = a.attendance() == Attendance.SCHEDULED && a.startsAt().isAfter(now);
		// Only what the reschedule form would accept can be dragged; the rest stays put.
		event.put("editable", movable);
		event.put("classNames", List.of("session", "status-" + a.attendance().name().toLowerCase(Locale.ROOT)));
		event.put("url", "/app/clients/" + a.clientId().value() + "/sessions#session-" + a.id().value());
		event.put("extendedProps", Map.of("status", a.attendance().label(), "video", a.telehealthUrl() != null));
		return event;
	}

	private static Map<String, Object> background(LocalDateTime start, LocalDateTime end, String kind, String title) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("start", start.toString());
		event.put("end", end.toString());
		event.put("display", "background");
		event.put("title", title);
		event.put("classNames", List.of(kind));
		return event;
	}

	/** The calendar sends "2026-12-01", "2026-12-01T00:00:00" or with a "Z"; the date part is what counts. */
	private static LocalDate dateOf(String text) {
		return LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text);
	}

	/** A wall-clock time in the practice's zone; a trailing offset from the grid (which runs in "UTC") is dropped. */
	private static LocalDateTime dateTimeOf(String text) {
		String local = text.length() > 19 ? text.substring(0, 19) : text;
		return LocalDateTime.parse(local.endsWith("Z") ? local.substring(0, local.length() - 1) : local);
	}

	private static ResponseEntity<ProblemDetail> notFound() {
		return problem(HttpStatus.NOT_FOUND, "not-found", "No such session.");
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String message) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
		problem.setType(URI.create("urn:rapport:schedule:" + code));
		problem.setProperty("code", code);
		return ResponseEntity.status(status).body(problem);
	}

}
