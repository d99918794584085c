package com.leadflow.core.privacy;

import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.core.ConsentPurpose;
import com.leadflow.core.LeadConsentChanged;

/** Consent records per lead and purpose; the latest record of a purpose decides. */
@Service
public class Consents {

	/** One consent record. */
	public record Consent(long id, ConsentPurpose purpose, boolean granted, String source, String textVersion,
			Instant recordedAt, Instant withdrawnAt) {

		public boolean active() {
			return granted && withdrawnAt == null;
		}
	}

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Consents(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * A person's own decision outside an arrival (the privacy API): recorded as {@link #record} does and announced
	 * with {@link LeadConsentChanged}, so that what depends on consent (nurture tasks) is decided again at once.
	 */
	@Transactional
	public Consent decide(long leadId, ConsentPurpose purpose, boolean granted, String source, String textVersion) {
		Consent consent = record(leadId, purpose, granted, source, textVersion);
		events.publishEvent(new LeadConsentChanged(leadId, purpose, granted));
		return consent;
	}

	/** Records a grant or a refusal; a refusal also withdraws earlier grants of that purpose. */
	@Transactional
	public Consent record(long leadId, ConsentPurpose purpose, boolean granted, String source, String textVersion) {
		if (!granted) {
			jdbc.sql("""
					update lead_consent set withdrawn_at = now()
					where lead_id = ? and purpose = ? and granted and withdrawn_at is null""")
				.params(leadId, purpose.name())
				.update();
		}
		long id = jdbc.sql("""
				insert into lead_consent (lead_id, purpose, granted, source, text_version) values (?, ?, ?, ?, ?) returning id""")
			.params(leadId, purpose.name(), granted, source, textVersion)
			.query(Long.class)
			.single();
		return of(leadId).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
	}

	public List<Consent> of(long leadId) {
		return jdbc.sql("""
				select id, purpose, granted, source, text_version, recorded_at, withdrawn_at from lead_consent
				where lead_id = ? order by recorded_at desc, id desc""")
			.param(leadId)
			.query((rs, i) -> new Consent(rs.getLong(1), ConsentPurpose.valueOf(rs.getString(2)), rs.getBoolean(3),
					rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
					rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
			.list();
	}

	/** Of several leads, those whose latest record for the purpose is a grant not withdrawn ({@link #has} each). */
	public java.util.Set<Long> granted(java.util.Collection<Long> leadIds, ConsentPurpose purpose) {
		return new java.util.HashSet<>(jdbc.sql("""
				select lead_id from (
				    select distinct on (lead_id) lead_id, granted and withdrawn_at is null active from lead_consent
				    where lead_id = any(?) and purpose = ? order by lead_id, recorded_at desc, id desc
				) latest where active""")
			.params(leadIds.stream().mapToLong(Long::longValue).toArray(), purpose.name())
			.query(Long.class)
			.list());
	}

	public boolean has(long leadId, ConsentPurpose purpose) {
		return jdbc.sql("""
				select granted and withdrawn_at is null from lead_consent where lead_id = ? and purpose = ?
				order by recorded_at desc, id desc limit 1""")
			.params(leadId, purpose.name())
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}
}
