package com.leadflow.crmsync.config;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.leadflow.core.ConsentPurpose;

/**
 * Settings of crm-sync under {@code leadflow.crm-sync.*}; every value has a default (missing groups get theirs).
 * @param backgroundJobs whether this node runs crm-sync's jobs: outbox delivery, SLA and re-engagement timers
 *        (default true; every node may run them, work is claimed in the database)
 * @param crm the CRM peer (SQL push: contact + opportunity)
 * @param callCenter the call-center peer (call tasks for SDRs)
 * @param outbox delivery worker: polling, attempts, backoff
 * @param webhooks inbound webhook secrets and replay window
 * @param sla how long a new SQL may wait for sales to accept it, and what happens then
 * @param routing teams, territories and the SDR team
 * @param qualification the BANT questionnaire SDRs ask
 * @param recycling what a move to RECYCLED does
 * @param marketing the marketing tool, which receives nurture tasks by webhook when {@code nurture.webhook} is on
 * @param nurture next-best-content rules of nurture tracks
 */
@ConfigurationProperties("leadflow.crm-sync")
public record CrmSyncProperties(Boolean backgroundJobs, Peer crm, Peer callCenter, Outbox outbox, Webhooks webhooks, Sla sla,
		Routing routing, Qualification qualification, Recycling recycling, Peer marketing, Nurture nurture) {

	public CrmSyncProperties {
		backgroundJobs = backgroundJobs == null || backgroundJobs;
		crm = crm == null ? new Peer(null, null, null, null) : crm;
		callCenter = callCenter == null ? new Peer(null, null, null, null) : callCenter;
		outbox = outbox == null ? new Outbox(null, null, null, null, null, null, null) : outbox;
		webhooks = webhooks == null ? new Webhooks(null, null, null) : webhooks;
		sla = sla == null ? new Sla(null, null, null, null, null) : sla;
		routing = routing == null ? new Routing(null, null, null, null, null) : routing;
		qualification = qualification == null ? new Qualification(null) : qualification;
		recycling = recycling == null ? new Recycling(null, null) : recycling;
		marketing = marketing == null ? new Peer(null, null, null, null) : marketing;
		nurture = nurture == null ? new Nurture(null, null, null) : nurture;
	}

	/**
	 * A JSON-over-HTTP peer.
	 * @param baseUrl where it listens (default {@code http://localhost:9999}, i.e. nothing: messages wait in the outbox)
	 * @param paths request paths by message kind, {@code {leadId}} is replaced (defaults per peer below)
	 * @param connectTimeout connect timeout (default 2 s)
	 * @param readTimeout response timeout (default 10 s)
	 */
	public record Peer(String baseUrl, Map<String, String> paths, Duration connectTimeout, Duration readTimeout) {

		public Peer {
			baseUrl = baseUrl == null ? "http://localhost:9999" : baseUrl;
			paths = paths == null ? Map.of() : Map.copyOf(paths);
			connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
			readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
		}

		public String path(String kind, String fallback) {
			return paths.getOrDefault(kind, fallback);
		}
	}

	/**
	 * The outbox delivery worker.
	 * @param pollInterval pause between polls (default 1 s)
	 * @param batchSize messages claimed per poll (default 20)
	 * @param maxAttempts attempts before a message moves to dead-letter (default 10)
	 * @param initialBackoff wait after the first failure, doubled per attempt (default 2 s)
	 * @param maxBackoff upper bound of the wait (default 10 min)
	 * @param jitter random fraction taken off each wait, 0..1 (default 0.5: waits spread over [½, 1] × backoff)
	 * @param keepDelivered how long delivered messages stay for audit before they are purged (default 7 days)
	 */
	public record Outbox(Duration pollInterval, Integer batchSize, Integer maxAttempts,
			Duration initialBackoff, Duration maxBackoff, Double jitter, Duration keepDelivered) {

		public Outbox {
			pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
			batchSize = batchSize == null ? 20 : batchSize;
			maxAttempts = maxAttempts == null ? 10 : maxAttempts;
			initialBackoff = initialBackoff == null ? Duration.ofSeconds(2) : initialBackoff;
			maxBackoff = maxBackoff == null ? Duration.ofMinutes(10) : maxBackoff;
			jitter = jitter == null ? 0.5 : Math.max(0, Math.min(1, jitter));
			keepDelivered = keepDelivered == null ? Duration.ofDays(7) : keepDelivered;
		}
	}

	/**
	 * Inbound webhooks: HMAC-SHA256 over {@code timestamp + "." + body}.
	 * @param crmSecret shared secret with the CRM (default a development value: set it in production)
	 * @param callCenterSecret shared secret with the call center (default a development value)
	 * @param replayWindow how far a request's timestamp may lie from now (default 5 min)
	 */
	public record Webhooks(String crmSecret, String callCenterSecret, Duration replayWindow) {

		public Webhooks {
			crmSecret = crmSecret == null ? "dev-crm-secret-change-me" : crmSecret;
			callCenterSecret = callCenterSecret == null ? "dev-call-center-secret-change-me" : callCenterSecret;
			replayWindow = replayWindow == null ? Duration.ofMinutes(5) : replayWindow;
		}
	}

	/**
	 * SLA of a new SQL.
	 * @param sqlAcceptance time sales have to accept (CRM "accepted") a new SQL (default 24 h)
	 * @param checkInterval how often expired timers are looked for (default 1 min)
	 * @param escalateTo owner an expired SQL is escalated to (default {@code sales-manager})
	 * @param returnToSdr when true an expired SQL also goes back to SAL (the SDR) instead of waiting (default true)
	 * @param mqlContact time an SDR has to work (accept, recycle, disqualify) a new MQL; longer it is flagged stale
	 *        and counts as "not contacted within SLA" (default 48 h)
	 */
	public record Sla(Duration sqlAcceptance, Duration checkInterval, String escalateTo, Boolean returnToSdr,
			Duration mqlContact) {

		public Sla {
			sqlAcceptance = sqlAcceptance == null ? Duration.ofHours(24) : sqlAcceptance;
			checkInterval = checkInterval == null ? Duration.ofMinutes(1) : checkInterval;
			escalateTo = escalateTo == null ? "sales-manager" : escalateTo;
			returnToSdr = returnToSdr == null || returnToSdr;
			mqlContact = mqlContact == null ? Duration.ofHours(48) : mqlContact;
		}
	}

	/**
	 * Assignment of routed leads.
	 * @param teams members per team, assigned round-robin (default team {@code sdr} with {@code sdr-1}, {@code sdr-2})
	 * @param territories first matching rule picks the team (region, industry, company size; null matches anything)
	 * @param sdrTeam team of Hot leads no territory matches (default {@code sdr})
	 * @param keyAccountOwner owner of known customers whose lead has no owner yet (default {@code key-accounts})
	 * @param invitationList name of the event-invitation list Warm leads join (default {@code next-event})
	 */
	public record Routing(Map<String, List<String>> teams, List<Territory> territories, String sdrTeam,
			String keyAccountOwner, String invitationList) {

		public Routing {
			teams = teams == null || teams.isEmpty() ? Map.of("sdr", List.of("sdr-1", "sdr-2")) : Map.copyOf(teams);
			territories = territories == null ? List.of() : List.copyOf(territories);
			sdrTeam = sdrTeam == null ? "sdr" : sdrTeam;
			keyAccountOwner = keyAccountOwner == null ? "key-accounts" : keyAccountOwner;
			invitationList = invitationList == null ? "next-event" : invitationList;
		}
	}

	/**
	 * A territory rule: leads of this region, industry and / or company size band (e.g. {@code 500+}; compared without
	 * case, null matches anything) go to {@code team}.
	 */
	public record Territory(String region, String industry, String companySize, String team) {
	}

	/** The BANT questionnaire (default: budget, authority, need, timeline). */
	public record Qualification(List<Question> questions) {

		public Qualification {
			questions = questions == null || questions.isEmpty() ? List.of(
					new Question("budget", "Is there a budget for this project, and roughly how much?", true),
					new Question("authority", "Who decides, and are they involved?", true),
					new Question("need", "What problem must be solved?", true),
					new Question("timeline", "When should a solution be in place?", true)) : List.copyOf(questions);
		}
	}

	/** One qualification question; {@code required} ones must be answered for a "qualified" outcome. */
	public record Question(String key, String text, boolean required) {
	}

	/**
	 * Recycling.
	 * @param reengageAfter default wait before a recycled lead is nurtured again when none is given (default 90 days)
	 * @param keepBehaviour fraction of the behaviour score kept when a lead is recycled (default 0.5)
	 */
	public record Recycling(Period reengageAfter, Double keepBehaviour) {

		public Recycling {
			reengageAfter = reengageAfter == null ? Period.ofDays(90) : reengageAfter;
			keepBehaviour = keepBehaviour == null ? 0.5 : keepBehaviour;
		}
	}

	/**
	 * Nurture tracks: the first rule a nurtured lead matches names its next best content.
	 * @param rules in order of precedence (defaults: attended webinar → trial offer; whitepaper, no webinar →
	 *        webinar invitation; anything else → whitepaper)
	 * @param webhook whether new nurture tasks are also pushed to the {@code marketing} peer through the outbox
	 *        (default false: the marketing tool reads audiences by API)
	 * @param longNurture a lead nurtured this long without turning MQL counts as long-nurtured in the metrics
	 *        (default 90 days)
	 */
	public record Nurture(List<NurtureRule> rules, Boolean webhook, Duration longNurture) {

		public Nurture {
			rules = rules == null || rules.isEmpty() ? List.of(
					new NurtureRule("trial-after-webinar", List.of("WEBINAR_ATTEND"),
							List.of("TRIAL_REQUEST", "TRIAL_START"), "trial-offer", NurtureChannel.EMAIL),
					new NurtureRule("webinar-after-whitepaper", List.of("WHITEPAPER_DOWNLOAD"),
							List.of("WEBINAR_REGISTER", "WEBINAR_ATTEND"), "webinar-invitation", NurtureChannel.EMAIL),
					new NurtureRule("first-whitepaper", List.of(), List.of("WHITEPAPER_DOWNLOAD", "WEBINAR_ATTEND"),
							"whitepaper", NurtureChannel.EMAIL)) : List.copyOf(rules);
			webhook = webhook != null && webhook;
			longNurture = longNurture == null ? Duration.ofDays(90) : longNurture;
		}
	}

	/**
	 * A next-best-content rule: matches a lead whose timeline has every action of {@code done} and none of
	 * {@code notDone} (touch actions such as {@code WHITEPAPER_DOWNLOAD}).
	 * @param content the content to offer (the audience's name, e.g. {@code webinar-invitation})
	 * @param channel how it is sent, which decides the consent needed
	 */
	public record NurtureRule(String name, List<String> done, List<String> notDone, String content,
			NurtureChannel channel) {

		public NurtureRule {
			done = done == null ? List.of() : List.copyOf(done);
			notDone = notDone == null ? List.of() : List.copyOf(notDone);
			channel = channel == null ? NurtureChannel.EMAIL : channel;
		}
	}

	/** Channels of nurture content and the consent each needs. */
	public enum NurtureChannel {
		EMAIL(ConsentPurpose.MARKETING_EMAIL), WECHAT(ConsentPurpose.WECHAT_MESSAGES);

		private final ConsentPurpose purpose;

		NurtureChannel(ConsentPurpose purpose) {
			this.purpose = purpose;
		}

		public ConsentPurpose purpose() {
			return purpose;
		}
	}
}
