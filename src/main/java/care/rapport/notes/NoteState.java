package care.rapport.notes;

/** Where a session's progress note stands. */
public enum NoteState {

	NONE("No note"), DRAFT("Draft"), SIGNED("Signed"), AWAITING_COSIGNATURE("Awaiting co-signature"),
	COSIGNED("Co-signed");

	private final String label;

	NoteState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Signed, whether or not a co-signature is still awaited. */
	public boolean signed() {
		return this == SIGNED || this == AWAITING_COSIGNATURE || this == COSIGNED;
	}

	static NoteState of(boolean exists, boolean signed, boolean cosignRequired, boolean cosigned) {
		if (!exists) {
			return NONE;
		}
		if (!signed) {
			return DRAFT;
		}
		if (!cosignRequired) {
			return SIGNED;
		}
		return cosigned ? COSIGNED : AWAITING_COSIGNATURE;
	}

	/** The state of a stored note from its columns; for the store of this module. */
	public static NoteState stored(boolean signed, boolean cosignRequired, boolean cosigned) {
		return of(true, signed, cosignRequired, cosigned);
	}

}
