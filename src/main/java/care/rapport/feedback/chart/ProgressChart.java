package care.rapport.feedback.chart;

import java.util.List;
import java.util.Locale;

import care.rapport.feedback.chart.ProgressChartData.Band;
import care.rapport.feedback.chart.ProgressChartData.Change;
import care.rapport.feedback.chart.ProgressChartData.Score;
import org.springframework.web.util.HtmlUtils;

/**
 * Draws a progress chart as SVG on the server, so the same picture appears in pages, e-mails and
 * PDFs, and works without JavaScript. Colours are presentation attributes rather than inline
 * styles, which the Content-Security-Policy forbids.
 */
public final class ProgressChart {

	private static final int WIDTH = 720;

	private static final int LEFT = 48;

	private static final int RIGHT = 16;

	private static final int OUTCOME_TOP = 28;

	private static final int OUTCOME_HEIGHT = 220;

	private static final int CHECKIN_TOP = OUTCOME_TOP + OUTCOME_HEIGHT + 56;

	private static final int CHECKIN_HEIGHT = 90;

	private static final int HEIGHT = CHECKIN_TOP + CHECKIN_HEIGHT + 40;

	private ProgressChart() {
	}

	public static String svg(ProgressChartData data) {
		var svg = new StringBuilder();
		int last = Math.max(data.lastSession(), 2);
		// No cut-off and no points: the check-in panel is left out (the therapist hid it from the client).
		boolean checkInPanel = data.checkInCutoff() != null || !data.checkIns().isEmpty() || !data.goals().isEmpty();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
			.append(WIDTH)
			.append(' ')
			.append(checkInPanel ? HEIGHT : CHECKIN_TOP - 16)
			.append("\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" class=\"progress-chart\">");
		svg.append("<title id=\"chart-title\">").append(escape(data.instrument())).append(" by session</title>");
		svg.append("<desc id=\"chart-desc\">").append(escape(describe(data))).append("</desc>");
		var outcome = new Panel(OUTCOME_TOP, OUTCOME_HEIGHT, data.min(), data.max(), last);
		drawAxes(svg, outcome, data.instrument() + (data.higherIsWorse() ? " (higher is worse)" : ""), last);
		drawBand(svg, outcome, data.expected());
		if (data.cutoff() != null) {
			double y = outcome.y(data.cutoff());
			line(svg, LEFT, y, WIDTH - RIGHT, y, "#a61b1b", "4 3");
			text(svg, WIDTH - RIGHT - 4, y - 4, "end", "#a61b1b", "clinical cut-off " + number(data.cutoff()));
		}
		for (int session : data.missedSessions()) {
			double x = outcome.x(session);
			line(svg, x, OUTCOME_TOP, x, OUTCOME_TOP + OUTCOME_HEIGHT, "#8a8f98", "2 4");
			text(svg, x, OUTCOME_TOP + OUTCOME_HEIGHT - 6, "middle", "#52606d", "missed");
		}
		for (var event : data.events()) {
			double x = outcome.x(event.session());
			svg.append(String.format(Locale.ROOT,
					"<path d=\"M%.1f %d l6 -10 h-12 z\" fill=\"#b86e1f\"><title>%s</title></path>", x, OUTCOME_TOP - 2,
					escape("Session " + event.session() + ": " + event.label())));
		}
		drawSeries(svg, outcome, data.scores(), "#2f6f73");
		if (!checkInPanel) {
			return svg.append("</svg>").toString();
		}
		var checkIns = new Panel(CHECKIN_TOP, CHECKIN_HEIGHT, 0, 10, last);
		drawAxes(svg, checkIns, data.goals().isEmpty() ? "Session check-in (0–10, higher is better)"
				: "Session check-in and goals (0–10, higher is better)", last);
		if (data.checkInCutoff() != null) {
			double y = checkIns.y(data.checkInCutoff());
			line(svg, LEFT, y, WIDTH - RIGHT, y, "#b86e1f", "4 3");
			text(svg, WIDTH - RIGHT - 4, y - 4, "end", "#8a4f12", "ask about it below " + number(data.checkInCutoff()));
		}
		if (data.checkIns().isEmpty() && data.goals().isEmpty()) {
			text(svg, LEFT + 8, CHECKIN_TOP + CHECKIN_HEIGHT / 2.0, "start", "#52606d", "No check-ins yet");
		}
		drawSeries(svg, checkIns, data.checkIns(), "#22555a");
		String[] goalColours = { "#b86e1f", "#6b4fa0", "#2e7d32", "#a61b1b" };
		for (int i = 0; i < data.goals().size(); i++) {
			var goal = data.goals().get(i);
			String colour = goalColours[i % goalColours.length];
			List<Score> points = goal.points()
				.stream()
				.map(p -> new Score(Math.max(1, p.session()), p.value(), null))
				.toList();
			drawSeries(svg, checkIns, points, colour);
			text(svg, WIDTH - RIGHT - 4, CHECKIN_TOP + 14 + 14 * i, "end", colour,
					"Goal " + (i + 1) + ": " + shorten(goal.label()));
		}
		svg.append("</svg>");
		return svg.toString();
	}

