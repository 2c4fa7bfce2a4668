package care.rapport.identity.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.audit.AuditTrail;
import care.rapport.identity.Accounts;
import care.rapport.identity.RapportUser;
import care.rapport.identity.UserId;
import care.rapport.practice.Practices;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The practice admin's search of the audit trail, with its integrity check. */
@Controller
class AuditSearchController {

	private final AuditTrail trail;

	private final AuditLog audit;

	/** Stands for an e-mail of no member of the practice: matches no row. */
	private static final UUID NO_ONE = new UUID(0, 0);

	private final Practices practices;

	private final Accounts accounts;

	AuditSearchController(AuditTrail trail, AuditLog audit, Practices practices, Accounts accounts) {
		this.trail = trail;
		this.audit = audit;
		this.practices = practices;
		this.accounts = accounts;
	}

	@GetMapping("/app/audit")
	String search(@AuthenticationPrincipal RapportUser admin, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) String client,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "false") boolean searches, @RequestParam(defaultValue = "0") int page,
			Model model) {
		admin.requirePracticeAdmin();
		ZoneId zone = practices.get(admin.practiceId()).timeZone();
		AuditFilter what = AuditFilter.parse(action);
		UUID clientId = parseUuid(client);
		if (client != null && !client.isBlank() && clientId == null) {
			model.addAttribute("error", "A client id looks like 0190f3c2-…; choose a client's name in the list below "
					+ "to search their records.");
		}
		UUID actorId = null;
		if (actor != null && actor.contains("@")) {
			// By e-mail: the account itself, so two people of one name are told apart. An e-mail no one
			// here uses finds nothing rather than everyone.
			actorId = accounts.findByEmail(actor.strip())
				.filter(user -> accounts.member(admin.practiceId(), user).isPresent())
				.map(UserId::value)
				.orElse(NO_ONE);
		}
		var search = new AuditTrail.Search(actor, actorId, what.actions(), clientId,
				from == null ? null : from.atStartOfDay(zone).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), searches, Math.max(0, page));
		var rows = trail.searchForAdmin(admin.practiceId(), search);
		// Searches are audited, and hidden from the list unless asked for, so they do not bury the rest.
		audit.record(AuditEntry.of(admin.practiceId(), admin.actor(), AuditAction.AUDIT_SEARCHED,
				"Searched the audit trail"));
		model.addAttribute("events", rows.stream().limit(AuditTrail.PAGE_SIZE).toList());
		model.addAttribute("hasMore", rows.size() > AuditTrail.PAGE_SIZE);
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("filters", AuditFilter.choices());
		model.addAttribute("zone", zone);
		model.addAttribute("actor", actor == null ? "" : actor);
		model.addAttribute("action", what.value());
		model.addAttribute("client", client == null ? "" : client);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("searches", searches);
		model.addAttribute("chain", audit.verifyChain(admin.practiceId()));
		return "identity/audit-search";
	}

	private static UUID parseUuid(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
