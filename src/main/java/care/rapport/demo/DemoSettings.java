package care.rapport.demo;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled whether to create the demo practice ({@code RAPPORT_DEMO}); unset means "with the
 * embedded database only"
 */
@ConfigurationProperties("rapport.demo")
record DemoSettings(@Nullable Boolean enabled) {
}
