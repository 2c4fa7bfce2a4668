package care.rapport.feedback.chart;

import java.util.ArrayList;
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
 * <p>
 * Two drawings of the same data go out together: a wide one and a narrow one for phones (the
 * style sheet shows one), each sized so that its 12-unit text is at least 11 px where it is shown.
 * Every label sits outside the plotting area (titles and legends above a panel, ticks and goal
 * names below), so no label covers a line, and within the drawing, so none is cut off.
 */
public final class ProgressChart {

	static final int FONT_SIZE = 12;

	/** A generous estimate of a sans-serif character's width, in ems, so estimated labels never run over. */
	static final double CHARACTER_WIDTH = 0.62;

	/** Wide, for screens where the drawing is at least 660 px across; narrow, for phones. */
	enum Layout {

		WIDE(720, 48, 16, 220, 90, 12, "progress-chart-wide"), NARROW(320, 34, 10, 180, 80, 6, "progress-chart-narrow");

		final int width;

		final int left;

		final int right;

		final int outcomeHeight;

		final int checkInHeight;

		final int sessionLabels;

		final String cssClass;

		Layout(int width, int left, int right, int outcomeHeight, int checkInHeight, int sessionLabels,
				String cssClass) {
			this.width = width;
			this.left = left;
			this.right = right;
			this.outcomeHeight = outcomeHeight;
			this.checkInHeight = checkInHeight;
			this.sessionLabels = sessionLabels;
			this.cssClass = cssClass;
		}

	}

	/** Who the chart is for: the client's own chart carries no instructions meant for the clinician. */
	enum Audience {

		CARE_TEAM, CLIENT

	}

	private ProgressChart() {
	}

	/** The chart for the care team, with the check-in line below which to ask about the session. */
	public static String svg(ProgressChartData data) {
		return render(data, Audience.CARE_TEAM);
	}

	/** The client's own chart: the same lines, without instructions meant for their therapist. */
	public static String forClient(ProgressChartData data) {
		return render(data, Audience.CLIENT);
	}

	static String render(ProgressChartData data, Audience audience) {
		return svg(data, audience, Layout.WIDE) + svg(data, audience, Layout.NARROW);
	}

