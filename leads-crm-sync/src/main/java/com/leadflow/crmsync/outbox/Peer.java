package com.leadflow.crmsync.outbox;

/** The systems crm-sync sends messages to. */
public enum Peer {
	CRM, CALL_CENTER, MARKETING
}
