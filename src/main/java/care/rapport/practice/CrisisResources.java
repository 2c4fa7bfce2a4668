package care.rapport.practice;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Where to turn in a crisis, shown to a client right after an answer that signals risk. Canada
 * and the United States share the 9-8-8 line; elsewhere the practice must set its own.
 *
 * @param lines each a name and what to do, e.g. "Suicide Crisis Helpline" and "Call or text 9-8-8"
 */
public record CrisisResources(List<Line> lines) {

	public record Line(String name, String action) {

		/** The action in pieces, each phone number in it ("9-8-8", "911") a piece of its own to tap and call. */
		public List<Part> actionParts() {
			return Part.split(action);
		}

		/** As {@link #actionParts()}, the first letter in lower case, for the middle of a sentence. */
		public List<Part> actionPartsInSentence() {
			String lower = action.isEmpty() ? action : Character.toLowerCase(action.charAt(0)) + action.substring(1);
			return Part.split(lower);
		}

	}

	/**
	 * A piece of a crisis line's text: plain words, or a phone number with what to dial for it.
	 *
	 * @param dial the digits (and a leading +) for a {@code tel:} link; none for plain words
	 */
	public record Part(String text, @Nullable String dial) {

		/** Digits with the separators people write in numbers: "9-8-8", "1 800 273 8255", "(604) 872-3311". */
		private static final Pattern NUMBER = Pattern.compile("\\+?\\(?\\d[\\d\\-.() ]*\\d");

		static List<Part> split(String text) {
			List<Part> parts = new java.util.ArrayList<>();
			Matcher matcher = NUMBER.matcher(text);
			int plainFrom = 0;
			while (matcher.find()) {
				String dial = matcher.group().replaceAll("[^+\\d]", "");
				// Fewer than three digits is not a number to call ("24 hours", "2 a.m.").
				if (dial.replace("+", "").length() < 3) {
					continue;
				}
				if (matcher.start() > plainFrom) {
					parts.add(new Part(text.substring(plainFrom, matcher.start()), null));
				}
				parts.add(new Part(matcher.group(), dial));
				plainFrom = matcher.end();
			}
			if (plainFrom < text.length()) {
				parts.add(new Part(text.substring(plainFrom), null));
			}
			return List.copyOf(parts);
		}

	}

	public static final int MAX_LINES = 6;

	/**
	 * Reads lines written as "name: what to do".
	 * @throws IllegalArgumentException saying what is wrong, for the practice admin
	 */
	public static CrisisResources parse(String text) {
		List<Line> lines = new java.util.ArrayList<>();
		int number = 0;
		for (String raw : text.strip().split("\\R")) {
			number++;
			if (raw.isBlank()) {
				continue;
			}
			int colon = raw.indexOf(':');
			if (colon <= 0 || colon == raw.strip().length() - 1) {
				throw new IllegalArgumentException(
						"Line " + number + ": write a name, a colon, then what to do, e.g. \"Crisis line: call or text 9-8-8\".");
			}
			if (raw.length() > 200) {
				throw new IllegalArgumentException("Line " + number + ": keep each line under 200 characters.");
			}
			lines.add(new Line(raw.substring(0, colon).strip(), raw.substring(colon + 1).strip()));
		}
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("Give at least one place to turn to, such as an emergency number.");
		}
		if (lines.size() > MAX_LINES) {
			throw new IllegalArgumentException("Give at most " + MAX_LINES + " lines; in a crisis, fewer is clearer.");
		}
		return new CrisisResources(List.copyOf(lines));
	}

	/** The lines as the admin edits them. */
	public String asText() {
		return String.join("\n", lines.stream().map(l -> l.name() + ": " + l.action()).toList());
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
