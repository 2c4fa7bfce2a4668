package care.rapport.feedback.chart;

import java.util.List;

import care.rapport.feedback.chart.ProgressChartData.Band;
import care.rapport.feedback.chart.ProgressChartData.Change;
import care.rapport.feedback.chart.ProgressChartData.Event;
import care.rapport.feedback.chart.ProgressChartData.Score;
import org.junit.jupiter.api.Test;

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

		assertThat(svg).startsWith("<svg").endsWith("</svg>");
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
		assertThat(svg).contains("<desc id=\"chart-desc\">PHQ-9 scores: session 1 18, session 2 15.</desc>");
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

	private static double cy(String svg, String title) {
		int at = svg.indexOf("<title>" + title + "</title>");
		String before = svg.substring(0, at);
		int cyAt = before.lastIndexOf("cy=\"") + 4;
		return Double.parseDouble(before.substring(cyAt, before.indexOf('"', cyAt)));
	}

}
