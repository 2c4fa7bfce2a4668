package care.rapport.messaging.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a message form that is far too large back to its thread with a message next to the file
 * field, before anything reads the form. Without this, the first reader (the CSRF check) makes the
 * server parse the form, which fails on the size and ends in a bare error page. Runs before Spring
 * Security; it only ever answers with a redirect to the page the person was on, which checks who
 * they are as usual. Forms within the limit go on to {@code Messages}, which refuses files over
 * 10 MB with the text kept.
 */
@Configuration(proxyBeanMethods = false)
class UploadSizeFilter {

	static final Pattern MESSAGE_FORMS = Pattern.compile("/me/messages|/app/clients/[0-9a-fA-F-]{36}/messages");

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> messageUploadSize(
			@Value("${spring.servlet.multipart.max-request-size}") DataSize limit) {
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new TooLarge(limit.toBytes()));
		registration.addUrlPatterns("/me/messages", "/app/clients/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	static final class TooLarge extends OncePerRequestFilter {

		private final long limit;

		TooLarge(long limit) {
			this.limit = limit;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String path = request.getRequestURI();
			if ("POST".equals(request.getMethod()) && request.getContentLengthLong() > limit
					&& MESSAGE_FORMS.matcher(path).matches()) {
				response.setStatus(HttpServletResponse.SC_SEE_OTHER);
				response.setHeader("Location", path + "?file=too-large#compose");
				response.setHeader("Connection", "close");
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
