package care.rapport.practice;

import java.io.Serial;

/**
 * A link from an e-mail (an invitation, a questionnaire, a sign-up confirmation) that names nothing:
 * mistyped, used up, expired or withdrawn. Answered 404 like any record a person may not see, but
 * with words that tell them what to do, since they followed a link rather than typed an address.
 */
public class LinkNotValid extends Refusal {

	@Serial
	private static final long serialVersionUID = 1L;

	public static final String CODE = "LINK_NOT_VALID";

	public LinkNotValid() {
		super(CODE, null, "This link is not valid: it may be mistyped, already used, expired or withdrawn. "
				+ "Ask whoever sent it for a new one.");
	}

	@Override
	public Kind kind() {
		return Kind.NOT_FOUND;
	}

}
