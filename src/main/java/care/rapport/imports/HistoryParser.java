package care.rapport.imports;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Reads history files with the configured size cap ({@code rapport.imports.max-bytes}, 10 MB by default). */
@Component
class HistoryParser {

	private final long maxBytes;

	HistoryParser(@Value("${rapport.imports.max-bytes:" + HistoryImport.DEFAULT_MAX_BYTES + "}") long maxBytes) {
		this.maxBytes = maxBytes;
	}

	HistoryFile read(byte[] content) {
		return HistoryFile.read(content, maxBytes);
	}

	long maxBytes() {
		return maxBytes;
	}

}
