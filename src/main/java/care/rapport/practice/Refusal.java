package care.rapport.practice;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

/**
 * A business refusal: something a person asked for that Rapport will not do, with a stable
 * {@link #code()} (for scripts and tests; never translated) and the form {@link #field()} it is
 * about, if any. The message is plain words for the person. Pages show it next to that field
 * with what was typed kept ({@link RefusedForm}); JSON requests get a problem detail with
 * {@code code} and {@code field} (see {@code care.rapport.web.Refusals}).
 */
public abstract class Refusal extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** What kind of refusal, which decides the HTTP status when no page catches it. */
	public enum Kind {

		/** What was sent cannot be accepted as it is; fixing the input helps (422). */
		INPUT,
		/** The object changed meanwhile or is in a state that does not allow this (409). */
		CONFLICT,
		/** The person may see the object but not do this to it (403). */
		NOT_ALLOWED,
		/** Answered as if the object did not exist (404). */
		NOT_FOUND

	}

	private final String code;

	private final @Nullable String field;

	protected Refusal(String code, @Nullable String field, String message) {
		super(message);
		this.code = code;
		this.field = field;
	}

	/** A stable code, such as {@code SLOT_TAKEN}: the same whatever the wording. */
	public String code() {
		return code;
	}

	/** The form field this is about, or null for the whole request. */
	public @Nullable String field() {
		return field;
	}

	public Kind kind() {
		return Kind.INPUT;
	}

}
