package com.leadflow.crmsync.routing;

import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.leadflow.core.LeadSnapshot;
import com.leadflow.crmsync.config.CrmSyncProperties;

/**
 * Who works a routed lead: known customers go to their account owner; others to the team of the first territory
 * matching their region / industry / company size (else the SDR team), and within the team round-robin. The turn counter lives in
 * the database ({@code routing_cursor}), so round-robin holds across nodes.
 */
@Component
class Assignment {

	record Assignee(String team, String owner) {
	}

	private final JdbcClient jdbc;

	private final CrmSyncProperties.Routing routing;

	Assignment(JdbcClient jdbc, CrmSyncProperties properties) {
		this.jdbc = jdbc;
		this.routing = properties.routing();
	}

	Assignee assign(LeadSnapshot lead) {
		if (lead.existingCustomer()) {
			return new Assignee("key-accounts", lead.owner() != null ? lead.owner() : routing.keyAccountOwner());
		}
		String team = teamOf(lead);
		List<String> members = routing.teams().getOrDefault(team, List.of());
		if (members.isEmpty()) {
			members = routing.teams().getOrDefault(routing.sdrTeam(), List.of(routing.sdrTeam()));
		}
		long turn = jdbc.sql("""
				insert into routing_cursor (team, turns) values (?, 1)
				on conflict (team) do update set turns = routing_cursor.turns + 1 returning turns""")
			.param(team).query(Long.class).single();
		return new Assignee(team, members.get((int) ((turn - 1) % members.size())));
	}

	String teamOf(LeadSnapshot lead) {
		for (CrmSyncProperties.Territory t : routing.territories()) {
			if (matches(t.region(), lead.region()) && matches(t.industry(), lead.industry())
					&& matches(t.companySize(), lead.companySizeBand())) {
				return t.team();
			}
		}
		return routing.sdrTeam();
	}

	private static boolean matches(String rule, String value) {
		return rule == null || rule.isBlank()
				|| (value != null && rule.strip().toLowerCase(Locale.ROOT).equals(value.strip().toLowerCase(Locale.ROOT)));
	}
}
