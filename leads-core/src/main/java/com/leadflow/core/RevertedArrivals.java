package com.leadflow.core;

import java.util.List;

/**
 * The result of {@link LeadPool#revertArrivals}.
 * @param touchesRemoved the reverted arrivals' touches that were removed
 * @param removedLeadIds leads the arrivals had created, removed with everything they held
 * @param restoredLeadIds existing leads whose fields or identities were restored to their values before the arrivals
 * @param kept what was left as it is because something else changed it after the arrival
 */
public record RevertedArrivals(int touchesRemoved, List<Long> removedLeadIds, List<Long> restoredLeadIds, List<Kept> kept) {

	public RevertedArrivals {
		removedLeadIds = List.copyOf(removedLeadIds);
		restoredLeadIds = List.copyOf(restoredLeadIds);
		kept = List.copyOf(kept);
	}

	/**
	 * Something not reverted, and why.
	 * @param field the profile field kept, or {@code lead} (a created lead kept) or {@code merge} (a merge the arrival
	 * caused, to be undone on its own)
	 */
	public record Kept(long touchId, long leadId, String field, String reason) {
	}
}
