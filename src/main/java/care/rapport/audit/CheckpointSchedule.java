package care.rapport.audit;

import care.rapport.practice.PracticeId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Takes checkpoints of the practices' audit chains at a steady pace (hourly unless configured). */
@Component
class CheckpointSchedule {

	private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

	private final CheckpointTable table;

	private final AuditCheckpoints checkpoints;

	CheckpointSchedule(CheckpointTable table, AuditCheckpoints checkpoints) {
		this.table = table;
		this.checkpoints = checkpoints;
	}

	@Scheduled(fixedDelayString = "${rapport.audit.checkpoint-interval:PT1H}",
			initialDelayString = "${rapport.audit.checkpoint-initial-delay:PT2M}")
	void takeCheckpoints() {
		for (PracticeId practiceId : table.practicesWithNewRecords()) {
			try {
				checkpoints.take(practiceId);
			}
			catch (RuntimeException ex) {
				// One practice's failure must not leave the others without their checkpoint.
				log.error("Could not take an audit checkpoint of practice {}", practiceId.value(), ex);
			}
		}
	}

}
