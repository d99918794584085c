package com.leadflow.scoring.simulation;

import java.util.List;
import java.util.Map;

import com.leadflow.scoring.ScoreBand;

/**
 * What a draft model would do to the leads of its scope, compared with the active model, at the same instant.
 * @param leads leads of the scope scored by both models
 */
public record SimulationReport(long modelId, String scope, int leads, List<GroupReport> groups) {

	/**
	 * One score group: band counts now and with the draft, leads that would change band (with a sample), and where
	 * outcomes are known the conversion rate per band and the AUC of both models.
	 */
	public record GroupReport(String group, Map<ScoreBand, Long> currentBands, Map<ScoreBand, Long> simulatedBands,
			long leadsChangingBand, List<Mover> sample, int leadsWithOutcome,
			Map<ScoreBand, Conversion> currentConversion, Map<ScoreBand, Conversion> simulatedConversion,
			Double currentAuc, Double simulatedAuc) {
	}

	/** A lead that would change band. */
	public record Mover(long leadId, ScoreBand from, ScoreBand to, int fromScore, int toScore) {
	}

	/** Of the leads with a known outcome in a band, how many converted. */
	public record Conversion(long leads, long converted, Double rate) {
	}
}
