package com.leadflow.campaigns.importing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of CSV/Excel imports ({@code leadflow.campaigns.import.*}).
 *
 * @param maxFileSize largest file accepted (default 200MB; the servlet multipart limit must be at least this)
 * @param batchSize rows per committed batch (default 1000): a restarted job replays at most one batch
 * @param pollInterval how often a node looks for a job to claim (default 1s)
 * @param lease how long a claim lasts without progress before another node may take the job over (default 60s)
 * @param maxAttempts claims of a job that keeps failing before it is marked FAILED (default 5)
 * @param previewRows rows shown in an upload's preview (default 10)
 * @param workerEnabled whether this node runs import jobs at all (default true)
 */
@ConfigurationProperties("leadflow.campaigns.import")
public record ImportProperties(DataSize maxFileSize, Integer batchSize, Duration pollInterval,
		Duration lease, Integer maxAttempts, Integer previewRows, Boolean workerEnabled) {

	public ImportProperties {
		maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(200) : maxFileSize;
		batchSize = batchSize == null ? 1000 : batchSize;
		pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
		lease = lease == null ? Duration.ofSeconds(60) : lease;
		maxAttempts = maxAttempts == null ? 5 : maxAttempts;
		previewRows = previewRows == null ? 10 : previewRows;
		workerEnabled = workerEnabled == null || workerEnabled;
	}
}
