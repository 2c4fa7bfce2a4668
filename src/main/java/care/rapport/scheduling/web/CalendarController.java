package care.rapport.scheduling.web;

import java.util.UUID;

import care.rapport.clients.Clients;
import care.rapport.identity.RapportUser;
import care.rapport.practice.Practices;
import care.rapport.scheduling.AppointmentId;
import care.rapport.scheduling.Appointments;
import care.rapport.scheduling.CalendarFeeds;
import care.rapport.mail.MailSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Calendar files: a therapist's private feed, and one session for the client. */
@Controller
class CalendarController {

	private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

	private final CalendarFeeds feeds;

	private final Appointments appointments;

	private final Clients clients;

	private final Practices practices;

	private final MailSettings mail;

	CalendarController(CalendarFeeds feeds, Appointments appointments, Clients clients, Practices practices,
			MailSettings mail) {
		this.feeds = feeds;
		this.appointments = appointments;
		this.clients = clients;
		this.practices = practices;
		this.mail = mail;
	}

	@PostMapping("/app/schedule/feed")
	String renewFeed(@AuthenticationPrincipal RapportUser staff, RedirectAttributes redirect) {
		String token = feeds.renew(staff.practiceId(), staff.id());
		redirect.addFlashAttribute("feedUrl", mail.baseUrl() + "/calendar/" + token + ".ics");
		return "redirect:/app/schedule";
	}

	@GetMapping("/calendar/{token}.ics")
	ResponseEntity<String> feed(@PathVariable String token) {
		return feeds.feed(token)
			.map(body -> ResponseEntity.ok().contentType(CALENDAR).body(body))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@GetMapping("/me/appointments/{id}.ics")
	ResponseEntity<String> single(@AuthenticationPrincipal RapportUser user, @PathVariable UUID id) {
		var client = clients.ownRecord(user).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var appointment = appointments.find(user.practiceId(), new AppointmentId(id))
			.filter(a -> a.clientId().equals(client.id()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok()
			.contentType(CALENDAR)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"session.ics\"")
			.body(feeds.single(appointment, practices.get(user.practiceId()).name()));
	}

}
