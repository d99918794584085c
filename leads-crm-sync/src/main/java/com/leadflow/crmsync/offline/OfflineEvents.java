package com.leadflow.crmsync.offline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.core.ConsentPurpose;
import com.leadflow.core.LeadPool;
import com.leadflow.core.LeadSnapshot;
import com.leadflow.crmsync.config.CrmSyncClock;
import com.leadflow.crmsync.config.CrmSyncProperties;
import com.leadflow.crmsync.lifecycle.LifecycleProblem;

/**
 * Offline events and their invitation lists. A Warm lead is invited to the next upcoming event of its region and
 * industry (an event without region / industry matches any); with no such event it waits on the waiting list and is
 * invited when a matching event is created. An invitation is an e-mail: an invitee without MARKETING_EMAIL consent
 * (checked as the list is read) is listed with the reason, so the marketing tool knows not to contact it.
 */
@Service
public class OfflineEvents {

	static final String NO_EMAIL_CONSENT = "no MARKETING_EMAIL consent (never given, withdrawn or unsubscribed)";

	/** An offline event (region / industry null: open to every region / industry). */
	public record OfflineEvent(long id, String name, String region, String industry, Instant startsAt,
			String location, long invitees) {
	}

	/** What an event is, as created or changed. */
	public record EventDetails(String name, String region, String industry, Instant startsAt, String location) {
	}

	/** One invited lead; {@code contactBlocked} says why it must not be contacted (null: it may). */
	public record Invitee(long leadId, String name, List<String> emails, String owner, Instant invitedAt,
			String contactBlocked) {
	}

	private final JdbcClient jdbc;

	private final LeadPool pool;

	private final CrmSyncClock clock;

	private final String waitingList;

	OfflineEvents(JdbcClient jdbc, LeadPool pool, CrmSyncClock clock, CrmSyncProperties properties) {
		this.jdbc = jdbc;
		this.pool = pool;
		this.clock = clock;
		this.waitingList = properties.routing().invitationList();
	}

	/**
	 * Invites Warm leads each to the next upcoming event of its region and industry, or puts it on the waiting list:
	 * one event lookup per region and industry among them, one insert for the invitees and one for the waiting list.
	 */
	@Transactional
	public void inviteAll(List<LeadSnapshot> leads) {
		Map<List<String>, Optional<Long>> eventOf = new HashMap<>();
		Map<Long, Long> invitees = new TreeMap<>();
		List<Long> waiting = new ArrayList<>();
		for (LeadSnapshot lead : leads) {
			eventOf.computeIfAbsent(Arrays.asList(lead.region(), lead.industry()), k -> nextEvent(k.get(0), k.get(1)))
				.ifPresentOrElse(event -> invitees.put(lead.id(), event), () -> waiting.add(lead.id()));
		}
		Timestamp now = Timestamp.from(clock.now());
		if (!invitees.isEmpty()) {
			jdbc.sql("""
					insert into offline_event_invitee (event_id, lead_id, invited_at)
					select event_id, lead_id, ? from unnest(?::bigint[], ?::bigint[]) i(lead_id, event_id)
					order by lead_id on conflict do nothing""")
				.params(now, invitees.keySet().toArray(Long[]::new), invitees.values().toArray(Long[]::new))
				.update();
		}
		if (!waiting.isEmpty()) {
			jdbc.sql("""
					insert into event_invitation (lead_id, list_name, added_at)
					select lead_id, ?, ? from unnest(?::bigint[]) l(lead_id) order by lead_id on conflict do nothing""")
				.params(waitingList, now, waiting.toArray(Long[]::new))
				.update();
		}
	}

	/** The next upcoming event for a region and industry (an event without either is for all). */
	private Optional<Long> nextEvent(String region, String industry) {
		return jdbc.sql("""
				select id from offline_event
				where starts_at > ? and (region is null or lower(region) = lower(?))
				  and (industry is null or lower(industry) = lower(?))
				order by starts_at, id limit 1""")
			.params(Timestamp.from(clock.now()), region, industry).query(Long.class).optional();
	}

	private void addInvitee(long eventId, long leadId) {
		jdbc.sql("""
				insert into offline_event_invitee (event_id, lead_id, invited_at) values (?, ?, ?)
				on conflict do nothing""")
			.params(eventId, leadId, Timestamp.from(clock.now())).update();
	}

