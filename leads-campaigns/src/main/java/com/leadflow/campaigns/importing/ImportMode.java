package com.leadflow.campaigns.importing;

/** How an import treats people already in the pool; rows a mode leaves out are counted as skipped. */
public enum ImportMode {
	/** New people become leads, known ones are updated and touched (the default). */
	CREATE_AND_UPDATE,
	/** Only new people (and later rows of people this import created); leads that existed are left alone. */
	CREATE_ONLY,
	/** Only people already in the pool are updated and touched; nobody new is created. */
	UPDATE_ONLY
}
