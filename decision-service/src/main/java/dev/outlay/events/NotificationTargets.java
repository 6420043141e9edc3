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
import dev.outlay.connections.ConnectionInput;

/**
 * Whether a connection reads the object a notification names: the same bucket (S3) or storage account and
 * container (Azure), and a key under the connection's prefix (and export folder, where the connection names one).
 */
final class NotificationTargets {

    private NotificationTargets() {
    }

    static String kindOf(ObjectCreated o) {
        return ObjectCreated.S3.equals(o.format()) ? ConnectionInput.AWS_S3 : ConnectionInput.AZURE_BLOB;
    }

    static boolean reads(Connection c, ObjectCreated o) {
        if (ConnectionInput.AWS_S3.equals(c.kind()) && ObjectCreated.S3.equals(o.format())) {
            AwsS3Settings s = c.s3();
            // a manifestKey template lays the export out freely: then the prefix alone scopes it
            String folder = s.manifestKey() == null && s.exportName() != null ? join(s.prefix(), s.exportName()) : s.prefix();
            return o.bucket().equals(s.bucket()) && under(o.key(), folder);
        }
        if (ConnectionInput.AZURE_BLOB.equals(c.kind()) && ObjectCreated.EVENT_GRID.equals(o.format())) {
            AzureBlobSettings s = c.azureBlob();
            return o.account().equals(s.storageAccount()) && o.bucket().equals(s.container()) && under(o.key(), s.prefix());
        }
        return false;
    }

    private static String join(String prefix, String name) {
        return prefix == null || prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static boolean under(String key, String folder) {
        return folder == null || folder.isEmpty() || key.startsWith(folder + "/");
    }
}
