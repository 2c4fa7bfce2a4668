package care.rapport.identity.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditSensitivity;
import org.jspecify.annotations.Nullable;

/**
 * A choice in the admin's "What" filter: one administrative action, or all clinical reads, or all
 * clinical changes. Admins are never offered a single clinical action: filtering one client by
 * "Alert raised" would tell them the client had an alert.
 *
 * @param value what the form sends
 * @param label what the admin reads
 * @param actions the actions it lists; empty for any
 */
record AuditFilter(String value, String label, List<AuditAction> actions) {

	static final AuditFilter ANY = new AuditFilter("", "Anything", List.of());

	static List<AuditFilter> choices() {
		var choices = new ArrayList<AuditFilter>();
		choices.add(ANY);
		for (AuditSensitivity kind : List.of(AuditSensitivity.CLINICAL_READ, AuditSensitivity.CLINICAL_CHANGE)) {
			choices.add(new AuditFilter(kind.name(), kind.adminLabel(), kind.actions()));
		}
		AuditSensitivity.ADMINISTRATIVE.actions()
			.forEach(a -> choices.add(new AuditFilter(a.name(), a.label(), List.of(a))));
		return choices;
	}

	/** The choice a form or link sent; a single clinical action stands for its whole kind. */
	static AuditFilter parse(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return ANY;
		}
		String name = value.strip();
		var action = Arrays.stream(AuditAction.values()).filter(a -> a.name().equals(name)).findFirst();
		String wanted = action.map(a -> a.sensitivity().clinical() ? a.sensitivity().name() : a.name()).orElse(name);
		return choices().stream().filter(c -> c.value().equals(wanted)).findFirst().orElse(ANY);
	}

}