	/** A small line of scores for a table row; the full chart is on the progress page. */
	public static String sparkline(List<Double> values, double min, double max, String label) {
		int width = 120;
		int height = 28;
		var svg = new StringBuilder(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" class=\"sparkline\"><title>%s</title>",
				width, height, width, height, escape(label)));
		if (values.size() == 1) {
			double y = height - 3 - (values.get(0) - min) / (max - min) * (height - 6);
			svg.append(String.format(Locale.ROOT, "<circle cx=\"4\" cy=\"%.1f\" r=\"3\" fill=\"#2f6f73\"/>", y));
		}
		else if (values.size() > 1) {
			var points = new StringBuilder();
			for (int i = 0; i < values.size(); i++) {
				double x = 3 + i * (width - 6.0) / (values.size() - 1);
				double y = height - 3 - (Math.max(min, Math.min(max, values.get(i))) - min) / (max - min) * (height - 6);
				points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
			}
			svg.append("<polyline points=\"")
				.append(points.toString().strip())
				.append("\" fill=\"none\" stroke=\"#2f6f73\" stroke-width=\"2\"/>");
		}
		return svg.append("</svg>").toString();
	}

	/** The data in words, for screen readers and for anyone who prefers numbers to lines. */
	static String describe(ProgressChartData data) {
		if (data.scores().isEmpty()) {
			return "No " + data.instrument() + " scores yet.";
		}
		var words = new StringBuilder(data.instrument()).append(" scores: ");
		for (int i = 0; i < data.scores().size(); i++) {
			Score s = data.scores().get(i);
			words.append(i == 0 ? "" : ", ").append("session ").append(s.session()).append(' ').append(number(s.value()));
		}
		return words.append('.').toString();
	}

	private record Panel(int top, int height, double min, double max, int lastSession) {

		double x(int session) {
			return LEFT + (session - 1) * (double) (WIDTH - LEFT - RIGHT) / (lastSession - 1);
		}

		double y(double value) {
			double clamped = Math.max(min, Math.min(max, value));
			return top + height - (clamped - min) / (max - min) * height;
		}

	}

	private static void drawAxes(StringBuilder svg, Panel panel, String title, int last) {
		text(svg, LEFT, panel.top() - 10, "start", "#1f2933", title);
		svg.append(String.format(Locale.ROOT,
				"<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#ffffff\" stroke=\"#d9d4cc\"/>", LEFT,
				panel.top(), WIDTH - LEFT - RIGHT, panel.height()));
		for (double tick : List.of(panel.min(), (panel.min() + panel.max()) / 2, panel.max())) {
			text(svg, LEFT - 6, panel.y(tick) + 4, "end", "#52606d", number(tick));
		}
		int step = Math.max(1, (int) Math.ceil(last / 12.0));
		for (int session = 1; session <= last; session += step) {
			text(svg, panel.x(session), panel.top() + panel.height() + 16, "middle", "#52606d",
					Integer.toString(session));
		}
		text(svg, (LEFT + WIDTH - RIGHT) / 2.0, panel.top() + panel.height() + 32, "middle", "#52606d", "session");
	}

	private static void drawBand(StringBuilder svg, Panel panel, List<Band> band) {
		if (band.size() < 2) {
			return;
		}
		var points = new StringBuilder();
		for (Band b : band) {
			points.append(String.format(Locale.ROOT, "%.1f,%.1f ", panel.x(b.session()), panel.y(b.high())));
		}
		for (int i = band.size() - 1; i >= 0; i--) {
			Band b = band.get(i);
			points.append(String.format(Locale.ROOT, "%.1f,%.1f ", panel.x(b.session()), panel.y(b.low())));
		}
		svg.append("<polygon points=\"")
			.append(points.toString().strip())
			.append("\" fill=\"#2f6f73\" fill-opacity=\"0.12\"><title>Expected range</title></polygon>");
	}

	private static void drawSeries(StringBuilder svg, Panel panel, List<Score> scores, String colour) {
		if (scores.size() > 1) {
			var path = new StringBuilder();
			for (int i = 0; i < scores.size(); i++) {
				Score s = scores.get(i);
				path.append(String.format(Locale.ROOT, "%s%.1f %.1f ", i == 0 ? "M" : "L", panel.x(s.session()),
						panel.y(s.value())));
			}
			svg.append("<path d=\"")
				.append(path.toString().strip())
				.append("\" fill=\"none\" stroke=\"")
				.append(colour)
				.append("\" stroke-width=\"2.5\"/>");
		}
		for (Score s : scores) {
			String fill = s.change() == Change.RELIABLE_IMPROVEMENT ? "#2e7d32"
					: s.change() == Change.RELIABLE_DETERIORATION ? "#a61b1b" : colour;
			int radius = s.change() == null ? 4 : 6;
			String note = s.change() == Change.RELIABLE_IMPROVEMENT ? " (reliable improvement)"
					: s.change() == Change.RELIABLE_DETERIORATION ? " (reliable deterioration)" : "";
			svg.append(String.format(Locale.ROOT,
					"<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\"><title>%s</title></circle>",
					panel.x(s.session()), panel.y(s.value()), radius, fill,
					escape("Session " + s.session() + ": " + number(s.value()) + note)));
		}
	}

	private static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String colour,
			String dash) {
		svg.append(String.format(Locale.ROOT,
				"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"%s\"/>", x1, y1,
				x2, y2, colour, dash));
	}

	private static void text(StringBuilder svg, double x, double y, String anchor, String colour, String content) {
		svg.append(String.format(Locale.ROOT,
				"<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"%s\" font-size=\"12\" font-family=\"sans-serif\">%s</text>",
				x, y, anchor, colour, escape(content)));
	}

	private static String shorten(String text) {
		return text.length() <= 40 ? text : text.substring(0, 39) + "…";
	}

	static String number(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}
