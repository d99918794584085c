package com.leadflow.core.web;

import java.security.Principal;

/** Who did it, for merge records and reviews: the authenticated caller (user or API key), never a header it sends. */
final class Actors {

	private Actors() {
	}

	static String of(Principal caller) {
		return caller == null || caller.getName() == null || caller.getName().isBlank() ? "anonymous" : caller.getName();
	}
}
