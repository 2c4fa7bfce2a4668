package care.rapport.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, seals TOTP secrets and re-hashes recovery codes left by earlier versions (demo data,
 * existing ./data directories). Until it has run, {@link TwoFactor} still reads the old forms, so
 * nobody is locked out by the change.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StoredSecretsUpgrade implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(StoredSecretsUpgrade.class);

	private final TwoFactor twoFactor;

	StoredSecretsUpgrade(TwoFactor twoFactor) {
		this.twoFactor = twoFactor;
	}

	@Override
	public void run(ApplicationArguments args) {
		int converted = twoFactor.upgradeStoredSecrets();
		if (converted > 0) {
			log.info("Sealed or re-hashed {} stored sign-in secrets from an earlier version", converted);
		}
	}

}
