package care.rapport.messaging.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param concurrent how many uploads the server reads at once ({@code RAPPORT_CONCURRENT_UPLOADS});
 * more wait for nobody: they are answered 503 at once
 */
@ConfigurationProperties("rapport.uploads")
record UploadSettings(@DefaultValue("8") int concurrent) {

	UploadSettings {
		if (concurrent < 1) {
			throw new IllegalArgumentException("rapport.uploads.concurrent must be at least 1, not " + concurrent);
		}
	}

}
