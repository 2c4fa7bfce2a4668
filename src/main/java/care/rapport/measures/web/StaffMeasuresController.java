package care.rapport.measures.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.rapport.clients.Client;
import care.rapport.clients.ClientId;
import care.rapport.clients.Clients;
import care.rapport.clients.Episodes;
import care.rapport.identity.RapportUser;
import care.rapport.measures.Administrations;
import care.rapport.measures.ConsentMissingException;
import care.rapport.measures.InstrumentDefinition;
import care.rapport.measures.Instruments;
import care.rapport.measures.InvalidAnswersException;
import care.rapport.measures.MeasurementTiming;
import care.rapport.measures.NoOpenEpisodeException;
import care.rapport.practice.Practices;
import care.rapport.practice.RecordNotFoundException;
import care.rapport.scheduling.Appointment;
import care.rapport.scheduling.Appointments;
import care.rapport.scheduling.Attendance;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The care team's side of measures: a client's measurement plan, and answers given on paper. */
@Controller
class StaffMeasuresController {

	private final Clients clients;

	private final Episodes episodes;

	private final Appointments appointments;

	private final Administrations administrations;

	private final Instruments instruments;

	private final Practices practices;

	private final care.rapport.mail.Outbox outbox;

	private final care.rapport.mail.MailSettings mail;

	StaffMeasuresController(Clients clients, Episodes episodes, Appointments appointments,
			Administrations administrations, Instruments instruments, Practices practices,
			care.rapport.mail.Outbox outbox, care.rapport.mail.MailSettings mail) {
		this.outbox = outbox;
		this.mail = mail;
		this.clients = clients;
		this.episodes = episodes;
		this.appointments = appointments;
		this.administrations = administrations;
		this.instruments = instruments;
		this.practices = practices;
	}

	/** Why nothing is asked of a client, in the care team's words. */
	static final String CONSENT_MISSING = "Nothing is asked of %s: they have not signed consent to check-ins and "
			+ "feedback, or have withdrawn it. Once they sign it on their Consent page, their measurement plan starts.";

	/** A session to file paper answers under. */
	record SessionChoice(String id, String label) {
	}

	@GetMapping("/app/clients/{id}/paper/{code}")
	String paperForm(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id, @PathVariable String code,
			Model model) {
		Client client = careTeamClient(staff, id, "Opened paper entry");
		InstrumentDefinition definition = instrument(staff, code);
		return render(model, staff, client, definition, Map.of(), Map.of(), "");
	}

	@PostMapping("/app/clients/{id}/paper/{code}")
	String enterPaper(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id, @PathVariable String code,
			@RequestParam Map<String, String> form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Client client = careTeamClient(staff, id, "Entered paper answers");
		InstrumentDefinition definition = instrument(staff, code);
		AnswerForm posted = AnswerForm.read(form);
		Map<String, Integer> answers = posted.answers();
		String session = form.getOrDefault("appointmentId", "");
		UUID appointment = sessionChoices(staff, client).stream()
			.filter(s -> s.id().equals(session) && !s.id().isEmpty())
			.findFirst()
			.map(s -> UUID.fromString(s.id()))
			.orElse(null);
		var episode = episodes.current(staff.practiceId(), client.id())
			.orElseThrow(NoOpenEpisodeException::new);
		try {
			posted.readable(definition.code());
			administrations.enterOnPaper(staff.practiceId(), client.id(), episode.id().value(), appointment,
					definition.code(), answers, staff.id());
		}
		catch (InvalidAnswersException ex) {
			var feedback = AnswerForm.feedback(ex.problems());
			if (feedback.malformed()) {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			}
			model.addAttribute("error", "Some answers are missing or could not be read: see the marked questions. "
					+ "Nothing was saved; the other answers are kept.");
			return render(model, staff, client, definition, answers, feedback.messages(), session);
		}
		catch (ConsentMissingException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return render(model, staff, client, definition, answers, Map.of(), session);
		}
		redirect.addFlashAttribute("notice", definition.code() + " answers from paper saved.");
		return "redirect:/app/clients/" + id + "/progress";
	}

	@PostMapping("/app/clients/{id}/measures/{administrationId}/link")
	String sendLink(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id, @PathVariable UUID administrationId,
			RedirectAttributes redirect) {
		Client client = careTeamClient(staff, id, "Sent a questionnaire link");
		var administration = administrations
			.find(staff.practiceId(), client.id(), new care.rapport.measures.AdministrationId(administrationId))
			.filter(a -> a.status() == care.rapport.measures.AdministrationStatus.DUE)
			.orElseThrow(RecordNotFoundException::new);
		if (!administrations.consented(staff.practiceId(), client.id())) {
			redirect.addFlashAttribute("error", CONSENT_MISSING.formatted(client.displayName()));
			return "redirect:/app/clients/" + id + "/progress";
		}
		String token = administrations.issueLink(staff.practiceId(), client.id(), administration.id());
		outbox.enqueue(staff.practiceId(), client.email(), "A short check-in from " + staff.practiceName(), """
				Hello %s,

				Your therapist would like to hear how you have been. This link opens one short questionnaire;
				it works once, for 7 days, and you don't need to sign in:
				%s/respond/%s

				You can skip any question you'd rather not answer by leaving this for your next session.
				If you are in crisis, call or text 9-8-8, or call 911 in an emergency.
				""".formatted(client.displayName(), mail.baseUrl(), token), staff.id().value());
		redirect.addFlashAttribute("notice", "A link to the " + administration.instrumentCode() + " was e-mailed to "
				+ client.displayName() + ". It works once, for 7 days.");
		return "redirect:/app/clients/" + id + "/progress";
	}

