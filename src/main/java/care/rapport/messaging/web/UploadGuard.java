package care.rapport.messaging.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Semaphore;

import care.rapport.identity.RapportUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Session;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps file uploads from exhausting the server's memory. The first reader of a form (Spring
 * Security's CSRF check) makes the server parse the whole multipart body, so without this anyone,
 * signed in or not, could make it buffer megabytes per request. Two guards, both ahead of Spring
 * Security:
 * <ul>
 * <li>a Tomcat valve refuses an upload from someone who is not fully signed in (no session, or no
 * role yet) before a byte of its body is read, and tells Tomcat to close the connection instead
 * of draining the body;</li>
 * <li>a filter lets at most {@code rapport.uploads.concurrent} uploads be read at once and answers
 * 503 with a plain message to the next one.</li>
 * </ul>
 * Parts over {@code spring.servlet.multipart.file-size-threshold} go to a temporary file that
 * Tomcat deletes when the request ends, so memory per upload stays small. Messaging is the only
 * feature that takes files; the guards still cover every multipart request, whatever its path.
 */
@Configuration(proxyBeanMethods = false)
class UploadGuard {

	static final String BUSY_MESSAGE = "Rapport is receiving many files right now, so this one was not sent. "
			+ "Please go back and send it again in a minute.";

	@Bean
	TomcatContextCustomizer signedInUploadsOnly() {
		return context -> context.getPipeline().addValve(new SignedInOnly());
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> concurrentUploads(UploadSettings settings) {
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Bounded(settings.concurrent()));
		// After the size check (which answers without reading), before Spring Security (which reads).
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	static boolean isUpload(@Nullable String contentType) {
		return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	/** Refuses uploads from visitors before their body is read. */
	static final class SignedInOnly extends ValveBase {

		SignedInOnly() {
			super(true);
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			if (isUpload(request.getContentType()) && !fullySignedIn(request)) {
				// Without this Tomcat would read (and drop) the rest of the body to keep the
				// connection open; the point is not to read it at all. Tomcat marks that as an
				// error; this answer is its report, or the error page (which parses the form,
				// reading the body after all) would be rendered instead.
				request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
				response.getCoyoteResponse().setErrorReported();
				response.setStatus(HttpServletResponse.SC_SEE_OTHER);
				response.setHeader("Location", "/login");
				response.setHeader("Connection", "close");
				response.setContentLength(0);
				return;
			}
			getNext().invoke(request, response);
		}

		private static boolean fullySignedIn(Request request) {
			Session session = request.getSessionInternal(false);
			if (session == null || !session.isValid()) {
				return false;
			}
			Object stored = session.getSession()
				.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
			return stored instanceof SecurityContext context
					&& RapportUser.fullySignedIn(context.getAuthentication()).isPresent();
		}

	}

	/** Lets a fixed number of uploads be read at a time; the next one is told to try again. */
	static final class Bounded extends OncePerRequestFilter {

		private final Semaphore permits;

		Bounded(int concurrent) {
			this.permits = new Semaphore(concurrent);
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !isUpload(request.getContentType());
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!permits.tryAcquire()) {
				response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
				response.setHeader("Retry-After", "60");
				response.setContentType("text/plain;charset=UTF-8");
				response.getOutputStream().write(BUSY_MESSAGE.getBytes(StandardCharsets.UTF_8));
				return;
			}
			try {
				chain.doFilter(request, response);
			}
			finally {
				permits.release();
			}
		}

	}

}
