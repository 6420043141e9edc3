package dev.outlay.carbon.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One stored provider carbon export: its file, the months it holds (replacing earlier rows of those months), who loaded it. */
public record ProviderExportImport(UUID id, String provider, String fileName, String fileSha256, int rows, List<String> months,
                                   String createdBy, Instant createdAt) {
}
