package care.rapport.practice;

import org.jspecify.annotations.Nullable;

/** The master key is missing where one must be configured, or is not one Rapport can use. */
class MasterKeyException extends IllegalStateException {

	MasterKeyException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
