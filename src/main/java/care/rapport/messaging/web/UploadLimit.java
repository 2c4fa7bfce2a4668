package care.rapport.messaging.web;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A file far over the limit is stopped by the server before any controller sees the form
 * ({@code spring.servlet.multipart.max-file-size}); files a little over it are refused by
 * {@code Messages} with the text kept. Here the sender goes back to their thread with a message
 * next to the file field instead of an error page. What they typed could not be read from the
 * refused request; the page's script checks the size before sending, so this is rare.
 */
@ControllerAdvice
class UploadLimit {

	private static final Pattern STAFF_THREAD = Pattern.compile("/app/clients/[0-9a-fA-F-]{36}/messages");

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(HttpServletRequest request, HttpServletResponse response) {
		String path = request.getRequestURI();
		if (path.equals("/app/imports")) {
			// the history import page says so next to its file field
			return "redirect:/app/imports?file=too-large";
		}
		if (path.equals("/me/messages") || STAFF_THREAD.matcher(path).matches()) {
			return "redirect:" + path + "?file=too-large#compose";
		}
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		return "messaging/too-large";
	}

}
