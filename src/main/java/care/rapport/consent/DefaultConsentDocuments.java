package care.rapport.consent;

/**
 * The first version of each consent document, written by Rapport in plain language for a practice
 * that has not written its own. Each says it is a template the practice should review; the privacy
 * notice names the law of the practice's jurisdiction.
 */
final class DefaultConsentDocuments {

	static final String TEMPLATE_NOTE = "This text is a template that comes with Rapport. Your practice should "
			+ "review it and adapt it before relying on it; it is not legal advice.";

	private DefaultConsentDocuments() {
	}

	record Text(String title, String body) {
	}

	static Text of(ConsentKind kind, String practiceName, String jurisdiction) {
		return switch (kind) {
			case TREATMENT -> treatment(practiceName);
			case PRIVACY -> privacy(practiceName, jurisdiction);
			case MEASUREMENT -> measurement(practiceName);
			case MESSAGING -> messaging(practiceName);
			case TELEHEALTH -> telehealth(practiceName);
		};
	}

	private static Text treatment(String practice) {
		return new Text("Agreeing to counselling", """
				Before you begin, we would like you to know what counselling at %s involves, so that you can \
				decide freely whether to go ahead.

				Counselling is a conversation with a trained professional about what is troubling you and what \
				you would like to be different. Your therapist will talk with you about your goals, the way of \
				working they suggest, and roughly how long it may take. You can ask questions at any point.

				Many people feel better with counselling, but no one can promise a result, and talking about \
				hard things can feel worse for a while before it feels better. If it is not helping, please say \
				so: together you can change the plan, or find someone better suited to what you need.

				What you share stays private within the practice. There are a few situations in which the law \
				requires or allows your therapist to share information without your permission: when someone \
				is at serious risk of harm, when a child or a vulnerable adult may need protection, or when a \
				court orders it. Whenever it is possible, your therapist will tell you first.

				Taking part is your choice. You may decline a suggestion, take a break, or stop at any time. If \
				you decide to stop, please tell your therapist so that you can plan a good ending together and \
				talk about other support if you need it.

				Your practice will tell you its fees, and how much notice it needs if you cannot come to a \
				session.

				Rapport is not watched around the clock. If you are in crisis, use the crisis resources your \
				practice gives you; in Canada and the United States you can call or text 9-8-8, and in an \
				emergency call 911.

				%s""".formatted(practice, TEMPLATE_NOTE));
	}

	private static Text privacy(String practice, String jurisdiction) {
		String common = """
				This notice explains what personal information %s keeps about you, why, who may see it, and \
				what you can ask of us.

				What we keep: your contact details, your appointments, your therapist's notes, your answers to \
				questionnaires, and the messages you send through Rapport.

				Why: to provide your care, to arrange and keep track of appointments, to handle fees, and to \
				meet the record-keeping duties of your therapist's profession and the law.

				Who may see it: your therapist, and their clinical supervisor if they have one. Office staff \
				see what they need to run appointments and accounts, not what you talk about. Every time \
				someone opens your record, Rapport writes it down, and you can see that list yourself under \
				"Who viewed my record". Notes and messages are encrypted when stored.

				We share information outside the practice only with your permission, or where the law requires \
				or allows it, for example to protect someone from serious harm.

				We keep your record for as long as professional and legal rules require, then destroy it \
				securely.""".formatted(practice);
		String law = switch (jurisdiction) {
			case "British Columbia, Canada" -> """
					In British Columbia, the Personal Information Protection Act (PIPA) sets the rules for how a \
					private practice collects, uses and shares personal information.

					You may ask to see your information and to get a copy, and ask us to correct anything that \
					is wrong. We will answer within the time the Act allows. If a question about your privacy is \
					not resolved to your satisfaction, you may contact the Office of the Information and Privacy \
					Commissioner for British Columbia.""";
			case "Alberta, Canada" -> """
					In Alberta, the Personal Information Protection Act (PIPA) sets the rules for how a private \
					practice collects, uses and shares personal information. Some health professionals are also \
					covered by the Health Information Act; your practice can tell you which law applies to it.

					You may ask to see your information and to get a copy, and ask us to correct anything that \
					is wrong. We will answer within the time the law allows. If a question about your privacy is \
					not resolved to your satisfaction, you may contact the Office of the Information and Privacy \
					Commissioner of Alberta.""";
			case "Ontario, Canada" -> """
					In Ontario, the Personal Health Information Protection Act, 2004 (PHIPA) sets the rules for \
					personal health information. Under it, your practice is responsible for your information as \
					its custodian.

					You may ask to see your record and to get a copy, and ask us to correct anything that is \
					wrong. You may also ask us not to share particular information with other people who provide \
					your health care. If a question about your privacy is not resolved to your satisfaction, you \
					may contact the Information and Privacy Commissioner of Ontario.""";
			case "United States" -> """
					In the United States, the HIPAA Privacy Rule gives you rights over your health information, \
					and this is our notice of privacy practices. We may use and share your information to treat \
					you, to be paid for your care, and to run the practice. For most other purposes we ask for \
					your written permission first, and your therapist's separate psychotherapy notes are shared \
					only with your written permission, except in the rare cases the law sets out.

					You may ask to see and get a copy of your health information, ask us to correct it, ask for \
					a list of the times we shared it, ask us to limit what we share, ask us to contact you in a \
					particular way or place, and get a paper copy of this notice. If you believe your privacy \
					rights were not respected, you may complain to the practice or to the Office for Civil \
					Rights of the U.S. Department of Health and Human Services. We will never hold a complaint \
					against you.""";
			case "Other Canadian province or territory" -> """
					In Canada, the federal Personal Information Protection and Electronic Documents Act (PIPEDA) \
					or a similar law of your province or territory sets the rules for how a private practice \
					handles personal information; your practice can tell you which applies to it.

					You may ask to see your information and to get a copy, and ask us to correct anything that \
					is wrong. If a question about your privacy is not resolved to your satisfaction, you may \
					contact the Office of the Privacy Commissioner of Canada or your province's or territory's \
					privacy commissioner.""";
			default -> """
					The privacy law of the place where your practice works sets the rules for how it handles \
					your information; your practice can tell you which law that is.

					You may ask to see your information and to get a copy, and ask us to correct anything that \
					is wrong. If you have a question or a concern about your privacy, please tell us.""";
		};
		String title = "United States".equals(jurisdiction) ? "Notice of privacy practices"
				: "How we look after your personal information";
		return new Text(title, common + "\n\n" + law + "\n\n" + TEMPLATE_NOTE);
	}

