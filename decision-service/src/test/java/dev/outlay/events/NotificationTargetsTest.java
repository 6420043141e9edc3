/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

import dev.outlay.connections.AwsS3Settings;
import dev.outlay.connections.AzureBlobSettings;
import dev.outlay.connections.Connection;
import dev.outlay.connections.ConnectionSettings;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which connection reads a notified object: bucket or account + container, and the key under its folder. */
class NotificationTargetsTest {

    static Connection connection(String kind, ConnectionSettings settings) {
        return new Connection(UUID.randomUUID(), "c", kind, true, settings, Map.of(), true, "t", Instant.EPOCH, Instant.EPOCH, null);
    }

    @Test
    void s3ByBucketPrefixAndExport() {
        Connection cur = connection("aws-s3", new AwsS3Settings("billing", "cur", "acme", "us-east-1", null, false, null));
        assertTrue(NotificationTargets.reads(cur, new ObjectCreated("s3", null, "billing", "cur/acme/metadata/BILLING_PERIOD=2024-10/acme-Manifest.json", "e")));
        assertFalse(NotificationTargets.reads(cur, new ObjectCreated("s3", null, "billing", "cur/other/metadata/x-Manifest.json", "e")));
        assertFalse(NotificationTargets.reads(cur, new ObjectCreated("s3", null, "billing", "curacme/acme/x-Manifest.json", "e")));
        assertFalse(NotificationTargets.reads(cur, new ObjectCreated("s3", null, "other-bucket", "cur/acme/x-Manifest.json", "e")));
        assertFalse(NotificationTargets.reads(cur, new ObjectCreated("event-grid", "billing", "cur", "acme/x/manifest.json", "e")));
        Connection templated = connection("aws-s3", new AwsS3Settings("billing", "", null, "us-east-1", null, false, "exports/{billingPeriod}/manifest.json"));
        assertTrue(NotificationTargets.reads(templated, new ObjectCreated("s3", null, "billing", "exports/2024-10/manifest.json", "e")));
    }

    @Test
    void azureByAccountContainerAndPrefix() {
        Connection blob = connection("azure-blob", new AzureBlobSettings("acct1", "exports", "costs", "focus", null, null, "daily", null));
        assertTrue(NotificationTargets.reads(blob, new ObjectCreated("event-grid", "acct1", "exports", "costs/daily/20241001-20241031/r/manifest.json", "e")));
        assertFalse(NotificationTargets.reads(blob, new ObjectCreated("event-grid", "acct2", "exports", "costs/daily/x/manifest.json", "e")));
        assertFalse(NotificationTargets.reads(blob, new ObjectCreated("event-grid", "acct1", "other", "costs/daily/x/manifest.json", "e")));
        assertFalse(NotificationTargets.reads(blob, new ObjectCreated("event-grid", "acct1", "exports", "elsewhere/manifest.json", "e")));
    }
}
