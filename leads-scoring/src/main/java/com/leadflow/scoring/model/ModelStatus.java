package com.leadflow.scoring.model;

/** A model's life: drafts are edited and simulated, one model per scope is active, the ones it replaced are retired. */
public enum ModelStatus {
	DRAFT, ACTIVE, RETIRED
}
