/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

/**
 * A new object in a bucket or container, from a storage notification. {@code account} is the Azure storage account
 * (null for S3); {@code key} is the object key or blob path inside the bucket / container, decoded.
 */
public record ObjectCreated(String format, String account, String bucket, String key, String etag) {

    public static final String S3 = "s3";
    public static final String EVENT_GRID = "event-grid";

    /** Exports are complete when their manifest lands; the poll reads the manifest, so only manifests trigger it. */
    public boolean isManifest() {
        return key.toLowerCase(java.util.Locale.ROOT).endsWith("manifest.json");
    }
}