	@GetMapping("/app/clients/{id}/plan")
	String plan(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id, Model model) {
		Client client = careTeamClient(staff, id, "Viewed the measurement plan");
		model.addAttribute("client", client);
		model.addAttribute("plan", administrations.planOf(staff.practiceId(), client.id()));
		model.addAttribute("weeks", administrations.periodsOf(staff.practiceId(), client.id()));
		model.addAttribute("consentMissing", administrations.consented(staff.practiceId(), client.id()) ? null
				: CONSENT_MISSING.formatted(client.displayName()));
		model.addAttribute("instruments", instruments.all(staff.practiceId()));
		model.addAttribute("timings", List.of(MeasurementTiming.values()));
		return "measures/plan";
	}

	@PostMapping("/app/clients/{id}/plan")
	String savePlan(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		Client client = careTeamClient(staff, id, "Changed the measurement plan");
		Map<String, MeasurementTiming> plan = new LinkedHashMap<>();
		Map<String, Integer> weeks = new LinkedHashMap<>();
		for (InstrumentDefinition definition : instruments.all(staff.practiceId())) {
			String timing = form.getOrDefault("timing." + definition.code(), "NONE");
			java.util.Arrays.stream(MeasurementTiming.values())
				.filter(t -> t.name().equals(timing))
				.findFirst()
				.ifPresent(t -> plan.put(definition.code(), t));
			String every = form.getOrDefault("weeks." + definition.code(), "").strip();
			if (plan.get(definition.code()) == MeasurementTiming.EVERY_N_WEEKS && !every.isEmpty()) {
				try {
					weeks.put(definition.code(), Integer.parseInt(every));
				}
				catch (NumberFormatException ex) {
					weeks.put(definition.code(), -1);
				}
			}
		}
		try {
			administrations.setPlan(staff.practiceId(), client.id(), plan, weeks);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage() + " Nothing was changed.");
			return "redirect:/app/clients/" + id + "/plan";
		}
		redirect.addFlashAttribute("notice", plan.isEmpty() ? "The client is not asked for any measure now."
				: "Measurement plan saved; it applies to sessions booked from now on.");
		return "redirect:/app/clients/" + id + "/plan";
	}

	private String render(Model model, RapportUser staff, Client client, InstrumentDefinition definition,
			Map<String, Integer> answers, Map<String, String> problems, String chosenSession) {
		model.addAttribute("definition", definition);
		model.addAttribute("answers", answers);
		model.addAttribute("problems", problems);
		model.addAttribute("formAction", "/app/clients/" + client.id() + "/paper/" + definition.code());
		model.addAttribute("backUrl", "/app/clients/" + client.id() + "/progress");
		model.addAttribute("staffMode", true);
		model.addAttribute("clientName", client.displayName());
		model.addAttribute("sessions", sessionChoices(staff, client));
		model.addAttribute("chosenSession", chosenSession);
		if (!administrations.consented(staff.practiceId(), client.id())) {
			model.addAttribute("error", CONSENT_MISSING.formatted(client.displayName()) + " Paper answers can't be "
					+ "recorded until then.");
			model.addAttribute("consentMissing", true);
		}
		return "measures/form";
	}

	private List<SessionChoice> sessionChoices(RapportUser staff, Client client) {
		var zone = practices.get(staff.practiceId()).timeZone();
		List<SessionChoice> choices = new ArrayList<>();
		choices.add(new SessionChoice("", "Not tied to a session"));
		episodes.current(staff.practiceId(), client.id()).ifPresent(episode -> {
			for (Appointment a : appointments.ofEpisode(staff.practiceId(), episode.id())) {
				if (a.attendance() == Attendance.ATTENDED || a.attendance() == Attendance.SCHEDULED) {
					choices.add(new SessionChoice(a.id().toString(),
							(a.sessionNumber() != null ? "Session " + a.sessionNumber() + ", " : "Booked, ")
									+ java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy, h:mm a")
										.format(a.startsAt().atZone(zone))));
				}
			}
		});
		return choices;
	}

	private InstrumentDefinition instrument(RapportUser staff, String code) {
		return instruments.find(staff.practiceId(), code).orElseThrow(RecordNotFoundException::new);
	}

	private Client careTeamClient(RapportUser staff, UUID id, String what) {
		return clients.openForCare(staff, new ClientId(id), what)
			.orElseThrow(RecordNotFoundException::new);
	}

}
