package care.rapport.measures;

import org.jspecify.annotations.Nullable;

/** LOINC codes of an instrument as a whole; item codes live on {@link Item#loinc()}. */
public record LoincCodes(@Nullable String panel, @Nullable String total) {

	public static final LoincCodes NONE = new LoincCodes(null, null);

}