	static String svg(ProgressChartData data, Audience audience, Layout layout) {
		var canvas = new Canvas(layout);
		int last = Math.max(data.lastSession(), 2);
		String id = layout.cssClass;

		// Outcome panel: title, legend, the marks of events, then the plot.
		int y = canvas.title(data.instrument() + (data.higherIsWorse() ? " (higher is worse)" : ""), 0);
		var outcomeLegend = new ArrayList<LegendEntry>();
		if (data.expected().size() >= 2) {
			outcomeLegend.add(new LegendEntry(Swatch.AREA, "#2f6f73", "expected range"));
		}
		if (data.cutoff() != null) {
			outcomeLegend.add(new LegendEntry(Swatch.DASHED, "#a61b1b", "clinical cut-off " + number(data.cutoff())));
		}
		if (!data.missedSessions().isEmpty()) {
			outcomeLegend.add(new LegendEntry(Swatch.DOTTED, "#8a8f98", "missed measure"));
		}
		if (!data.events().isEmpty()) {
			outcomeLegend.add(new LegendEntry(Swatch.TRIANGLE, "#b86e1f", "alert"));
		}
		y = canvas.legend(outcomeLegend, y + 6);
		var outcome = new Panel(layout, y + 16, layout.outcomeHeight, data.min(), data.max(), last);
		canvas.panel(outcome);
		drawBand(canvas, outcome, data.expected());
		if (data.cutoff() != null) {
			double cut = outcome.y(data.cutoff());
			canvas.line(outcome.left(), cut, outcome.right(), cut, "#a61b1b", "4 3",
					"Clinical cut-off " + number(data.cutoff()));
		}
		for (int session : data.missedSessions()) {
			double x = outcome.x(session);
			canvas.line(x, outcome.top(), x, outcome.bottom(), "#8a8f98", "2 4",
					"Session " + session + ": measure missed");
		}
		for (var event : data.events()) {
			canvas.svg.append(String.format(Locale.ROOT,
					"<path d=\"M%.1f %d l6 -10 h-12 z\" fill=\"#b86e1f\"><title>%s</title></path>",
					outcome.x(event.session()), outcome.top() - 2,
					escape("Session " + event.session() + ": " + event.label())));
		}
		drawSeries(canvas, outcome, data.scores(), "#2f6f73");
		y = canvas.sessionAxis(outcome);

		// No cut-off and no points: the check-in panel is left out (the therapist hid it from the client).
		Double askBelow = audience == Audience.CARE_TEAM ? data.checkInCutoff() : null;
		boolean checkInPanel = askBelow != null || !data.checkIns().isEmpty() || !data.goals().isEmpty();
		if (checkInPanel) {
			y = canvas.title(data.goals().isEmpty() ? "Session check-in (0–10, higher is better)"
					: "Session check-in and goals (0–10, higher is better)", y + 16);
			var checkInLegend = new ArrayList<LegendEntry>();
			if (askBelow != null) {
				checkInLegend.add(new LegendEntry(Swatch.DASHED, "#8a4f12", "ask about it below " + number(askBelow)));
			}
			y = canvas.legend(checkInLegend, y + 6);
			var checkIns = new Panel(layout, y + 8, layout.checkInHeight, 0, 10, last);
			canvas.panel(checkIns);
			if (askBelow != null) {
				double ask = checkIns.y(askBelow);
				canvas.line(checkIns.left(), ask, checkIns.right(), ask, "#b86e1f", "4 3",
						"Ask about the session below " + number(askBelow));
			}
			if (data.checkIns().isEmpty() && data.goals().isEmpty()) {
				canvas.text(checkIns.left() + 8, checkIns.top() + checkIns.height() / 2.0 + 4, "start", "#52606d",
						"No check-ins yet");
			}
			drawSeries(canvas, checkIns, data.checkIns(), "#22555a");
			y = canvas.sessionAxis(checkIns);
			String[] goalColours = { "#b86e1f", "#6b4fa0", "#2e7d32", "#a61b1b" };
			var goalLegend = new ArrayList<LegendEntry>();
			for (int i = 0; i < data.goals().size(); i++) {
				var goal = data.goals().get(i);
				String colour = goalColours[i % goalColours.length];
				List<Score> points = goal.points()
					.stream()
					.map(p -> new Score(Math.max(1, p.session()), p.value(), null))
					.toList();
				drawSeries(canvas, checkIns, points, colour);
				goalLegend.add(new LegendEntry(Swatch.LINE, colour, "Goal " + (i + 1) + ": " + goal.label()));
			}
			y = canvas.legend(goalLegend, y + 6);
		}
		int height = y + 10;
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + layout.width + " " + height
				+ "\" role=\"img\" aria-labelledby=\"" + id + "-title " + id + "-desc\" class=\"progress-chart "
				+ layout.cssClass + "\"><title id=\"" + id + "-title\">" + escape(data.instrument())
				+ " by session</title><desc id=\"" + id + "-desc\">" + escape(describe(data)) + "</desc>"
				+ canvas.svg + "</svg>";
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

	/** The estimated width of a label, generous so that a label placed by it is never cut off. */
	static double textWidth(String text) {
		return text.codePointCount(0, text.length()) * FONT_SIZE * CHARACTER_WIDTH;
	}

	private record Panel(Layout layout, int top, int height, double min, double max, int lastSession) {

		int left() {
			return layout.left;
		}

		int right() {
			return layout.width - layout.right;
		}

		int bottom() {
			return top + height;
		}

		double x(int session) {
			return left() + (session - 1) * (double) (right() - left()) / (lastSession - 1);
		}

		double y(double value) {
			double clamped = Math.max(min, Math.min(max, value));
			return top + height - (clamped - min) / (max - min) * height;
		}

	}

	private enum Swatch {

		LINE, DASHED, DOTTED, AREA, TRIANGLE

	}

	private record LegendEntry(Swatch swatch, String colour, String label) {
	}

	/** The drawing so far, with the helpers that place text and lines on it. */
	private static final class Canvas {

		private static final int SWATCH = 18;

		final StringBuilder svg = new StringBuilder();

		final Layout layout;

		Canvas(Layout layout) {
			this.layout = layout;
		}

		void panel(Panel panel) {
			svg.append(String.format(Locale.ROOT,
					"<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#ffffff\" stroke=\"#d9d4cc\"/>",
					panel.left(), panel.top(), panel.right() - panel.left(), panel.height()));
			// A whole middle tick ("14", not "13.5") fits the narrow margin; it is drawn where 14 is.
			for (double tick : List.of(panel.min(), (double) Math.round((panel.min() + panel.max()) / 2), panel.max())) {
				text(panel.left() - 6, panel.y(tick) + 4, "end", "#52606d", number(tick));
			}
		}

		/**
		 * A panel's title from {@code top}, its bracketed part on a line of its own when the whole
		 * does not fit across; answers the y below it.
		 */
		int title(String title, int top) {
			int baseline = top + 14;
			int bracket = title.indexOf(" (");
			if (textWidth(title) > layout.width - layout.left - layout.right && bracket > 0) {
				text(layout.left, baseline, "start", "#1f2933", title.substring(0, bracket));
				baseline += 16;
				text(layout.left, baseline, "start", "#1f2933", title.substring(bracket + 1));
			}
			else {
				text(layout.left, baseline, "start", "#1f2933", title);
			}
			return baseline;
		}

		/** Session numbers under a panel and the axis name; answers the y below them. */
		int sessionAxis(Panel panel) {
			int last = panel.lastSession();
			int step = Math.max(1, (int) Math.ceil(last / (double) layout.sessionLabels));
			for (int session = 1; session <= last; session += step) {
				text(panel.x(session), panel.bottom() + 16, "middle", "#52606d", Integer.toString(session));
			}
			text((panel.left() + panel.right()) / 2.0, panel.bottom() + 32, "middle", "#52606d", "session");
			return panel.bottom() + 36;
		}

		/**
		 * Legend entries in rows from {@code top}, each a swatch and its label, wrapping to a new row
		 * (and shortening a label that would not fit on a row of its own); answers the y below them.
		 */
		int legend(List<LegendEntry> entries, int top) {
			if (entries.isEmpty()) {
				return top;
			}
			double x = layout.left;
			int baseline = top + 14;
			double end = layout.width - layout.right;
			for (LegendEntry entry : entries) {
				String label = fitting(entry.label(), end - layout.left - SWATCH - 6);
				double width = SWATCH + 6 + textWidth(label);
				if (x > layout.left && x + width > end) {
					x = layout.left;
					baseline += 18;
				}
				swatch(entry, x, baseline - 4);
				text(x + SWATCH + 6, baseline, "start", entry.colour(), label);
				x += width + 16;
			}
			return baseline + 6;
		}

		private void swatch(LegendEntry entry, double x, double middle) {
			switch (entry.swatch()) {
				case LINE -> line(x, middle, x + SWATCH, middle, entry.colour(), "none", null);
				case DASHED -> line(x, middle, x + SWATCH, middle, entry.colour(), "4 3", null);
				case DOTTED -> line(x + SWATCH / 2.0, middle - 6, x + SWATCH / 2.0, middle + 6, entry.colour(), "2 4",
						null);
				case AREA -> svg.append(String.format(Locale.ROOT,
						"<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"10\" fill=\"%s\" fill-opacity=\"0.2\"/>", x,
						middle - 5, SWATCH, entry.colour()));
				case TRIANGLE -> svg.append(String.format(Locale.ROOT,
						"<path d=\"M%.1f %.1f l6 -10 h-12 z\" fill=\"%s\"/>", x + SWATCH / 2.0, middle + 5,
						entry.colour()));
			}
		}

		void line(double x1, double y1, double x2, double y2, String colour, String dash, String title) {
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\"", x1, y1,
					x2, y2, colour, title == null ? "2" : "1.5"));
			if (!"none".equals(dash)) {
				svg.append(" stroke-dasharray=\"").append(dash).append('"');
			}
			if (title == null) {
				svg.append("/>");
			}
			else {
				svg.append("><title>").append(escape(title)).append("</title></line>");
			}
		}

		void text(double x, double y, String anchor, String colour, String content) {
			svg.append(String.format(Locale.ROOT,
					"<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"%s\" font-size=\"%d\" font-family=\"sans-serif\">%s</text>",
					x, y, anchor, colour, FONT_SIZE, escape(content)));
		}

		private static String fitting(String label, double room) {
			if (textWidth(label) <= room) {
				return label;
			}
			int characters = Math.max(1, (int) (room / (FONT_SIZE * CHARACTER_WIDTH)) - 1);
			return label.substring(0, Math.min(label.length(), characters)).strip() + "…";
		}

	}

	private static void drawBand(Canvas canvas, Panel panel, List<Band> band) {
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
		canvas.svg.append("<polygon points=\"")
			.append(points.toString().strip())
			.append("\" fill=\"#2f6f73\" fill-opacity=\"0.12\"><title>Expected range</title></polygon>");
	}

	private static void drawSeries(Canvas canvas, Panel panel, List<Score> scores, String colour) {
		var svg = canvas.svg;
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

	static String number(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
	}

	/** Only the five XML characters, so the SVG stays valid XML outside HTML too (no {@code &ndash;}). */
	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
