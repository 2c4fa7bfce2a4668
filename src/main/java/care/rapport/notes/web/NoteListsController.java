package care.rapport.notes.web;

import care.rapport.identity.RapportUser;
import care.rapport.identity.Role;
import care.rapport.notes.ProgressNotes;
import care.rapport.practice.Practices;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff's lists: the sessions still needing a signed note (oldest first, so nothing is
 * forgotten) and, for supervisors, the notes awaiting their co-signature. Names and dates only,
 * never note text. Admins write no notes: their lists are empty and say so.
 */
@Controller
class NoteListsController {

	private final ProgressNotes notes;

	private final Practices practices;

	NoteListsController(ProgressNotes notes, Practices practices) {
		this.notes = notes;
		this.practices = practices;
	}

	@GetMapping("/app/notes")
	String toWrite(@AuthenticationPrincipal RapportUser staff, Model model) {
		boolean clinician = clinician(staff);
		model.addAttribute("clinician", clinician);
		model.addAttribute("unsigned", clinician ? notes.toWrite(staff) : java.util.List.of());
		model.addAttribute("mine", clinician ? notes.awaitingCosignatureOf(staff) : java.util.List.of());
		model.addAttribute("cosigners", notes.cosigners(staff, staff.id()));
		model.addAttribute("supervisor", staff.has(Role.SUPERVISOR));
		model.addAttribute("zone", practices.get(staff.practiceId()).timeZone());
		return "notes/to-write";
	}

	@GetMapping("/app/notes/cosign")
	String toCosign(@AuthenticationPrincipal RapportUser staff, Model model) {
		model.addAttribute("clinician", clinician(staff));
		model.addAttribute("waiting", clinician(staff) ? notes.awaitingCosignatureBy(staff) : java.util.List.of());
		model.addAttribute("zone", practices.get(staff.practiceId()).timeZone());
		return "notes/cosign";
	}

	private static boolean clinician(RapportUser staff) {
		return staff.has(Role.THERAPIST) || staff.has(Role.SUPERVISOR);
	}

}