	private static Text measurement(String practice) {
		return new Text("Check-ins and feedback on how you are doing", """
				At %s, we ask you now and then how you have been feeling and how your sessions are going, \
				with short questionnaires you can fill in on your phone or computer. It usually takes a minute \
				or two.

				Your therapist sees your answers, and Rapport draws them as a chart over time. This helps you \
				both notice what is changing and spot early when counselling is not helping as much as it \
				should, so that you can try something different. Some answers, such as thoughts of harming \
				yourself, bring a prompt to your therapist to check in with you.

				Rapport is not watched around the clock, so a questionnaire is never the way to ask for urgent \
				help. If you are in crisis, use the crisis resources your practice gives you.

				You can skip any questionnaire or any question. Your answers become part of your record, like \
				your therapist's notes.

				You can withdraw this consent at any time here in the portal. We stop asking you right away, \
				and your counselling continues as before. Answers you already gave stay in your record, \
				because the rules for health records do not allow us to remove them.

				%s""".formatted(practice, TEMPLATE_NOTE));
	}

	private static Text messaging(String practice) {
		return new Text("Secure messages with your therapist", """
				%s can exchange messages with you through Rapport, for things like arranging appointments or \
				a short question between sessions. Messages are encrypted and stay inside Rapport rather than \
				in e-mail.

				Messages are not for emergencies, and no one reads them around the clock. Your practice will \
				tell you when to expect a reply. If you are in crisis, use the crisis resources your practice \
				gives you.

				Your therapist may suggest keeping some topics for your next session, where there is time to \
				talk them through. Messages become part of your record.

				You can withdraw this consent at any time here in the portal. It takes effect right away: no \
				new messages will be exchanged through Rapport, and your practice will reach you another way. \
				Earlier messages stay in your record.

				%s""".formatted(practice, TEMPLATE_NOTE));
	}

	private static Text telehealth(String practice) {
		return new Text("Sessions by video or phone", """
				%s may offer some sessions by video or phone. Many people find this convenient, and it works \
				well for much of counselling, though it is not the same as being in the room together.

				Please join from a private place where you will not be overheard, and do not record a session \
				unless you and your therapist have agreed to it. Your therapist will do the same.

				Connections sometimes fail. If a call drops, your therapist will try to reach you by phone. At \
				the start of each session your therapist may ask where you are, so that help can be sent to you \
				in an emergency.

				If you will be in another province, state or country for a session, please tell your therapist \
				beforehand: the rules of their profession may not let them see you there.

				If video or phone sessions do not seem right for what you are going through, your therapist may \
				suggest meeting in person instead.

				You can withdraw this consent at any time here in the portal. It takes effect right away, and \
				your sessions will be in person.

				%s""".formatted(practice, TEMPLATE_NOTE));
	}

}
