package care.rapport.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

import care.rapport.practice.PracticeId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anchors each practice's audit chain: a checkpoint records how many records the chain has and
 * the hash of the last, so cutting records off the end (which leaves the rest linked) is
 * detected by {@link AuditLog#verifyChain}. A checkpoint is only taken over a chain that verifies
 * from the previous checkpoint on, and each one is also written to the application log, a copy
 * outside the database.
 */
@Service
public class AuditCheckpoints {

	private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

	private final CheckpointTable table;

	private final AuditLog audit;

	private final Clock clock;

	AuditCheckpoints(CheckpointTable table, AuditLog audit, Clock clock) {
		this.table = table;
		this.audit = audit;
		this.clock = clock;
	}

	public Optional<AuditCheckpoint> latest(PracticeId practiceId) {
		return table.latest(practiceId);
	}

	/**
	 * Records a checkpoint of the chain as it stands, unless the chain has not grown since the
	 * latest one. The records from the latest checkpoint on are checked first; those before it
	 * were checked when it was taken, and {@link AuditLog#verifyChain} checks them all again.
	 * @return the practice's latest checkpoint afterwards; none if the practice has no records
	 * yet or if the chain fails its check since the previous checkpoint (then none is taken)
	 */
	@Transactional
	public Optional<AuditCheckpoint> take(PracticeId practiceId) {
		var head = table.head(practiceId);
		if (head.isEmpty()) {
			return Optional.empty();
		}
		var previous = table.latest(practiceId);
		if (previous.isPresent() && head.get().seq() == previous.get().recordCount()
				&& previous.get().headHash().equals(head.get().hash())) {
			return previous;
		}
		// From the previous checkpoint's own record on: its content, its hash and every later link.
		long from = previous.map(AuditCheckpoint::recordCount).orElse(1L);
		String expectedPrev = previous.isPresent() ? table.storedPrevHash(practiceId, from).orElse("")
				: AuditLog.GENESIS;
		var links = audit.verifyLinks(practiceId, from - 1, expectedPrev, Set.of(from));
		boolean matchesPrevious = previous.isEmpty() || previous.get().headHash().equals(links.hashes().get(from));
		if (!matchesPrevious || links.firstBrokenSeq() != null || links.events() != head.get().seq()) {
			log.error("Audit trail of practice {} fails its integrity check since its last checkpoint ({}); "
					+ "no checkpoint taken", practiceId.value(),
					previous.map(c -> c.recordCount() + " records at " + c.takenAt()).orElse("none"));
			return Optional.empty();
		}
		var checkpoint = head.get().at(clock.instant().truncatedTo(ChronoUnit.MICROS));
		table.add(practiceId, checkpoint);
		log.info("Audit checkpoint of practice {}: {} records, last hash {}", practiceId.value(),
				checkpoint.recordCount(), checkpoint.headHash());
		return Optional.of(checkpoint);
	}

}
