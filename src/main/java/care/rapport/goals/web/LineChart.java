package care.rapport.goals.web;

import java.util.List;
import java.util.Locale;

/**
 * A small server-side SVG line over sessions, with presentation attributes only (the
 * Content-Security-Policy allows no inline styles). Goals draw their own so that the goals module
 * never depends on feedback; merging these lines into the progress chart is feedback's to do.
 */
final class LineChart {

	/** One point: a session number and its value. */
	record Point(int session, double value) {
	}

	private static final int WIDTH = 260;

	private static final int HEIGHT = 70;

	private static final int LEFT = 24;

	private static final int RIGHT = 8;

	private static final int TOP = 6;

	private static final int BOTTOM = 18;

	private LineChart() {
	}

	/**
	 * The line of values from {@code min} to {@code max} by session, labelled for screen readers by
	 * {@code label} followed by the values in words.
	 */
	static String svg(List<Point> points, double min, double max, String label, String unit) {
		var svg = new StringBuilder(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" class=\"goal-line\"><title>%s</title>",
				WIDTH, HEIGHT, WIDTH, HEIGHT, escape(label + ": " + words(points, unit))));
		int first = points.isEmpty() ? 0 : points.get(0).session();
		int last = points.isEmpty() ? 1 : Math.max(points.get(points.size() - 1).session(), first + 1);
		svg.append(String.format(Locale.ROOT,
				"<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#ffffff\" stroke=\"#d9d4cc\"/>", LEFT, TOP,
				WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM));
		text(svg, LEFT - 4, y(max, min, max) + 4, "end", fmt(max));
		text(svg, LEFT - 4, y(min, min, max) + 2, "end", fmt(min));
		text(svg, LEFT, HEIGHT - 4, "start", first == 0 ? "start" : "session " + first);
		text(svg, WIDTH - RIGHT, HEIGHT - 4, "end", "session " + last);
		if (points.size() > 1) {
			var line = new StringBuilder();
			for (Point p : points) {
				line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(p.session(), first, last), y(p.value(), min, max)));
			}
			svg.append("<polyline points=\"")
				.append(line.toString().strip())
				.append("\" fill=\"none\" stroke=\"#2f6f73\" stroke-width=\"2\"/>");
		}
		for (Point p : points) {
			svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#2f6f73\"/>",
					x(p.session(), first, last), y(p.value(), min, max)));
		}
		return svg.append("</svg>").toString();
	}

	/** The values in words, for screen readers and for anyone who prefers numbers to lines. */
	static String words(List<Point> points, String unit) {
		if (points.isEmpty()) {
			return "no ratings yet";
		}
		var words = new StringBuilder();
		for (Point p : points) {
			words.append(words.length() == 0 ? "" : ", ")
				.append(p.session() == 0 ? "at the start" : "session " + p.session())
				.append(' ')
				.append(fmt(p.value()))
				.append(unit);
		}
		return words.toString();
	}

	private static double x(int session, int first, int last) {
		return LEFT + 6 + (session - first) * (WIDTH - LEFT - RIGHT - 12.0) / (last - first);
	}

	private static double y(double value, double min, double max) {
		double clamped = Math.max(min, Math.min(max, value));
		return TOP + 4 + (max - clamped) / (max - min) * (HEIGHT - TOP - BOTTOM - 8);
	}

	private static void text(StringBuilder svg, double x, double y, String anchor, String text) {
		svg.append(String.format(Locale.ROOT,
				"<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"10\" fill=\"#52606d\">%s</text>", x, y, anchor,
				escape(text)));
	}

	private static String fmt(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
