package care.rapport.fhir.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.fhir.ImportedInstruments;
import care.rapport.fhir.ImportedInstruments.StoredQuestionnaire;
import care.rapport.fhir.QuestionnaireFormatException;
import care.rapport.fhir.QuestionnaireJson;
import care.rapport.fhir.QuestionnaireMapper;
import care.rapport.identity.RapportUser;
import care.rapport.identity.Role;
import care.rapport.measures.InstrumentDefinition;
import care.rapport.measures.Instruments;
import care.rapport.practice.Practices;
import care.rapport.practice.RecordNotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The instruments staff can use: the shipped ones and the practice's own, each downloadable as a FHIR
 * R4 Questionnaire; admins import new ones by pasting a Questionnaire.
 */
@Controller
class InstrumentsController {

	static final MediaType FHIR_JSON = new MediaType("application", "fhir+json", StandardCharsets.UTF_8);

	private final Instruments instruments;

	private final ImportedInstruments imported;

	private final QuestionnaireMapper mapper;

	private final QuestionnaireJson json;

	private final Practices practices;

	private final AuditLog audit;

	InstrumentsController(Instruments instruments, ImportedInstruments imported, QuestionnaireMapper mapper,
			QuestionnaireJson json, Practices practices, AuditLog audit) {
		this.instruments = instruments;
		this.imported = imported;
		this.mapper = mapper;
		this.json = json;
		this.practices = practices;
		this.audit = audit;
	}

	@GetMapping("/app/instruments")
	String list(@AuthenticationPrincipal RapportUser staff, Model model) {
		return page(staff, model, "", List.of());
	}

	/** A shipped instrument mapped afresh, or one of the practice's exactly as it was imported. */
	@GetMapping("/app/instruments/{code}/questionnaire.json")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal RapportUser staff, @PathVariable String code,
			@RequestParam Optional<Integer> version) {
		StoredQuestionnaire questionnaire = instruments.find(code)
			.filter(shipped -> version.isEmpty() || version.get() == shipped.version())
			.map(shipped -> new StoredQuestionnaire(shipped.code(), shipped.version(),
					json.write(mapper.toQuestionnaire(shipped))))
			.or(() -> imported.questionnaire(staff.practiceId(), code, version))
			.orElseThrow(RecordNotFoundException::new);
		audit.record(AuditEntry.of(staff.practiceId(), staff.actor(), AuditAction.INSTRUMENT_EXPORTED,
				"Exported " + questionnaire.code() + " version " + questionnaire.version()
						+ " as a FHIR Questionnaire"));
		String filename = questionnaire.code() + "-v" + questionnaire.version() + ".questionnaire.json";
		return ResponseEntity.ok()
			.contentType(FHIR_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(questionnaire.json().getBytes(StandardCharsets.UTF_8));
	}

	@PostMapping("/app/instruments/import")
	String importQuestionnaire(@AuthenticationPrincipal RapportUser staff,
			@RequestParam(defaultValue = "") String questionnaire, Model model, RedirectAttributes redirect) {
		staff.requirePracticeAdmin();
		InstrumentDefinition definition;
		try {
			definition = imported.importQuestionnaire(staff, questionnaire);
		}
		catch (QuestionnaireFormatException ex) {
			return page(staff, model, questionnaire, ex.problems());
		}
		redirect.addFlashAttribute("notice", "Imported " + definition.title() + " (" + definition.code()
				+ ", version " + definition.version() + "). It is listed under your practice's instruments.");
		return "redirect:/app/instruments";
	}

	private String page(RapportUser staff, Model model, String questionnaire, List<String> problems) {
		model.addAttribute("shipped", instruments.all());
		model.addAttribute("imported", imported.list(staff.practiceId()));
		model.addAttribute("zone", practices.get(staff.practiceId()).timeZone());
		model.addAttribute("isAdmin", staff.has(Role.PRACTICE_ADMIN));
		model.addAttribute("questionnaire", questionnaire);
		model.addAttribute("problems", problems);
		return "fhir/instruments";
	}

}
