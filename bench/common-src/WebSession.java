import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One person's session with the app: its cookies, kept by hand (each person has its own, while all
 * share one HttpClient), and the CSRF token of the form it is about to post. Requests go through
 * {@link BenchDriver#get}, {@link BenchDriver#post} and {@link BenchDriver#request}.
 */
class WebSession {

	final String email;

	final Map<String, String> cookies = new LinkedHashMap<>();

	String csrf;

	WebSession(String email) {
		this.email = email;
	}

	/** The session's cookies on a request, if it has any yet. */
	void addCookies(HttpRequest.Builder request) {
		if (!cookies.isEmpty()) {
			var cookie = new StringBuilder();
			cookies.forEach((k, v) -> cookie.append(cookie.length() == 0 ? "" : "; ").append(k).append('=').append(v));
			request.header("Cookie", cookie.toString());
		}
	}

	/** Keeps the cookies a response sets (name and value; the attributes do not matter here). */
	void keepCookies(HttpResponse<?> response) {
		for (String set : response.headers().allValues("Set-Cookie")) {
			String pair = set.split(";", 2)[0];
			int eq = pair.indexOf('=');
			cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
		}
	}

}
