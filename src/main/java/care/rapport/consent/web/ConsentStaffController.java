package care.rapport.consent.web;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import care.rapport.clients.ClientId;
import care.rapport.clients.Clients;
import care.rapport.consent.ConsentDocument;
import care.rapport.consent.ConsentKind;
import care.rapport.consent.ConsentRefused;
import care.rapport.consent.Consents;
import care.rapport.identity.RapportUser;
import care.rapport.identity.Role;
import care.rapport.practice.Practices;
import care.rapport.practice.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages for consent: a client's consent status (administrative, so the client's therapist,
 * their supervisor and admins see it, each view audited), and the practice's documents, which
 * admins publish new versions of.
 */
@Controller
class ConsentStaffController {

	private final Consents consents;

	private final Clients clients;

	private final Practices practices;

	ConsentStaffController(Consents consents, Clients clients, Practices practices) {
		this.consents = consents;
		this.clients = clients;
		this.practices = practices;
	}

	@GetMapping("/app/clients/{id}/consent")
	String clientStatus(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id, Model model) {
		var client = clients.openForAdministration(staff, new ClientId(id))
			.orElseThrow(RecordNotFoundException::new);
		model.addAttribute("client", client);
		model.addAttribute("states", consents.statusFor(staff.practiceId(), client.id()));
		model.addAttribute("zone", practices.get(staff.practiceId()).timeZone());
		// A withdrawal reason is the client's own words, for the clinicians: admins see only the status.
		model.addAttribute("showReasons", staff.has(Role.THERAPIST) || staff.has(Role.SUPERVISOR));
		return "consent/client-status";
	}

	@GetMapping("/app/consent-documents")
	String documents(@AuthenticationPrincipal RapportUser admin, Model model) {
		admin.requirePracticeAdmin();
		return renderDocuments(admin, model, null, null, null, null);
	}

	@PostMapping("/app/consent-documents/{kind}")
	String publish(@AuthenticationPrincipal RapportUser admin, @PathVariable String kind,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String body, Model model,
			RedirectAttributes redirect) {
		admin.requirePracticeAdmin();
		ConsentKind consentKind = ConsentKind.parse(kind)
			.orElseThrow(RecordNotFoundException::new);
		try {
			ConsentDocument published = consents.publish(admin, consentKind, title, body);
			redirect.addFlashAttribute("notice", "Published version " + published.version() + " of \""
					+ published.title() + "\". Clients are asked to read and sign it the next time they open "
					+ "their consent page; until they do, they no longer count as consenting.");
			return "redirect:/app/consent-documents#" + consentKind.name().toLowerCase(java.util.Locale.ROOT);
		}
		catch (ConsentRefused refused) {
			return renderDocuments(admin, model, consentKind, refused.getMessage(), title, body);
		}
	}

	private String renderDocuments(RapportUser admin, Model model, @Nullable ConsentKind errorKind,
			@Nullable String error, @Nullable String title, @Nullable String body) {
		var documents = consents.currentDocuments(admin.practiceId());
		Map<ConsentKind, String> titles = new EnumMap<>(ConsentKind.class);
		Map<ConsentKind, String> bodies = new EnumMap<>(ConsentKind.class);
		for (ConsentDocument document : documents) {
			boolean typed = document.kind() == errorKind;
			titles.put(document.kind(), typed && title != null ? title : document.title());
			bodies.put(document.kind(), typed && body != null ? body : document.body());
		}
		model.addAttribute("documents", documents);
		model.addAttribute("titles", titles);
		model.addAttribute("bodies", bodies);
		model.addAttribute("errorKind", errorKind);
		model.addAttribute("error", error);
		model.addAttribute("zone", practices.get(admin.practiceId()).timeZone());
		return "consent/documents";
	}

}
