package care.rapport.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** The page for a refused request; a refused form (no valid CSRF token) gets its own explanation. */
@Controller
class ErrorPagesController {

	@RequestMapping("/error/forbidden")
	String forbidden(HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		model.addAttribute("csrfFailure", Boolean.TRUE.equals(request.getAttribute("csrfFailure")));
		return "error/forbidden";
	}

}
