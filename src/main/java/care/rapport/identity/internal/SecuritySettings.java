package care.rapport.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param staffIdleTimeout how long a staff session lasts without activity
 * @param clientIdleTimeout how long a client session lasts without activity
 * @param signInAttemptsPerMinute sign-in form posts allowed per network address and minute
 */
@ConfigurationProperties("rapport.security")
public record SecuritySettings(Duration staffIdleTimeout, Duration clientIdleTimeout, int signInAttemptsPerMinute) {
}
