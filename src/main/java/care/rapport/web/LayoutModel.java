package care.rapport.web;

import care.rapport.identity.RapportUser;
import care.rapport.identity.Role;
import care.rapport.mail.OutboxPage;
import care.rapport.messaging.Messages;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page: who is signed in and which menu entries they have. */
@ControllerAdvice
class LayoutModel {

	private final OutboxPage outboxPage;

	private final Messages messages;

	LayoutModel(OutboxPage outboxPage, Messages messages) {
		this.outboxPage = outboxPage;
		this.messages = messages;
	}

	@ModelAttribute
	void layout(Model model) {
		RapportUser user = RapportUser.fullySignedIn(SecurityContextHolder.getContext().getAuthentication())
			.orElse(null);
		model.addAttribute("currentUser", user);
		model.addAttribute("navStaff", user != null && user.staff());
		model.addAttribute("navClient", user != null && !user.staff());
		model.addAttribute("navClinician",
				user != null && (user.has(Role.THERAPIST) || user.has(Role.SUPERVISOR)));
		model.addAttribute("navAdmin", user != null && user.has(Role.PRACTICE_ADMIN));
		model.addAttribute("navOutbox", user != null && user.staff() && outboxPage.enabled());
		// One indexed count per page: the menu shows "Messages (2)" to clients and therapists.
		model.addAttribute("unreadMessages", user == null ? 0 : messages.unreadFor(user));
	}

}
