package care.rapport.measures;

/** Jacobson &amp; Truax's classification of change between a first and a latest total. */
public enum ChangeCategory {

	/** Reliable improvement that took the client from the clinical range out of it. */
	RECOVERED,

	/** Reliable improvement without recovery: still in the clinical range, or never in it. */
	IMPROVED,

	/** Out of the clinical range, but by less than a reliable change. */
	NON_RELIABLY_RECOVERED,

	/** No reliable change and no crossing out of the clinical range. */
	UNCHANGED,

	/** Reliable worsening. */
	DETERIORATED

}
