package care.rapport.measures;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Episode outcomes as NHS Talking Therapies counts them, over first and last PHQ-9 and GAD-7. */
class EpisodeOutcomeTests {

	private static final Instruments INSTRUMENTS = Instruments.shipped();

	@Test
	void bothMeasuresFallingBelowTheirCutOffsReliablyIsReliableRecovery() {
		EpisodeOutcome outcome = episode(18, 9, 12, 6);

		assertThat(outcome.caseAtStart()).isTrue();
		assertThat(outcome.caseAtEnd()).isFalse();
		assertThat(outcome.reliableImprovement()).isTrue();
		assertThat(outcome.reliableDeterioration()).isFalse();
		assertThat(outcome.recovery()).isTrue();
		assertThat(outcome.reliableRecovery()).isTrue();
	}

	@Test
	void reliableImprovementOnOneMeasureWhileStillACaseIsNotRecovery() {
		EpisodeOutcome outcome = episode(18, 11, 9, 7);

		assertThat(outcome.reliableImprovement()).isTrue();
		assertThat(outcome.caseAtEnd()).as("PHQ-9 of 11 is still a case").isTrue();
		assertThat(outcome.recovery()).isFalse();
		assertThat(outcome.reliableRecovery()).isFalse();
	}

	@Test
	void recoveryWithoutReliableImprovementIsNotReliableRecovery() {
		EpisodeOutcome outcome = episode(12, 9, 9, 7);

		assertThat(outcome.recovery()).isTrue();
		assertThat(outcome.reliableImprovement()).isFalse();
		assertThat(outcome.reliableRecovery()).isFalse();
	}

	@Test
	void aReliableRiseOnEitherMeasureIsReliableDeterioration() {
		EpisodeOutcome outcome = episode(8, 14, 5, 3);

		assertThat(outcome.reliableDeterioration()).isTrue();
		assertThat(outcome.reliableImprovement()).isFalse();
		assertThat(outcome.caseAtStart()).isFalse();
	}

	@Test
	void oneMeasureImprovingWhileTheOtherDeterioratesIsNeither() {
		EpisodeOutcome outcome = episode(18, 10, 4, 10);

		assertThat(outcome.reliableImprovement()).isFalse();
		assertThat(outcome.reliableDeterioration()).isFalse();
	}

	@Test
	void anEpisodeThatWasNotACaseCannotRecoverButCanImprove() {
		EpisodeOutcome outcome = episode(8, 3, 6, 2);

		assertThat(outcome.caseAtStart()).isFalse();
		assertThat(outcome.recovery()).isFalse();
		assertThat(outcome.reliableImprovement()).as("GAD-7 fell by 4").isTrue();
	}

	@Test
	void refusesAssessmentsOfOtherInstruments() {
		ChangeAssessment phq9 = INSTRUMENTS.get("PHQ-9").assessChange(18, 9);

		assertThatThrownBy(() -> new EpisodeOutcome(phq9, phq9)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("GAD-7");
	}

	@Test
	void definitionsAreOneLineEachForTheOutcomesReport() {
		assertThat(List.of(EpisodeOutcome.CASENESS_DEFINITION, EpisodeOutcome.RELIABLE_IMPROVEMENT_DEFINITION,
				EpisodeOutcome.RELIABLE_DETERIORATION_DEFINITION, EpisodeOutcome.RECOVERY_DEFINITION,
				EpisodeOutcome.RELIABLE_RECOVERY_DEFINITION))
			.allSatisfy(definition -> assertThat(definition).isNotBlank().doesNotContain("\n").endsWith("."));
	}

	@Test
	void theShippedDefinitionsUseTheCutOffsAndThresholdsTheDefinitionsState() {
		InstrumentDefinition phq9 = INSTRUMENTS.get("PHQ-9");
		InstrumentDefinition gad7 = INSTRUMENTS.get("GAD-7");

		assertThat(phq9.clinicalCutOff()).isEqualByComparingTo("10");
		assertThat(phq9.reliableChange().threshold()).isEqualByComparingTo("6");
		assertThat(gad7.clinicalCutOff()).isEqualByComparingTo("8");
		assertThat(gad7.reliableChange().threshold()).isEqualByComparingTo("4");
		assertThat(EpisodeOutcome.CASENESS_DEFINITION).contains("PHQ-9 of 10 or more").contains("GAD-7 of 8 or more");
		assertThat(EpisodeOutcome.RELIABLE_IMPROVEMENT_DEFINITION).contains("PHQ-9 fell by 6")
			.contains("GAD-7 fell by 4");
	}

	private static EpisodeOutcome episode(int phq9First, int phq9Last, int gad7First, int gad7Last) {
		return EpisodeOutcome.of(INSTRUMENTS, phq9First, phq9Last, gad7First, gad7Last);
	}

}
