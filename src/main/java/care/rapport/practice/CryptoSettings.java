package care.rapport.practice;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param masterKey the master keyset, Tink JSON, base64-encoded ({@code RAPPORT_MASTER_KEY}); without
 * one, the embedded mode keeps a generated key in its data directory
 */
@ConfigurationProperties("rapport.crypto")
public record CryptoSettings(@Nullable String masterKey) {
}
