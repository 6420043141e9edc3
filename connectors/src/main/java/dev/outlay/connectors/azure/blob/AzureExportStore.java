package dev.outlay.connectors.azure.blob;

import dev.outlay.connectors.azure.AzureExportManifest;

import java.io.InputStream;
import java.time.YearMonth;
import java.util.Optional;

/**
 * Where a connection's Cost Management export runs are read from: a storage container ({@link AzureBlobExports},
 * the Azure SDK) or files already in hand ({@link AzureExportFiles}: the demo's generated exports). Both lay runs out
 * as Azure does, so {@link AzureExportPeriod} picks runs, checks manifests and maps rows the same way for either.
 */
public interface AzureExportStore {

    AzureBlobLocation location();

    /** The manifest of the newest run of {@code month} of an export, or empty when the month has no run yet. */
    Optional<AzureExportManifest> newestRun(String exportName, YearMonth month);

    /** Streams one data blob (gzip and Parquet are recognised by the reader, not by the name). */
    InputStream open(String blobName);
}
