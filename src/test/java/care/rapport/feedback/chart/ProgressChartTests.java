package care.rapport.feedback.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import care.rapport.feedback.chart.ProgressChart.Audience;
import care.rapport.feedback.chart.ProgressChart.Layout;
import care.rapport.feedback.chart.ProgressChartData.Band;
import care.rapport.feedback.chart.ProgressChartData.Change;
import care.rapport.feedback.chart.ProgressChartData.Event;
import care.rapport.feedback.chart.ProgressChartData.Score;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressChartTests {

	private static ProgressChartData phq(List<Score> scores, List<Event> events) {
		return new ProgressChartData("PHQ-9", 0, 27, true, 10.0, scores,
				List.of(new Band(1, 16, 20), new Band(2, 14, 19), new Band(3, 12, 18)), List.of(2), events,
				List.of(new Score(1, 9.5, null), new Score(3, 7.0, null)), 9.0);
	}

	@Test
	void drawsScoresExpectedBandCutOffMissedSessionsAndCheckIns() {
		String svg = ProgressChart.svg(phq(List.of(new Score(1, 18, null), new Score(3, 11, Change.RELIABLE_IMPROVEMENT)),
				List.of(new Event(3, "Alliance alert"))));

		assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("</svg><svg");
		assertThat(svg).contains("Expected range").contains("clinical cut-off 10").contains("missed");
		assertThat(svg).contains("Session 3: 11 (reliable improvement)").contains("Session 3: Alliance alert");
		assertThat(svg).contains("Session check-in").contains("ask about it below 9");
		assertThat(svg).doesNotContain("style=");
	}

	@Test
	void drawsEachGoalAsALineOnTheLowerPanelWithItsName() {
		String svg = ProgressChart.svg(phq(List.of(new Score(1, 18, null)), List.of())
			.withGoals(List.of(new ProgressChartData.Line("Sleep through the night",
					List.of(new Score(0, 3, null), new Score(2, 6, null))))));
		assertThat(svg).contains("Session check-in and goals").contains("Goal 1: Sleep through the night")
			.contains("Session 2: 6");
	}

	@Test
	void describesTheScoresInWordsForScreenReaders() {
		String svg = ProgressChart.svg(phq(List.of(new Score(1, 18, null), new Score(2, 15, null)), List.of()));
		assertThat(svg).contains("<desc id=\"progress-chart-wide-desc\">PHQ-9 scores: session 1 18, session 2 15.</desc>")
			.contains("<desc id=\"progress-chart-narrow-desc\">PHQ-9 scores: session 1 18, session 2 15.</desc>");
	}

	@Test
	void escapesTextThatComesFromData() {
		String svg = ProgressChart.svg(phq(List.of(new Score(1, 5, null)), List.of(new Event(1, "<script>x</script>"))));
		assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;");
	}

	@Test
	void higherScoresAreDrawnHigherOnThePanel() {
		String svg = ProgressChart.svg(phq(List.of(new Score(1, 20, null), new Score(2, 5, null)), List.of()));
		double first = cy(svg, "Session 1: 20");
		double second = cy(svg, "Session 2: 5");
		assertThat(first).isLessThan(second);
	}

	@Test
	void theClientsOwnChartCarriesNoInstructionForTheClinician() {
		var data = phq(List.of(new Score(1, 18, null), new Score(2, 12, null)), List.of());

		String forClient = ProgressChart.forClient(data);

		assertThat(forClient).contains("Session check-in").contains("Session 3: 7");
		assertThat(forClient).doesNotContainIgnoringCase("ask about").doesNotContain("Ask about");
		assertThat(ProgressChart.svg(data)).contains("ask about it below 9");
	}

	/** A chart with everything at once, at the far right too: the case that clipped "missed" before. */
	private static ProgressChartData crowded() {
		return new ProgressChartData("PHQ-9", 0, 27, true, 10.0,
				List.of(new Score(1, 18, null), new Score(5, 12, null), new Score(14, 9, Change.RELIABLE_IMPROVEMENT)),
				List.of(new Band(1, 16, 20), new Band(14, 6, 14)), List.of(2, 15), List.of(new Event(15, "Risk alert")),
				List.of(new Score(1, 9.5, null), new Score(14, 7.0, null)), 9.0)
			.withGoals(List.of(
					new ProgressChartData.Line("Sleep through the night at least five nights in every week",
							List.of(new Score(0, 3, null), new Score(14, 6, null))),
					new ProgressChartData.Line("Walk the dog", List.of(new Score(3, 4, null)))));
	}

	@ParameterizedTest
	@EnumSource(Layout.class)
	void everyLabelLiesWithinTheDrawingAndOutsideThePlotsSoNoneIsCutOffOrCoversALine(Layout layout) {
		for (Audience audience : Audience.values()) {
			String svg = ProgressChart.svg(crowded(), audience, layout);
			double[] viewBox = viewBox(svg);
			List<double[]> plots = rects(svg);
			assertThat(plots).hasSize(2);
			for (Label label : labels(svg)) {
				assertThat(label.left()).as("left edge of %s", label.text()).isGreaterThanOrEqualTo(0);
				assertThat(label.right()).as("right edge of %s", label.text()).isLessThanOrEqualTo(viewBox[0]);
				assertThat(label.top()).as("top of %s", label.text()).isGreaterThanOrEqualTo(0);
				assertThat(label.bottom()).as("bottom of %s", label.text()).isLessThanOrEqualTo(viewBox[1]);
				for (double[] plot : plots) {
					boolean overlaps = label.left() < plot[0] + plot[2] && label.right() > plot[0]
							&& label.top() < plot[1] + plot[3] && label.bottom() > plot[1];
					assertThat(overlaps).as("%s over a plot", label.text()).isFalse();
				}
			}
			assertThat(svg).contains(">missed measure<").contains(">clinical cut-off 10<");
		}
	}

	@Test
	void onAPhoneTheTextStaysAtLeastElevenPixelsHigh() {
		// At 390 px the chart card leaves about 308 px for the drawing (page and card padding).
		String narrow = ProgressChart.svg(crowded(), Audience.CARE_TEAM, Layout.NARROW);
		double scale = 308 / viewBox(narrow)[0];
		assertThat(ProgressChart.FONT_SIZE * scale).isGreaterThanOrEqualTo(11);
		// The wide drawing is shown from 48rem (768 px) up, where about 686 px are left for it.
		String wide = ProgressChart.svg(crowded(), Audience.CARE_TEAM, Layout.WIDE);
		assertThat(ProgressChart.FONT_SIZE * 686 / viewBox(wide)[0]).isGreaterThanOrEqualTo(11);
		assertThat(narrow).doesNotContain("font-size=\"1\"").contains("font-size=\"12\"");
	}

	@Test
	void aLongGoalNameIsShortenedToFitRatherThanCutOff() {
		String narrow = ProgressChart.svg(crowded(), Audience.CLIENT, Layout.NARROW);
		assertThat(narrow).contains("Goal 1: Sleep through").contains("…").contains("Goal 2: Walk the dog");
	}

	private record Label(String text, double left, double right, double top, double bottom) {
	}

	private static final Pattern TEXT = Pattern.compile(
			"<text x=\"([-0-9.]+)\" y=\"([-0-9.]+)\" text-anchor=\"(\\w+)\"[^>]*font-size=\"(\\d+)\"[^>]*>([^<]*)</text>");

	private static List<Label> labels(String svg) {
		List<Label> labels = new ArrayList<>();
		Matcher m = TEXT.matcher(svg);
		while (m.find()) {
			double x = Double.parseDouble(m.group(1));
			double y = Double.parseDouble(m.group(2));
			double size = Double.parseDouble(m.group(4));
			String text = org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(5));
			// Generous: 0.62 em per character, ascent 0.8 em, descent 0.25 em.
			double width = text.codePointCount(0, text.length()) * size * 0.62;
			double left = switch (m.group(3)) {
				case "start" -> x;
				case "middle" -> x - width / 2;
				default -> x - width;
			};
			labels.add(new Label(text, left, left + width, y - size * 0.8, y + size * 0.25));
		}
		assertThat(labels).isNotEmpty();
		return labels;
	}

	/** The plotting areas: the white rectangles with a border. */
	private static List<double[]> rects(String svg) {
		List<double[]> rects = new ArrayList<>();
		Matcher m = Pattern.compile("<rect x=\"([0-9.]+)\" y=\"([0-9.]+)\" width=\"([0-9.]+)\" height=\"([0-9.]+)\" fill=\"#ffffff\"")
			.matcher(svg);
		while (m.find()) {
			rects.add(new double[] { Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
					Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)) });
		}
		return rects;
	}

	private static double[] viewBox(String svg) {
		Matcher m = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
		assertThat(m.find()).isTrue();
		return new double[] { Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)) };
	}

	private static double cy(String svg, String title) {
		int at = svg.indexOf("<title>" + title + "</title>");
		String before = svg.substring(0, at);
		int cyAt = before.lastIndexOf("cy=\"") + 4;
		return Double.parseDouble(before.substring(cyAt, before.indexOf('"', cyAt)));
	}

}
