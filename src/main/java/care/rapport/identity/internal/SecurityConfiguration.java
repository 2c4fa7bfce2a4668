package care.rapport.identity.internal;

import java.io.IOException;
import java.net.URI;

import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.identity.RapportUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may reach what. Deny by default; public pages are listed; staff pages need a staff role
 * and a passed second factor, client pages the client role.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	// The hash is that of an empty string: the calendar component adds an empty <style> element and fills it
	// through the CSSOM, which the policy allows; any <style> with text in it stays blocked.
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

	private static final String[] STAFF = { "THERAPIST", "SUPERVISOR", "PRACTICE_ADMIN" };

	@Bean
	SecurityFilterChain webSecurity(HttpSecurity http, SignInHandlers handlers, AccountDetailsService users,
			PasswordEncoder passwords, LoginAttempts attempts, SecurityContextRepository contexts,
			SecuritySettings settings, AuditLog audit, AccountSessions sessions) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/", "/login", "/signup", "/signup/confirm/**", "/invitations/**", "/respond/**", "/calendar/**", "/css/**", "/js/**", "/images/**",
					"/webjars/**", "/favicon.ico", "/actuator/health", "/actuator/health/**", "/error", "/error/**")
			.permitAll()
			.requestMatchers("/login/mfa", "/login/mfa/**")
			.hasAuthority(MfaPendingAuthentication.AUTHORITY)
			.requestMatchers("/app", "/app/**")
			.hasAnyRole(STAFF)
			.requestMatchers("/me", "/me/**")
			.hasRole("CLIENT")
			.requestMatchers("/account", "/account/**")
			.hasAnyRole("CLIENT", "THERAPIST", "SUPERVISOR", "PRACTICE_ADMIN")
			.anyRequest()
			.denyAll())
			.formLogin(form -> form.loginPage("/login")
				.usernameParameter("email")
				.successHandler(handlers)
				.failureHandler(handlers))
			.logout(logout -> logout.logoutUrl("/logout")
				.logoutSuccessUrl("/login?signedout")
				.addLogoutHandler(auditSignOut(audit)))
			.authenticationProvider(new LockoutAwareAuthenticationProvider(users, passwords, attempts))
			.securityContext(context -> context.securityContextRepository(contexts))
			.addFilterBefore(new SignInRateLimitFilter(settings.signInAttemptsPerMinute()),
					UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new SessionCutOffFilter(sessions), SecurityContextHolderFilter.class)
			.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(accessDenied()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	/**
	 * Someone half-way through sign-in is sent back to the second factor; a form without a valid
	 * CSRF token (an expired page, or a post from another site) gets a page that says so.
	 */
	private static AccessDeniedHandler accessDenied() {
		return (request, response, denied) -> {
			Authentication current = SecurityContextHolder.getContext().getAuthentication();
			if (current instanceof MfaPendingAuthentication) {
				response.sendRedirect("/login/mfa");
				return;
			}
			request.setAttribute("csrfFailure", denied instanceof CsrfException);
			request.setAttribute("returnTo", samePageAs(request.getHeader("Referer"), request));
			forwardToError(request, response);
		};
	}

	/** The path of the page a refused form came from, when it was one of ours; never another site. */
	static @Nullable String samePageAs(@Nullable String referer, HttpServletRequest request) {
		if (referer == null) {
			return null;
		}
		try {
			URI uri = URI.create(referer);
			boolean ours = uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName());
			String path = uri.getRawPath();
			if (!ours || path == null || !path.startsWith("/") || path.startsWith("//")) {
				return null;
			}
			return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static void forwardToError(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		try {
			request.getRequestDispatcher("/error/forbidden").forward(request, response);
		}
		catch (jakarta.servlet.ServletException ex) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
		}
	}

	private static LogoutHandler auditSignOut(AuditLog audit) {
		return (request, response, authentication) -> {
			if (authentication != null && authentication.getPrincipal() instanceof RapportUser user
					&& !(authentication instanceof MfaPendingAuthentication)) {
				audit.record(AuditEntry.of(user.practiceId(), user.actor(), AuditAction.SIGNED_OUT, "Signed out"));
			}
		};
	}

}
