package dev.outlay.model;

/**
 * Where a canonical charge came from: tenant, source connection, object key (file or S3 key), sha-256 of the
 * file, the mapping's schema version (e.g. {@code aws-cur-2.0/1}) and the 1-based data row number.
 */
public record Provenance(String tenantId, String source, String objectKey, String checksum, String schemaVersion,
                         long rowNumber) {
}
