package com.leadflow.scoring.simulation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import com.leadflow.core.LeadPool;
import com.leadflow.core.LeadSnapshot;
import com.leadflow.core.Touch;
import com.leadflow.scoring.GroupScore;
import com.leadflow.scoring.ScoreBand;
import com.leadflow.scoring.engine.Auc;
import com.leadflow.scoring.engine.CompiledModel;
import com.leadflow.scoring.engine.ModelScore;
import com.leadflow.scoring.engine.ScoringEngine;
import com.leadflow.scoring.lead.ScoringProperties;
import com.leadflow.scoring.model.DefaultModels;
import com.leadflow.scoring.model.ModelCatalog;
import com.leadflow.scoring.model.ModelCatalog.ActiveModels;
import com.leadflow.scoring.model.ScoringModel;
import com.leadflow.scoring.model.ScoringModels;
import com.leadflow.scoring.simulation.SimulationReport.Conversion;
import com.leadflow.scoring.simulation.SimulationReport.GroupReport;
import com.leadflow.scoring.simulation.SimulationReport.Mover;

/**
 * Runs a model (usually a draft) over every lead of its scope in batches, read-only: stored scores never change.
 * The comparison is with the scope's active model at the same instant, so only the rules differ.
 */
@Service
public class Simulation {

	static final int SAMPLE = 20;

	private final LeadPool pool;

	private final ModelCatalog catalog;

	private final int batchSize;

	private final Clock clock;

	Simulation(LeadPool pool, ModelCatalog catalog, ScoringProperties properties, ObjectProvider<Clock> clock) {
		this.pool = pool;
		this.catalog = catalog;
		this.batchSize = properties.bulkBatchSize();
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	public SimulationReport simulate(long modelId) {
		ScoringModel model = catalog.get(modelId);
		CompiledModel draft = ScoringModels.compile(model);
		ActiveModels active = catalog.active();
		Instant now = clock.instant();
		Map<String, Acc> groups = new LinkedHashMap<>();
		draft.groups().forEach(g -> groups.put(g.name(), new Acc(g.name())));
		int leads = 0;
		long last = 0;
		List<Long> ids;
		while (!(ids = pool.activeLeadIdsAfter(last, batchSize)).isEmpty()) {
			last = ids.getLast();
			List<LeadSnapshot> batch = pool.findAll(ids).stream().filter(l -> inScope(l, model.scope(), active)).toList();
			Map<Long, List<Touch>> timelines = pool.timelines(batch.stream().map(LeadSnapshot::id).toList());
			for (LeadSnapshot lead : batch) {
				List<Touch> touches = timelines.getOrDefault(lead.id(), List.of());
				ModelScore current = ScoringEngine.score(active.forLead(lead), lead, touches, now, null);
				ModelScore simulated = ScoringEngine.score(draft, lead, touches, now, null);
				Boolean outcome = Outcomes.of(lead);
				for (GroupScore s : simulated.groups()) {
					GroupScore c = current.groups()
						.stream()
						.filter(g -> g.group().equals(s.group()))
						.findFirst()
						.orElse(current.groups().getFirst());
					groups.get(s.group()).add(lead.id(), c, s, outcome);
				}
				leads++;
			}
		}
		return new SimulationReport(modelId, model.scope(), leads, groups.values().stream().map(Acc::report).toList());
	}

	/** A draft of scope S applies to the leads S's active model would score once activated. */
	private static boolean inScope(LeadSnapshot lead, String scope, ActiveModels active) {
		if (DefaultModels.DEFAULT_SCOPE.equals(scope)) {
			return DefaultModels.DEFAULT_SCOPE.equals(active.forLead(lead).scope());
		}
		return lead.industry() != null && ModelCatalog.normaliseScope(lead.industry()).equals(scope);
	}

	/** Running totals of one group. */
	private static final class Acc {

		final String group;

		final Map<ScoreBand, Long> current = counts();

		final Map<ScoreBand, Long> simulated = counts();

		final Map<ScoreBand, long[]> currentConv = new EnumMap<>(ScoreBand.class);

		final Map<ScoreBand, long[]> simulatedConv = new EnumMap<>(ScoreBand.class);

		final List<Mover> sample = new ArrayList<>();

		final List<double[]> withOutcome = new ArrayList<>(); // current total, simulated total, converted (1/0)

		long moving;

		Acc(String group) {
			this.group = group;
		}

		void add(long leadId, GroupScore c, GroupScore s, Boolean outcome) {
			current.merge(c.band(), 1L, Long::sum);
			simulated.merge(s.band(), 1L, Long::sum);
			if (c.band() != s.band()) {
				moving++;
				if (sample.size() < SAMPLE) {
					sample.add(new Mover(leadId, c.band(), s.band(), c.total(), s.total()));
				}
			}
			if (outcome != null) {
				count(currentConv, c.band(), outcome);
				count(simulatedConv, s.band(), outcome);
				withOutcome.add(new double[] { c.total(), s.total(), outcome ? 1 : 0 });
			}
		}

		GroupReport report() {
			int n = withOutcome.size();
			double[] cur = new double[n];
			double[] sim = new double[n];
			boolean[] converted = new boolean[n];
			for (int i = 0; i < n; i++) {
				cur[i] = withOutcome.get(i)[0];
				sim[i] = withOutcome.get(i)[1];
				converted[i] = withOutcome.get(i)[2] == 1;
			}
			return new GroupReport(group, current, simulated, moving, sample, n, conversion(currentConv),
					conversion(simulatedConv), nullIfNaN(Auc.of(cur, converted)), nullIfNaN(Auc.of(sim, converted)));
		}

		private static void count(Map<ScoreBand, long[]> conv, ScoreBand band, boolean converted) {
			long[] c = conv.computeIfAbsent(band, b -> new long[2]);
			c[0]++;
			if (converted) {
				c[1]++;
			}
		}

		private static Map<ScoreBand, Conversion> conversion(Map<ScoreBand, long[]> conv) {
			Map<ScoreBand, Conversion> result = new EnumMap<>(ScoreBand.class);
			for (ScoreBand band : ScoreBand.values()) {
				long[] c = conv.getOrDefault(band, new long[2]);
				result.put(band, new Conversion(c[0], c[1], c[0] == 0 ? null : (double) c[1] / c[0]));
			}
			return result;
		}

		private static Map<ScoreBand, Long> counts() {
			Map<ScoreBand, Long> m = new EnumMap<>(ScoreBand.class);
			for (ScoreBand band : ScoreBand.values()) {
				m.put(band, 0L);
			}
			return m;
		}

		private static Double nullIfNaN(double v) {
			return Double.isNaN(v) ? null : v;
		}
	}
}
