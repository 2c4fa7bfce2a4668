package care.rapport.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one FHIR context of the application. */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

	// Building a context scans the whole R4 model, so the JVM-wide cached one is shared, with tests too.
	@Bean
	FhirContext fhirContext() {
		return FhirContext.forR4Cached();
	}

}
