package care.rapport.clients.web;

import java.util.List;

import care.rapport.audit.AuditTrail;
import care.rapport.clients.Clients;
import care.rapport.identity.RapportUser;
import care.rapport.practice.Practices;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A client's own access history: who at the practice viewed their record, and when. */
@Controller
class AccessHistoryController {

	private final AuditTrail trail;

	private final Clients clients;

	private final Practices practices;

	AccessHistoryController(AuditTrail trail, Clients clients, Practices practices) {
		this.trail = trail;
		this.clients = clients;
		this.practices = practices;
	}

	@GetMapping("/me/access-history")
	String accessHistory(@AuthenticationPrincipal RapportUser client, Model model) {
		var record = clients.ownRecord(client);
		model.addAttribute("events", record
			.map(r -> trail.accessHistory(client.practiceId(), r.id().value(), client.id().value()))
			.orElse(List.of()));
		model.addAttribute("zone", practices.get(client.practiceId()).timeZone());
		return "clients/access-history";
	}

}
