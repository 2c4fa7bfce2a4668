package care.rapport.measures;

import java.util.ArrayList;
import java.util.List;

/** Collects what is wrong with a definition, each as {@code path: message}, in the order found. */
final class Problems {

	private final List<String> found = new ArrayList<>();

	void add(String path, String message) {
		String problem = path + ": " + message;
		if (!found.contains(problem)) {
			found.add(problem);
		}
	}

	boolean isEmpty() {
		return found.isEmpty();
	}

	List<String> list() {
		return List.copyOf(found);
	}

	void throwIfAny() {
		if (!found.isEmpty()) {
			throw new InstrumentFormatException(found);
		}
	}

}
