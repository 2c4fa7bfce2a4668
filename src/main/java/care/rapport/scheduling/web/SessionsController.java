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
import care.rapport.practice.RecordNotFoundException;
import care.rapport.scheduling.Appointment;
import care.rapport.scheduling.AppointmentId;
import care.rapport.scheduling.AppointmentTypes;
import care.rapport.scheduling.Appointments;
import care.rapport.scheduling.AttendanceRefused;
import care.rapport.scheduling.SlotTakenException;
import care.rapport.scheduling.internal.SessionNotices;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

	private final java.time.Clock clock;

	/** Columns other modules add (the notes column); none when no such module is present. */
	private final org.springframework.beans.factory.ObjectProvider<care.rapport.scheduling.SessionColumn> columns;

	SessionsController(Clients clients, Episodes episodes, Appointments appointments, Practices practices,
			care.rapport.scheduling.Availability availability, AppointmentTypes types, AuditLog audit,
			SessionNotices notices,
			org.springframework.beans.factory.ObjectProvider<care.rapport.scheduling.SessionColumn> columns,
			java.time.Clock clock) {
		this.clock = clock;
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
		return sessions(staff, id, null, null, model);
	}

	/** The sessions page with the booking form set to a time picked on the calendar grid. */
	@GetMapping(path = "/app/clients/{id}/sessions", params = { "date", "time" })
	String sessions(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id,
			@RequestParam @Nullable String date, @RequestParam @Nullable String time, Model model) {
		if (date != null && time != null && !model.containsAttribute("booking")) {
			try {
				var picked = LocalDate.parse(date).atTime(LocalTime.parse(time));
				model.addAttribute("booking", new BookingForm(picked.toLocalDate().toString(),
						picked.toLocalTime().toString(), 50, null, "ONCE", 1, false, ""));
			}
			catch (DateTimeParseException ex) {
				// A hand-edited address: the form starts blank as usual.
			}
		}
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
		// Reasons may say something clinical ("panic attack"): the care team reads them, admins see that one exists.
		model.addAttribute("showReasons", clients.isOnCareTeam(staff, client.id()));
		Instant now = clock.instant();
		// Only what may be done now is offered: an attended session offers nothing, a future one no attendance.
		model.addAttribute("actions", sessions.stream()
			.collect(java.util.stream.Collectors.toMap(Appointment::id, a -> a.allowedAt(now))));
		model.addAttribute("types", types.active(staff.practiceId()));
		if (!model.containsAttribute("booking")) {
			model.addAttribute("booking", BookingForm.blank(LocalDate.now(zone)));
		}
		return "scheduling/sessions";
	}

	/**
	 * What the booking form holds, kept as typed when it comes back with a problem.
	 *
	 * @param past the session already took place and is recorded after the fact
	 * @param outsideReason why a session is booked outside the therapist's availability (urgent sessions happen)
	 */
	record BookingForm(String date, String time, int minutes, @Nullable UUID type, String repeat, int count, boolean past,
			String outsideReason) {

		static BookingForm blank(LocalDate today) {
			return new BookingForm(today.toString(), "10:00", 50, null, "ONCE", 1, false, "");
		}

	}

	/** A problem with one field of a form: the message is shown next to it. */
	static final class FieldProblem extends IllegalArgumentException {

		private final String field;

		FieldProblem(String field, String message) {
			super(message);
			this.field = field;
		}

		String field() {
			return field;
		}

	}

	@PostMapping("/app/clients/{id}/appointments")
	String book(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String date, @RequestParam(defaultValue = "") String time,
			@RequestParam(defaultValue = "50") int minutes, @RequestParam(defaultValue = "ONCE") String repeat,
			@RequestParam(defaultValue = "1") int count, @RequestParam(required = false) UUID type,
			@RequestParam(defaultValue = "false") boolean past, @RequestParam(defaultValue = "") String outsideReason,
			Model model, RedirectAttributes redirect) {
		Client client = visibleClient(staff, id);
		ZoneId zone = practices.get(staff.practiceId()).timeZone();
		var form = new BookingForm(date, time, minutes, type, repeat, count, past, outsideReason);
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
		AppointmentId last = null;
		int booked = 0;
		try {
			if (sessions < 1 || sessions > 52) {
				throw new FieldProblem("count", "A series has 1 to 52 sessions.");
			}
			if (past && sessions > 1) {
				throw new FieldProblem("count", "Add past sessions one at a time.");
			}
			var first = bookableStart(staff, client, zone, date, time, minutes, past, outsideReason);
			var therapistId = new UserId(client.therapistId());
			for (int i = 0; i < sessions; i++) {
				var start = first.plusWeeks((long) i * weeksApart);
				boolean outside = availability.problemWith(staff.practiceId(), therapistId, start, minutes).isPresent();
				if (outside && outsideReason.isBlank()) {
					taken.add(start.toLocalDate() + " (not available)");
					continue;
				}
				try {
					var startsAt = start.atZone(zone).toInstant();
					var typeId = kind.map(AppointmentTypes.Type::id).orElse(null);
					last = past
							? appointments.addPast(staff.practiceId(), client.id(), therapistId, startsAt,
									Duration.ofMinutes(minutes), typeId, outside ? outsideReason : null)
							: appointments.book(staff.practiceId(), client.id(), therapistId, startsAt,
									Duration.ofMinutes(minutes), typeId, outside ? outsideReason : null);
					booked++;
				}
				catch (SlotTakenException ex) {
					taken.add(start.toLocalDate().toString());
				}
			}
		}
		catch (DateTimeParseException ex) {
			return bookingFormAgain(staff, id, form, "date", "Enter the date as YYYY-MM-DD and the time as HH:MM.", model);
		}
		catch (FieldProblem ex) {
			return bookingFormAgain(staff, id, form, ex.field(), ex.getMessage(), model);
		}
		if (booked == 0 || last == null) {
			return bookingFormAgain(staff, id, form, "time", client.therapistName()
					+ " already has a session at that time. Nothing was booked; choose another time.", model);
		}
		changed(staff, client, AuditAction.SESSION_BOOKED, past ? "Added a past session"
				: booked == 1 ? "Booked a session" : "Booked " + booked + " sessions");
		redirect.addFlashAttribute("notice", (past ? "Past session added; record what happened in its row."
				: booked == 1 ? "Session booked." : booked + " sessions booked.")
				+ (taken.isEmpty() ? "" : " Not booked, because " + client.therapistName()
						+ " already has a session or is not available then: " + String.join(", ", taken) + "."));
		return "redirect:/app/clients/" + id + "/sessions#session-" + last;
	}

	/**
	 * The start of a session that may be booked: a real time of a sensible length, from now on (or
	 * before now for a past session recorded after the fact), inside the therapist's availability
	 * unless a reason to book outside it is given.
	 * @throws FieldProblem saying which field to change and how
	 * @throws DateTimeParseException when the date or time is not one
	 */
	private LocalDateTime bookableStart(RapportUser staff, Client client, ZoneId zone, String date, String time,
			int minutes, boolean past, String outsideReason) {
		var start = LocalDate.parse(date).atTime(LocalTime.parse(time));
		if (minutes < 10 || minutes > 240) {
			throw new FieldProblem("minutes", "A session lasts between 10 and 240 minutes.");
		}
		boolean passed = start.atZone(zone).toInstant().isBefore(clock.instant());
		if (passed && !past) {
			throw new FieldProblem("date", "That time has passed. Choose a time from now on, or tick "
					+ "\u201cAlready took place\u201d to add a past session.");
		}
		if (!passed && past) {
			throw new FieldProblem("date", "A past session starts before now. Untick \u201cAlready took place\u201d "
					+ "to book it.");
		}
		if (outsideReason.strip().length() > Appointment.MAX_REASON) {
			throw new FieldProblem("outsideReason", "Keep the reason to " + Appointment.MAX_REASON + " characters.");
		}
		var outside = availability.problemWith(staff.practiceId(), new UserId(client.therapistId()), start, minutes);
		if (outside.isPresent() && outsideReason.isBlank()) {
			throw new FieldProblem("outsideReason", outside.get()
					+ " To book it anyway, say why below (for example, an urgent session).");
		}
		return start;
	}

	/** The start a session may be moved to: from now on, inside the therapist's availability. */
	private LocalDateTime movableStart(RapportUser staff, Client client, ZoneId zone, String date, String time,
			int minutes) {
		var start = LocalDate.parse(date).atTime(LocalTime.parse(time));
		if (start.atZone(zone).toInstant().isBefore(clock.instant())) {
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
		var appointment = appointmentOf(staff, client, appointmentId);
		ZoneId zone = practices.get(staff.practiceId()).timeZone();
		int minutes = (int) appointment.length().toMinutes();
		try {
			var start = movableStart(staff, client, zone, date, time, minutes).atZone(zone).toInstant();
			appointments.reschedule(staff.practiceId(), appointment.id(), start, appointment.length());
			changed(staff, client.id(), AuditAction.SESSION_RESCHEDULED, "Moved a session");
			notices.rescheduled(staff.practiceId(), client.id(), appointment.startsAt(), start);
			// "10:00 a.m." ends with a period already; a sentence needs no second one.
			String when = MOVED_TO.format(start.atZone(zone));
			redirect.addFlashAttribute("notice", "Session moved to " + when + (when.endsWith(".") ? "" : "."));
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
		return "redirect:/app/clients/" + id + "/sessions#session-" + appointmentId;
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

	private String bookingFormAgain(RapportUser staff, UUID id, BookingForm form, String field, String message,
			Model model) {
		model.addAttribute("booking", form);
		model.addAttribute("errorField", field);
		model.addAttribute("error", message);
		return sessions(staff, id, model);
	}

	@PostMapping("/app/clients/{id}/appointments/{appointmentId}/attend")
	String attend(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id, @PathVariable UUID appointmentId,
			RedirectAttributes redirect) {
		var appointment = appointmentOf(staff, id, appointmentId);
		return transition(staff, id, appointment, redirect, "", () -> {
			var attended = appointments.attend(staff.practiceId(), appointment.id());
			changed(staff, appointment.clientId(), AuditAction.ATTENDANCE_RECORDED, "Recorded: attended");
			return "Recorded: attended (session " + attended.sessionNumber() + ").";
		});
	}

	@PostMapping("/app/clients/{id}/appointments/{appointmentId}/no-show")
	String noShow(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id, @PathVariable UUID appointmentId,
			RedirectAttributes redirect) {
		var appointment = appointmentOf(staff, id, appointmentId);
		return transition(staff, id, appointment, redirect, "", () -> {
			appointments.noShow(staff.practiceId(), appointment.id());
			changed(staff, appointment.clientId(), AuditAction.ATTENDANCE_RECORDED, "Recorded: no-show");
			return "Recorded: no-show. Reinstate it within " + Appointment.REINSTATE_WINDOW.toDays()
					+ " days if that was a mistake.";
		});
	}

	@PostMapping("/app/clients/{id}/appointments/{appointmentId}/late-cancel")
	String lateCancel(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id,
			@PathVariable UUID appointmentId, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		var appointment = appointmentOf(staff, id, appointmentId);
		return transition(staff, id, appointment, redirect, reason, () -> {
			appointments.lateCancel(staff.practiceId(), appointment.id(), reason);
			changed(staff, appointment.clientId(), AuditAction.ATTENDANCE_RECORDED, "Recorded: late cancellation");
			return "Recorded: late cancellation; its time is free again.";
		});
	}

	@PostMapping("/app/clients/{id}/appointments/{appointmentId}/reinstate")
	String reinstate(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id, @PathVariable UUID appointmentId,
			RedirectAttributes redirect) {
		Client client = visibleClient(staff, id);
		var appointment = appointmentOf(staff, client, appointmentId);
		try {
			return transition(staff, id, appointment, redirect, "", () -> {
				appointments.reinstate(staff.practiceId(), appointment.id());
				changed(staff, appointment.clientId(), AuditAction.ATTENDANCE_RECORDED, "Reinstated a session");
				return "Session reinstated: it is scheduled again.";
			});
		}
		catch (SlotTakenException ex) {
			rowRefused(redirect, appointmentId, "", client.therapistName()
					+ " has another session at that time now, so it was not reinstated. Book a new session instead.");
			return "redirect:/app/clients/" + id + "/sessions#session-" + appointmentId;
		}
	}

	/**
	 * Runs a change of attendance; a refusal comes back next to the session's row, with the reason
	 * typed, and the page opens at that row.
	 */
	private String transition(RapportUser staff, UUID clientId, Appointment appointment, RedirectAttributes redirect,
			String reason, java.util.function.Supplier<String> change) {
		try {
			redirect.addFlashAttribute("notice", change.get());
		}
		catch (AttendanceRefused ex) {
			rowRefused(redirect, appointment.id().value(), reason, ex.getMessage() + " Nothing was changed.");
		}
		return "redirect:/app/clients/" + clientId + "/sessions#session-" + appointment.id();
	}

	private static void rowRefused(RedirectAttributes redirect, UUID appointment, String reason, String message) {
		redirect.addFlashAttribute("rowError", message);
		redirect.addFlashAttribute("rowOf", appointment);
		redirect.addFlashAttribute("reasonValue", reason);
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
			// Next to the link field, with what was typed, so it can be corrected rather than typed again.
			redirect.addFlashAttribute("linkError", ex.getMessage() + " The link was not saved.");
			redirect.addFlashAttribute("linkOf", appointmentId);
			redirect.addFlashAttribute("linkValue", url);
		}
		return "redirect:/app/clients/" + id + "/sessions#session-" + appointmentId;
	}

	@PostMapping("/app/clients/{id}/appointments/{appointmentId}/cancel")
	String cancel(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id, @PathVariable UUID appointmentId,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		var appointment = appointmentOf(staff, id, appointmentId);
		return transition(staff, id, appointment, redirect, reason, () -> {
			appointments.cancel(staff.practiceId(), appointment.id(), reason);
			changed(staff, appointment.clientId(), AuditAction.SESSION_CANCELLED, "Cancelled a session");
			return "Session cancelled; its time is free again.";
		});
	}

	private Appointment appointmentOf(RapportUser staff, UUID clientId, UUID appointmentId) {
		return appointmentOf(staff, visibleClient(staff, clientId), appointmentId);
	}

	/** The client's appointment, or 404 for one of another client, therapist or practice. */
	private Appointment appointmentOf(RapportUser staff, Client client, UUID appointmentId) {
		return appointments.find(staff.practiceId(), new AppointmentId(appointmentId))
			.filter(a -> a.clientId().equals(client.id()))
			.orElseThrow(RecordNotFoundException::new);
	}

	/** A column another module adds, with its cells by session. */
	public record ColumnView(String heading, java.util.Map<AppointmentId, care.rapport.scheduling.SessionColumn.Cell> cells) {
	}

	private Client visibleClient(RapportUser staff, UUID id) {
		return clients.openForAdministration(staff, new ClientId(id))
			.orElseThrow(RecordNotFoundException::new);
	}

}
