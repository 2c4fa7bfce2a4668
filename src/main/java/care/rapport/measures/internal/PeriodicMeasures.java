package care.rapport.measures.internal;

import care.rapport.measures.Administrations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks every hour for periodic measures that have fallen due. */
@Component
class PeriodicMeasures {

	private final Administrations administrations;

	PeriodicMeasures(Administrations administrations) {
		this.administrations = administrations;
	}

	@Scheduled(fixedDelayString = "${rapport.measures.periodic-check-interval:PT1H}", initialDelayString = "PT1M")
	void makeDue() {
		administrations.makePeriodicMeasuresDue();
	}

}
