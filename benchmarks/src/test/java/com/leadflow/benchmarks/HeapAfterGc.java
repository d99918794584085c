package com.leadflow.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The most heap in use right after a garbage collection while it watches: what the collector could not free (live
 * data, plus old garbage a young collection leaves alone). Closer to what a run needs than the sum of the pools'
 * peaks, which counts garbage waiting for a collection.
 */
final class HeapAfterGc implements NotificationListener, AutoCloseable {

	private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
		.filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

	private final AtomicLong peak = new AtomicLong();

	private HeapAfterGc() {
	}

	static HeapAfterGc watch() {
		HeapAfterGc watcher = new HeapAfterGc();
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			((NotificationEmitter) gc).addNotificationListener(watcher, null, null);
		}
		return watcher;
	}

	@Override
	public void handleNotification(Notification notification, Object handback) {
		if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
			return;
		}
		long used = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo()
			.getMemoryUsageAfterGc().entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
			.mapToLong(e -> e.getValue().getUsed()).sum();
		peak.accumulateAndGet(used, Math::max);
	}

	double peakMiB() {
		return peak.get() / (double) (1 << 20);
	}

	@Override
	public void close() throws Exception {
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			((NotificationEmitter) gc).removeNotificationListener(this);
		}
	}
}
