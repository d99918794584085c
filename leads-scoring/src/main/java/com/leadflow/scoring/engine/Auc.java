package com.leadflow.scoring.engine;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Area under the ROC curve of scores against outcomes (Mann-Whitney U with tied scores sharing their mean rank): the
 * chance that a converted lead scores higher than one that did not convert. NaN when either class is empty.
 */
public final class Auc {

	private Auc() {
	}

	public static double of(double[] scores, boolean[] converted) {
		int n = scores.length;
		Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
		double rankSumPositive = 0;
		long positives = 0;
		int i = 0;
		while (i < n) {
			int j = i;
			while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
				j++;
			}
			double meanRank = (i + j) / 2.0 + 1; // ranks are 1-based
			for (int k = i; k <= j; k++) {
				if (converted[order[k]]) {
					rankSumPositive += meanRank;
					positives++;
				}
			}
			i = j + 1;
		}
		long negatives = n - positives;
		if (positives == 0 || negatives == 0) {
			return Double.NaN;
		}
		return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
	}
}
