package care.rapport.audit;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import care.rapport.practice.PracticeId;

/**
 * Names of clients, so the trail can say whose record was touched. Implemented by the module that
 * keeps client records, which itself writes to the trail: the trail asks through this interface
 * rather than depending on it.
 */
public interface ClientNames {

	/** The names of those of {@code clientIds} that are clients of the practice, by id. */
	Map<UUID, String> namesOf(PracticeId practice, Collection<UUID> clientIds);

}
