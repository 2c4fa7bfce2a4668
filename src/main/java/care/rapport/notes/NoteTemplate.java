package care.rapport.notes;

import java.util.List;
import java.util.Optional;

/** The shapes a progress note can take; each section is written in its own text area. */
public enum NoteTemplate {

	SOAP("SOAP", "Subjective, Objective, Assessment, Plan",
			List.of(new NoteSection("subjective", "Subjective",
					"What the client reports: concerns, mood, events since the last session, in their words where it helps."),
					new NoteSection("objective", "Objective",
							"What you observed: appearance, affect, behaviour, measure scores, risk screening."),
					new NoteSection("assessment", "Assessment",
							"Your clinical impression: progress toward goals, changes in risk, working formulation."),
					new NoteSection("plan", "Plan",
							"Next steps: interventions, homework, referrals, the focus of the next session."))),
	DAP("DAP", "Data, Assessment, Plan",
			List.of(new NoteSection("data", "Data",
					"What happened in the session: what the client said and did, and what you observed."),
					new NoteSection("assessment", "Assessment",
							"What it means: your interpretation, progress toward goals, risk."),
					new NoteSection("plan", "Plan", "What comes next: interventions, homework, the next session."))),
	BIRP("BIRP", "Behaviour, Intervention, Response, Plan",
			List.of(new NoteSection("behaviour", "Behaviour",
					"The client's presentation: what they reported and the behaviour you observed."),
					new NoteSection("intervention", "Intervention",
							"What you did: the techniques and methods used, toward which goal."),
					new NoteSection("response", "Response", "How the client responded to the interventions."),
					new NoteSection("plan", "Plan", "Next steps: homework, follow-up, the focus of the next session."))),
	FREE_TEXT("Free text", "One section, your own structure", List.of(new NoteSection("text", "Note",
			"The session in your own structure: what happened, your assessment and the plan.")));

	private final String label;

	private final String description;

	private final List<NoteSection> sections;

	NoteTemplate(String label, String description, List<NoteSection> sections) {
		this.label = label;
		this.description = description;
		this.sections = sections;
	}

	public String label() {
		return label;
	}

	public String description() {
		return description;
	}

	public List<NoteSection> sections() {
		return sections;
	}

	public boolean has(String sectionKey) {
		return sections.stream().anyMatch(s -> s.key().equals(sectionKey));
	}

	public Optional<NoteSection> section(String key) {
		return sections.stream().filter(s -> s.key().equals(key)).findFirst();
	}

	/** The heading of a section of any template, none for an unknown key. */
	public static @org.jspecify.annotations.Nullable String labelOf(String sectionKey) {
		for (NoteTemplate template : values()) {
			var section = template.section(sectionKey);
			if (section.isPresent()) {
				return section.get().label();
			}
		}
		return null;
	}

	/** The template named, if it is one. */
	public static Optional<NoteTemplate> parse(String name) {
		for (NoteTemplate template : values()) {
			if (template.name().equals(name)) {
				return Optional.of(template);
			}
		}
		return Optional.empty();
	}

}
