package care.rapport.web;

import java.io.IOException;
import care.rapport.practice.RecordNotFoundException;
import care.rapport.practice.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * One vocabulary for refusals, for every module: a record a person may not see answers 404
 * ("Not found", the same for another practice's object, another therapist's and a malformed id);
 * a {@link Refusal} no page caught answers its status with its message in plain words on the
 * error page, or, for a JSON request, a {@link ProblemDetail} with properties {@code code} and
 * {@code field}. Pages that re-render their form catch refusals themselves through
 * {@code RefusedForm}; controller-local handlers win over this advice.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class Refusals {

	/** Request attribute carrying the plain-words message to the error page. */
	static final String MESSAGE = Refusals.class.getName() + ".message";

	static final String NOT_FOUND = "NOT_FOUND";

	static final String MALFORMED = "MALFORMED";

	@ExceptionHandler(RecordNotFoundException.class)
	@Nullable ResponseEntity<ProblemDetail> notFound(HttpServletRequest request, HttpServletResponse response,
			@Nullable HandlerMethod handler) throws IOException {
		return answer(request, response, handler, HttpStatus.NOT_FOUND, NOT_FOUND, null,
				"There is nothing here, or it is not yours to see.");
	}

	@ExceptionHandler(Refusal.class)
	@Nullable ResponseEntity<ProblemDetail> refused(Refusal refusal, HttpServletRequest request,
			HttpServletResponse response, @Nullable HandlerMethod handler) throws IOException {
		return answer(request, response, handler, status(refusal), refusal.code(), refusal.field(), refusal.getMessage());
	}

	/**
	 * A value that cannot be converted: in the path it names no record (404, as any unknown id);
	 * in a form or query it is answered with what was wrong, in plain words.
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	@Nullable ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException ex,
			HttpServletRequest request, HttpServletResponse response, @Nullable HandlerMethod handler)
			throws IOException {
		if (ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
			return notFound(request, response, handler);
		}
		String typed = String.valueOf(ex.getValue());
		return answer(request, response, handler, HttpStatus.BAD_REQUEST, MALFORMED, ex.getName(),
				"\u201c" + (typed.length() > 40 ? typed.substring(0, 40) + "\u2026" : typed)
						+ "\u201d could not be read as " + expected(ex.getRequiredType()) + " for \u201c" + ex.getName()
						+ "\u201d. Go back, correct it and send again.");
	}

	/** Puts the refusal's message on the error page that {@code sendError} leads to. */
	@ModelAttribute
	void message(HttpServletRequest request, Model model) {
		Object message = request.getAttribute(MESSAGE);
		if (message != null) {
			model.addAttribute("refusal", message);
		}
	}

	private static @Nullable ResponseEntity<ProblemDetail> answer(HttpServletRequest request,
			HttpServletResponse response, @Nullable HandlerMethod handler, HttpStatus status, String code,
			@Nullable String field, String message) throws IOException {
		if (wantsJson(request) || answersJson(handler)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
			problem.setProperty("code", code);
			problem.setProperty("field", field);
			// For static/js/notes.js: nothing was saved, and trying again changes nothing but for input.
			problem.setProperty("saved", false);
			problem.setProperty("message", message);
			problem.setProperty("stop", status != HttpStatus.UNPROCESSABLE_CONTENT);
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		request.setAttribute(MESSAGE, message);
		response.sendError(status.value());
		return null;
	}

	private static HttpStatus status(Refusal refusal) {
		return switch (refusal.kind()) {
			case INPUT -> HttpStatus.UNPROCESSABLE_CONTENT;
			case CONFLICT -> HttpStatus.CONFLICT;
			case NOT_ALLOWED -> HttpStatus.FORBIDDEN;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
		};
	}

	private static boolean wantsJson(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		if (accept == null || accept.isBlank()) {
			return request.getRequestURI().startsWith("/api/");
		}
		// A browser asks for text/html (and */*); fetch() from our scripts and API clients ask for JSON.
		return accept.contains("json") && !accept.contains("text/html");
	}

	/** A handler that answers data rather than a page answers its refusals as data too. */
	private static boolean answersJson(@Nullable HandlerMethod handler) {
		return handler != null && (handler.hasMethodAnnotation(ResponseBody.class)
				|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
				|| ResponseEntity.class.isAssignableFrom(handler.getMethod().getReturnType()));
	}

	private static String expected(@Nullable Class<?> type) {
		if (type == null) {
			return "a value";
		}
		if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class) {
			return "a number";
		}
		if (type == java.util.UUID.class) {
			return "an id";
		}
		if (type.getName().startsWith("java.time.")) {
			return "a date or time";
		}
		return "a value of the right kind";
	}

}
