package care.rapport.demo;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import care.rapport.clients.ClientId;
import care.rapport.clients.Episodes;
import care.rapport.identity.Accounts;
import care.rapport.identity.RapportUser;
import care.rapport.identity.Role;
import care.rapport.identity.UserId;
import care.rapport.notes.NoteDraft;
import care.rapport.notes.NoteTemplate;
import care.rapport.notes.ProgressNotes;
import care.rapport.notes.PsychotherapyNotes;
import care.rapport.practice.Ids;
import care.rapport.practice.Practice;
import care.rapport.scheduling.Appointment;
import care.rapport.scheduling.Appointments;
import org.springframework.stereotype.Component;

/**
 * Session notes for the demo, written through the same calls the note page makes: Sam Okafor's
 * notes of Alex Rivera's last sessions (a DAP and two SOAP notes signed, one with an addendum, the
 * latest still a draft, and a psychotherapy note only Sam sees), and a note by Jordan Whitehorse,
 * who is supervised, awaiting Dr. Priya Raman's co-signature.
 */
@Component
class DemoNotes {

	private final ProgressNotes notes;

	private final PsychotherapyNotes processNotes;

	private final Appointments appointments;

	private final Episodes episodes;

	private final Accounts accounts;

	DemoNotes(ProgressNotes notes, PsychotherapyNotes processNotes, Appointments appointments, Episodes episodes,
			Accounts accounts) {
		this.notes = notes;
		this.processNotes = processNotes;
		this.appointments = appointments;
		this.episodes = episodes;
		this.accounts = accounts;
	}

	/**
	 * Writes the notes, in the caller's transaction.
	 * @param alex Sam's first client, with eight attended sessions
	 * @param jordansClient a client of Jordan with attended sessions
	 */
	void create(Practice practice, UserId sam, ClientId alex, UserId jordan, ClientId jordansClient) {
		RapportUser samUser = staff(practice, sam);
		List<Appointment> alexSessions = attended(practice, alex);
		int last = alexSessions.size() - 1;
		sign(samUser, alex, alexSessions.get(last - 3), NoteTemplate.DAP, Map.of("data",
				"Alex reported two weeks of steadier mood and returning to the Saturday running group. PHQ-9 11, "
						+ "GAD-7 8 (down from 13 and 10). Reviewed the activity log: 9 of 12 planned activities done.",
				"assessment",
				"Reliable improvement on both measures. Behavioural activation is taking hold; avoidance of work "
						+ "e-mail remains the main anxiety trigger. No risk indicators.",
				"plan", "Introduce thought records for work-related worry. Keep the activity schedule. Next session in one week."));
		sign(samUser, alex, alexSessions.get(last - 2), NoteTemplate.SOAP, Map.of("subjective",
				"\u201cI opened my inbox on Monday and it was fine.\u201d Sleeping about seven hours. Still dreads team meetings.",
				"objective", "Bright affect, good eye contact. PHQ-9 9, GAD-7 7. Brought two completed thought records.",
				"assessment",
				"Continued improvement. Catastrophic predictions about meetings are the active theme; "
						+ "Alex is able to generate balanced alternatives with little prompting.",
				"plan", "Graded exposure: speak once in Thursday's meeting. Thought records as needed. Review in one week."));
		sign(samUser, alex, alexSessions.get(last - 1), NoteTemplate.SOAP, Map.of("subjective",
				"Spoke up in the meeting; \u201cnobody reacted the way I feared.\u201d Mood \u201cmostly good.\u201d",
				"objective", "PHQ-9 8, GAD-7 6. Session check-in 10/10.", "assessment",
				"Below the clinical cut-off on both measures for two sessions. Gains are generalising beyond work.",
				"plan", "Begin relapse-prevention planning. Discuss moving to sessions every two weeks."));
		notes.addAddendum(samUser, alex, alexSessions.get(last - 1).id(),
				"Alex e-mailed the next day to agree to sessions every two weeks after the next one.",
				Ids.next());
		Appointment latest = alexSessions.get(last);
		notes.saveDraft(samUser, alex, latest.id(), new NoteDraft(NoteTemplate.SOAP, Map.of("subjective",
				"Feels ready to space sessions out. Worried a little about \u201csliding back\u201d over the holidays.",
				"objective", "PHQ-9 7, GAD-7 5.", "assessment", "", "plan", ""), 0, Ids.next()));
		processNotes.save(samUser, alex, latest.id(),
				"Noticed my own pull to keep her in weekly sessions: check whether that is for her or for me.", 0,
				Ids.next());

		List<Appointment> jordanSessions = attended(practice, jordansClient);
		if (!jordanSessions.isEmpty()) {
			sign(staff(practice, jordan), jordansClient, jordanSessions.get(jordanSessions.size() - 1), NoteTemplate.BIRP,
					Map.of("behaviour", "Client arrived on time, tired but engaged; described arguments at home this week.",
							"intervention", "Validated; practised a paced-breathing exercise; introduced a time-out plan.",
							"response", "Tried the breathing exercise twice in session and said it \u201ctook the edge off\u201d.",
							"plan", "Use the time-out plan once this week and report back. Continue weekly."));
		}
	}

	private void sign(RapportUser author, ClientId client, Appointment session, NoteTemplate template,
			Map<String, String> sections) {
		notes.sign(author, client, session.id(), new NoteDraft(template, sections, 0, Ids.next()));
	}

	private List<Appointment> attended(Practice practice, ClientId client) {
		return episodes.current(practice.id(), client)
			.map(e -> appointments.ofEpisode(practice.id(), e.id()))
			.orElse(List.of())
			.stream()
			.filter(a -> a.sessionNumber() != null)
			.toList();
	}

	/** The therapist as if signed in, so the notes are written, signed and audited in their name. */
	private RapportUser staff(Practice practice, UserId id) {
		var member = accounts.member(practice.id(), id).orElseThrow();
		return new RapportUser(id, member.email(), member.displayName(), practice.id(), practice.name(),
				EnumSet.of(Role.THERAPIST), true, null);
	}

}
