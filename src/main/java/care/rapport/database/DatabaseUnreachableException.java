package care.rapport.database;

/** The configured external database did not answer at start-up. */
class DatabaseUnreachableException extends RuntimeException {

	private final String url;

	DatabaseUnreachableException(String url, Throwable cause) {
		super("Cannot reach the database at " + url + ": " + cause.getMessage(), cause);
		this.url = url;
	}

	String url() {
		return url;
	}

}
