package care.rapport.practice;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.ui.Model;

/**
 * The one way a page that re-renders its form shows a refusal: the message as {@code error}, the
 * same message under {@code fieldErrors[field]} so the template puts it next to that field, and
 * the code as {@code errorCode}. What was typed is the caller's to put back (it knows its form).
 */
public final class RefusedForm {

	private RefusedForm() {
	}

	public static void show(Model model, Refusal refusal) {
		show(model, refusal, refusal.getMessage());
	}

	/** With wording of the page's own, such as "… Nothing was saved." */
	public static void show(Model model, Refusal refusal, String message) {
		model.addAttribute("error", message);
		model.addAttribute("errorCode", refusal.code());
		Map<String, String> fields = new LinkedHashMap<>();
		if (refusal.field() != null) {
			fields.put(refusal.field(), message);
		}
		model.addAttribute("fieldErrors", fields);
	}

}
