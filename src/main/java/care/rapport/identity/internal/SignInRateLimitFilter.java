package care.rapport.identity.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits how often one network address may post to the forms that work without an account:
 * sign-in, verification, sign-up, invitations and questionnaire links.
 */
class SignInRateLimitFilter extends OncePerRequestFilter {

	private static final Set<String> LIMITED_PREFIXES = Set.of("/login", "/signup", "/invitations/", "/respond/");

	private static final int MAX_TRACKED_ADDRESSES = 10_000;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final int perMinute;

	SignInRateLimitFilter(int perMinute) {
		this.perMinute = perMinute;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !"POST".equals(request.getMethod()) || LIMITED_PREFIXES.stream().noneMatch(path::startsWith);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (buckets.size() > MAX_TRACKED_ADDRESSES) {
			buckets.clear();
		}
		Bucket bucket = buckets.computeIfAbsent(request.getRemoteAddr(), address -> Bucket.builder()
			.addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
			.build());
		if (bucket.tryConsume(1)) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(429);
		response.setHeader("Retry-After", "60");
		response.setContentType("text/html;charset=UTF-8");
		response.getWriter().write("""
				<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Too many attempts – Rapport</title>
				<link rel="stylesheet" href="/css/rapport.css"></head><body><main class="narrow">
				<h1>Too many attempts</h1>
				<p>There were too many sign-in attempts from your network in the last minute.
				Please wait a minute, then <a href="/login">try again</a>.</p></main></body></html>""");
	}

}
