package care.rapport.imports.web;

import java.io.IOException;

import care.rapport.identity.Accounts;
import care.rapport.identity.RapportUser;
import care.rapport.identity.Role;
import care.rapport.identity.UserId;
import care.rapport.imports.HistoryFile;
import care.rapport.imports.HistoryImport;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The admin's page for importing measurement history: a dry run lists every row's errors, an import
 * stores the whole file or nothing. The page shows row numbers, external client ids, counts and
 * errors only: never a score or an alert, which are clinical content.
 */
@Controller
class ImportController {

	private final HistoryImport imports;

	private final Accounts accounts;

	ImportController(HistoryImport imports, Accounts accounts) {
		this.imports = imports;
		this.accounts = accounts;
	}

	@GetMapping("/app/imports")
	String page(@AuthenticationPrincipal RapportUser admin, @RequestParam(required = false) String file, Model model) {
		admin.requirePracticeAdmin();
		if ("too-large".equals(file)) {
			model.addAttribute("error", "The file is larger than the upload limit. Split it into smaller files (by "
					+ "client) and check each; nothing was stored.");
		}
		model.addAttribute("therapists", accounts.clinicians(admin.practiceId()));
		model.addAttribute("wideHeader", HistoryFile.WIDE_HEADER);
		model.addAttribute("longHeader", HistoryFile.LONG_HEADER);
		return "imports/import";
	}

	@PostMapping("/app/imports")
	String submit(@AuthenticationPrincipal RapportUser admin, @RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "") String therapist, @RequestParam(defaultValue = "false") boolean consent,
			@RequestParam(defaultValue = "preview") String mode, Model model) throws IOException {
		admin.requirePracticeAdmin();
		page(admin, null, model);
		model.addAttribute("chosenTherapist", therapist);
		model.addAttribute("consent", consent);
		if (file == null || file.isEmpty()) {
			model.addAttribute("error", "Choose a CSV file to check or import.");
			return "imports/import";
		}
		model.addAttribute("fileName", file.getOriginalFilename());
		byte[] content = file.getBytes();
		if (!"import".equals(mode)) {
			model.addAttribute("outcome", imports.dryRun(admin, content));
			return "imports/import";
		}
		UserId owner = accounts.clinicians(admin.practiceId())
			.stream()
			.filter(member -> member.id().value().toString().equals(therapist) && member.roles().contains(Role.THERAPIST))
			.map(Accounts.Member::id)
			.findFirst()
			.orElse(null);
		if (owner == null || !consent) {
			model.addAttribute("error", owner == null ? "Choose the therapist new clients are assigned to."
					: "Confirm that the practice holds measurement consent for these clients.");
			model.addAttribute("outcome", imports.dryRun(admin, content));
			return "imports/import";
		}
		try {
			model.addAttribute("outcome", imports.importFile(admin, content, file.getOriginalFilename(), owner, true));
		}
		catch (HistoryImport.RejectedFile rejected) {
			model.addAttribute("outcome", rejected.outcome());
		}
		return "imports/import";
	}

}
