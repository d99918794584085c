package com.leadflow.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Items 0 … count-1 worked on by a fixed number of threads, each taking the next item as it is free. */
final class Workers {

	/** The work on one item. */
	interface Item {

		void run(int i) throws Exception;
	}

	private Workers() {
	}

	/** Runs every item and answers the seconds it took; the first failure is thrown. */
	static double run(int threads, int count, Item work) throws Exception {
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			long start = System.nanoTime();
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				done.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						work.run(i);
					}
					return null;
				}));
			}
			for (Future<?> f : done) {
				f.get();
			}
			return (System.nanoTime() - start) / 1e9;
		}
		finally {
			pool.shutdown();
		}
	}
}