	/** Creates an event and invites the waiting leads it matches. */
	@Transactional
	public OfflineEvent create(EventDetails details) {
		long id = jdbc.sql("""
				insert into offline_event (name, region, industry, starts_at, location, created_at)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(details.name().strip(), blank(details.region()), blank(details.industry()),
					Timestamp.from(details.startsAt()), blank(details.location()), Timestamp.from(clock.now()))
			.query(Long.class).single();
		if (details.startsAt().isAfter(clock.now())) {
			List<Long> waiting = jdbc.sql("select lead_id from event_invitation where list_name = ? order by added_at")
				.param(waitingList).query(Long.class).list();
			for (LeadSnapshot lead : pool.findAll(waiting)) {
				if (matches(details.region(), lead.region()) && matches(details.industry(), lead.industry())) {
					addInvitee(id, lead.id());
					jdbc.sql("delete from event_invitation where list_name = ? and lead_id = ?")
						.params(waitingList, lead.id()).update();
				}
			}
		}
		return find(id);
	}

	@Transactional
	public OfflineEvent update(long id, EventDetails details) {
		int changed = jdbc.sql("""
				update offline_event set name = ?, region = ?, industry = ?, starts_at = ?, location = ? where id = ?""")
			.params(details.name().strip(), blank(details.region()), blank(details.industry()),
					Timestamp.from(details.startsAt()), blank(details.location()), id)
			.update();
		if (changed == 0) {
			throw LifecycleProblem.notFound("event", id);
		}
		return find(id);
	}

	@Transactional
	public void delete(long id) {
		if (jdbc.sql("delete from offline_event where id = ?").param(id).update() == 0) {
			throw LifecycleProblem.notFound("event", id);
		}
	}

	public OfflineEvent find(long id) {
		return jdbc.sql(SELECT + " where e.id = ?").param(id).query((rs, i) -> event(rs)).optional()
			.orElseThrow(() -> LifecycleProblem.notFound("event", id));
	}

	/** Events starting after now (or all of them), soonest first. */
	public List<OfflineEvent> list(boolean upcomingOnly) {
		return jdbc.sql(SELECT + " where (not ? or e.starts_at > ?) order by e.starts_at, e.id")
			.params(upcomingOnly, Timestamp.from(clock.now())).query((rs, i) -> event(rs)).list();
	}

	/** An event's invitees, by invitation time, with today's consent (a withdrawal since the invitation counts). */
	public List<Invitee> invitees(long eventId) {
		find(eventId);
		List<Map<String, Object>> rows = jdbc.sql("""
				select lead_id, invited_at from offline_event_invitee where event_id = ? order by invited_at, lead_id""")
			.param(eventId).query().listOfRows();
		return withLeads(rows, "invited_at");
	}

	/** Warm leads waiting for an event of their region / industry. */
	public List<Invitee> waitingList() {
		List<Map<String, Object>> rows = jdbc.sql("""
				select lead_id, added_at from event_invitation where list_name = ?
				order by added_at, lead_id""")
			.param(waitingList).query().listOfRows();
		return withLeads(rows, "added_at");
	}

	private List<Invitee> withLeads(List<Map<String, Object>> rows, String at) {
		Map<Long, LeadSnapshot> leads = new java.util.HashMap<>();
		pool.findAll(rows.stream().map(r -> ((Number) r.get("lead_id")).longValue()).toList())
			.forEach(l -> leads.put(l.id(), l));
		return rows.stream().filter(r -> leads.containsKey(((Number) r.get("lead_id")).longValue())).map(r -> {
			LeadSnapshot lead = leads.get(((Number) r.get("lead_id")).longValue());
			String blocked = pool.hasConsent(lead.id(), ConsentPurpose.MARKETING_EMAIL) ? null : NO_EMAIL_CONSENT;
			return new Invitee(lead.id(), lead.name(), lead.emails(), lead.owner(),
					((Timestamp) r.get(at)).toInstant(), blocked);
		}).toList();
	}

	private static final String SELECT = """
			select e.*, (select count(*) from offline_event_invitee i where i.event_id = e.id) invitees
			from offline_event e""";

	private static OfflineEvent event(ResultSet rs) throws SQLException {
		return new OfflineEvent(rs.getLong("id"), rs.getString("name"), rs.getString("region"),
				rs.getString("industry"), rs.getTimestamp("starts_at").toInstant(), rs.getString("location"),
				rs.getLong("invitees"));
	}

	private static boolean matches(String rule, String value) {
		return rule == null || rule.isBlank()
				|| (value != null && rule.strip().toLowerCase(Locale.ROOT).equals(value.strip().toLowerCase(Locale.ROOT)));
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
