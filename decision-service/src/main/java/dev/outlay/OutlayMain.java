/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay;

import dev.outlay.platform.DataDir;
import dev.outlay.platform.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the packaged service. Runs before Quarkus boots so that, when no datasource is configured,
 * an embedded PostgreSQL can be started and its URL handed to Quarkus as ordinary configuration.
 */
@QuarkusMain
public class OutlayMain {

    public static void main(String... args) {
        if (!EmbeddedDatabase.datasourceConfigured()) {
            EmbeddedDatabase db = EmbeddedDatabase.start(DataDir.resolve().resolve("pg"));
            db.exportAsQuarkusConfig();
        }
        Quarkus.run(args);
    }
}
