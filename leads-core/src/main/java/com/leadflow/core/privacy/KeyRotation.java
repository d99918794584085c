package com.leadflow.core.privacy;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.leadflow.core.lead.Leads;

/**
 * The second half of a key rotation: after the app restarted with a new active data key (the old one kept among
 * {@code leadflow.crypto.keys} for reading), every stored identity value is re-encrypted under the new key, in
 * batches of their own transactions, so that the old key can then be removed.
 */
@Service
public class KeyRotation {

	/** What a run did. */
	public record Result(String activeKey, long reencrypted) {
	}

	private static final int BATCH = 500;

	private final Leads leads;

	private final PersonalDataCipher cipher;

	private final TransactionTemplate tx;

	KeyRotation(Leads leads, PersonalDataCipher cipher, TransactionTemplate tx) {
		this.leads = leads;
		this.cipher = cipher;
		this.tx = tx;
	}

	public Result reencryptAll() {
		long total = 0;
		int done;
		do {
			done = tx.execute(s -> leads.reencryptIdentities(BATCH));
			total += done;
		}
		while (done > 0);
		return new Result(cipher.activeKey(), total);
	}
}
