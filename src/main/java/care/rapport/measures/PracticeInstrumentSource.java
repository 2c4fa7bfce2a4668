package care.rapport.measures;

import java.util.List;

import care.rapport.practice.PracticeId;

/**
 * Instruments a practice brought itself, such as a licensed scale imported as a FHIR Questionnaire.
 * Implemented by the module that stores them; measures only reads.
 */
public interface PracticeInstrumentSource {

	/** The practice's own instruments, the newest version of each code. */
	List<InstrumentDefinition> definitions(PracticeId practice);

}
