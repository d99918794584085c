package com.leadflow.campaigns;

/** The 4C role of a campaign series: connect new people, close open deals, continue with customers. */
public enum FourCRole {
	CONNECT, CLOSE, CONTINUE
}
