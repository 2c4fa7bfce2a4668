package care.rapport.feedback;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.clients.Clients;
import care.rapport.goals.Goals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/** A client's goal ratings are drawn as lines on the progress chart, for the care team and the client. */
@IntegrationTest
@AutoConfigureMockMvc
class GoalLinesIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Test
	void ratedGoalsAppearOnBothProgressCharts() throws Exception {
		var practice = TestPractice.create(context);
		var clientUser = practice.user(practice.clientAEmail());
		var client = context.getBean(Clients.class).ownRecord(clientUser).orElseThrow();
		var goals = context.getBean(Goals.class);
		var goal = goals.write(clientUser, client, "Walk the dog every morning", null);
		goals.rate(clientUser, client, goal, "4");

		mvc.perform(get("/app/clients/" + practice.clientOfA() + "/progress").with(practice.as(practice.therapistAEmail())))
			.andExpect(content().string(containsString("Goal 1: Walk the dog every morning")));
		mvc.perform(get("/me/progress").with(practice.as(practice.clientAEmail())))
			.andExpect(content().string(containsString("Goal 1: Walk the dog every morning")));
	}

}
