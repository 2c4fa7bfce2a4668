package care.rapport.practice;

import java.util.List;

/**
 * Where to turn in a crisis, shown to a client right after an answer that signals risk. Canada
 * and the United States share the 9-8-8 line; elsewhere the practice must set its own.
 *
 * @param lines each a name and what to do, e.g. "Suicide Crisis Helpline" and "Call or text 9-8-8"
 */
public record CrisisResources(List<Line> lines) {

	public record Line(String name, String action) {
	}

	public static CrisisResources forJurisdiction(String jurisdiction) {
		if (jurisdiction.contains("Canada") || jurisdiction.equals("United States")) {
			return new CrisisResources(List.of(new Line("Suicide and crisis line", "Call or text 9-8-8, any time"),
					new Line("Emergency", "Call 911 or go to the nearest emergency department")));
		}
		return new CrisisResources(List.of(new Line("Emergency",
				"Call your local emergency number or go to the nearest emergency department")));
	}

}
