package dev.outlay.connectors.azure.blob;

import dev.outlay.connectors.SourceFormatException;
import dev.outlay.connectors.azure.AzureExportManifest;
import dev.outlay.connectors.azure.AzureExportRuns;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Export runs held in memory, named by blob path as Azure lays them out in the container
 * ({@code <prefix>/<export>/<yyyyMMdd-yyyyMMdd>/<run>/<guid>/manifest.json} and the data blobs it lists). The demo
 * generates its Azure exports this way and loads them through {@link AzureExportPeriod} exactly as a polled
 * container would be loaded; only the transport differs (no storage account is contacted).
 */
public final class AzureExportFiles implements AzureExportStore {

    private final AzureBlobLocation location;
    private final Map<String, byte[]> blobs = new TreeMap<>();

    public AzureExportFiles(AzureBlobLocation location) {
        this.location = location;
    }

    /** Adds or replaces one blob. */
    public AzureExportFiles put(String blobName, byte[] bytes) {
        blobs.put(blobName, bytes.clone());
        return this;
    }

    @Override
    public AzureBlobLocation location() {
        return location;
    }

    @Override
    public Optional<AzureExportManifest> newestRun(String exportName, YearMonth month) {
        Optional<String> manifest = AzureExportRuns.newestManifest(blobs.keySet(), location.exportRoot(exportName), month);
        return manifest.map(m -> AzureExportManifest.parse(location.where(m), blobs.get(m)));
    }

    @Override
    public InputStream open(String blobName) {
        byte[] b = blobs.get(blobName);
        if (b == null) {
            throw new SourceFormatException(location.where(blobName), 0, 0, null, "a blob the manifest lists does not exist");
        }
        return new ByteArrayInputStream(b);
    }
}
