package com.leadflow.crmsync.outbox;

import java.time.Duration;

import org.springframework.stereotype.Component;

import com.leadflow.crmsync.config.BackgroundJob;
import com.leadflow.crmsync.config.CrmSyncProperties;

/** Polls the outbox: delivers due messages, now and then purges old delivered ones. */
@Component
class OutboxDeliveryJob implements BackgroundJob {

	private final OutboxWorker worker;

	private final Duration interval;

	private int polls;

	OutboxDeliveryJob(OutboxWorker worker, CrmSyncProperties properties) {
		this.worker = worker;
		this.interval = properties.outbox().pollInterval();
	}

	@Override
	public String name() {
		return "outbox-delivery";
	}

	@Override
	public Duration interval() {
		return interval;
	}

	@Override
	public void run() {
		worker.deliverDue();
		if (++polls % 1000 == 0) {
			worker.purgeDelivered();
		}
	}
}
