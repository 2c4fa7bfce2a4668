package care.rapport.consent.web;

import java.util.UUID;

import care.rapport.clients.Client;
import care.rapport.clients.Clients;
import care.rapport.consent.ConsentDocumentId;
import care.rapport.consent.ConsentKind;
import care.rapport.consent.ConsentRefused;
import care.rapport.consent.Consents;
import care.rapport.identity.RapportUser;
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
 * The client's consent page: each document to read, sign with their typed name, or withdraw (the
 * optional ones). A refused signature brings the page back with the message next to the document
 * and what was typed kept.
 */
@Controller
class ConsentPortalController {

	private final Consents consents;

	private final Clients clients;

	private final Practices practices;

	ConsentPortalController(Consents consents, Clients clients, Practices practices) {
		this.consents = consents;
		this.clients = clients;
		this.practices = practices;
	}

	@GetMapping("/me/consent")
	String page(@AuthenticationPrincipal RapportUser user, Model model) {
		return render(user, model, null, null, "", "");
	}

	@PostMapping("/me/consent/{documentId}/sign")
	String sign(@AuthenticationPrincipal RapportUser user, @PathVariable UUID documentId,
			@RequestParam(defaultValue = "") String typedName, Model model, RedirectAttributes redirect) {
		try {
			var signature = consents.sign(user, new ConsentDocumentId(documentId), typedName);
			redirect.addFlashAttribute("notice", "Thank you. You signed \"" + signature.kind().label()
					+ "\" (version " + signature.version() + ").");
			return "redirect:/me/consent#" + signature.kind().name().toLowerCase(java.util.Locale.ROOT);
		}
		catch (ConsentRefused refused) {
			var kind = consents.document(user.practiceId(), new ConsentDocumentId(documentId))
				.map(d -> d.kind())
				.orElse(null);
			return render(user, model, kind, refused.getMessage() + " Nothing was signed.", typedName, "");
		}
	}

	@PostMapping("/me/consent/{kind}/withdraw")
	String withdraw(@AuthenticationPrincipal RapportUser user, @PathVariable String kind,
			@RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
		ConsentKind consentKind = ConsentKind.parse(kind)
			.orElseThrow(RecordNotFoundException::new);
		try {
			boolean withdrawn = consents.withdraw(user, consentKind, reason);
			redirect.addFlashAttribute("notice", withdrawn
					? "You withdrew your consent to \"" + consentKind.label()
							+ "\". This took effect right away. You can sign again whenever you like."
					: "Your consent to \"" + consentKind.label() + "\" was not in place, so nothing changed.");
			return "redirect:/me/consent#" + consentKind.name().toLowerCase(java.util.Locale.ROOT);
		}
		catch (ConsentRefused refused) {
			return render(user, model, consentKind, refused.getMessage(), "", reason);
		}
	}

	private String render(RapportUser user, Model model, @Nullable ConsentKind errorKind, @Nullable String error,
			String typedName, String reason) {
		Client client = clients.ownRecord(user).orElseThrow(RecordNotFoundException::new);
		model.addAttribute("states", consents.statusFor(user.practiceId(), client.id()));
		model.addAttribute("zone", practices.get(user.practiceId()).timeZone());
		model.addAttribute("errorKind", errorKind);
		model.addAttribute("error", error);
		model.addAttribute("typedName", typedName);
		model.addAttribute("reason", reason);
		return "consent/portal";
	}

}
