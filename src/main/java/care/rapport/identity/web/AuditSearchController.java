package care.rapport.identity.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.UUID;

import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.audit.AuditTrail;
import care.rapport.identity.RapportUser;
import care.rapport.identity.Role;
import care.rapport.practice.Practices;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The practice admin's search of the audit trail, with its integrity check. */
@Controller
class AuditSearchController {

	private final AuditTrail trail;

	private final AuditLog audit;

	private final Practices practices;

	AuditSearchController(AuditTrail trail, AuditLog audit, Practices practices) {
		this.trail = trail;
		this.audit = audit;
		this.practices = practices;
	}

	@GetMapping("/app/audit")
	String search(@AuthenticationPrincipal RapportUser admin, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) String client,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		if (!admin.has(Role.PRACTICE_ADMIN)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		ZoneId zone = practices.get(admin.practiceId()).timeZone();
		AuditAction chosenAction = Arrays.stream(AuditAction.values())
			.filter(a -> a.name().equals(action))
			.findFirst()
			.orElse(null);
		UUID clientId = parseUuid(client);
		if (client != null && !client.isBlank() && clientId == null) {
			model.addAttribute("error", "A client id looks like 0190f3c2-…; copy it from the client's page.");
		}
		var search = new AuditTrail.Search(actor, chosenAction, clientId,
				from == null ? null : from.atStartOfDay(zone).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), Math.max(0, page));
		var events = trail.search(admin.practiceId(), search);
		audit.record(AuditEntry.of(admin.practiceId(), admin.actor(), AuditAction.AUDIT_SEARCHED,
				"Searched the audit trail"));
		model.addAttribute("events", events.stream().limit(AuditTrail.PAGE_SIZE).toList());
		model.addAttribute("hasMore", events.size() > AuditTrail.PAGE_SIZE);
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("actions", AuditAction.values());
		model.addAttribute("zone", zone);
		model.addAttribute("actor", actor == null ? "" : actor);
		model.addAttribute("action", chosenAction == null ? "" : chosenAction.name());
		model.addAttribute("client", client == null ? "" : client);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
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
