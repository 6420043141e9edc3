/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "outlay")
public interface OutlayConfig {

    /** OUTLAY_DATA_DIR: embedded database files and the demo signing keys. */
    @WithName("data-dir")
    @WithDefault("data")
    String dataDir();

    Demo demo();

    Auth auth();

    SecretsKey secrets();

    interface SecretsKey {
        /** OUTLAY_SECRETS_KEY: base64 of 32 random bytes; encrypts stored credentials (AES-256-GCM). */
        java.util.Optional<String> key();
    }

    Retention retention();

    interface Retention {
        /** Decision-log records older than this many days are deleted; 0 keeps them forever. */
        @WithName("decision-log-days")
        @WithDefault("0")
        int decisionLogDays();

        @WithName("check-every")
        @WithDefault("6h")
        String checkEvery();
    }

    @WithName("tenant-delete")
    TenantDelete tenantDelete();

    interface TenantDelete {
        /** Time between a confirmed deletion and the purge; it can be cancelled until then. */
        @WithName("grace-period")
        @WithDefault("P7D")
        java.time.Duration gracePeriod();

        @WithName("check-every")
        @WithDefault("60s")
        String checkEvery();
    }
    Approvals approvals();

    interface Demo {
        /** Demo mode: creates the demo tenant, generates a signing key pair, and creates tenants on first use. */
        @WithDefault("false")
        boolean enabled();
    }

    interface Auth {
        /** Name of the token claim that carries the tenant id. */
        @WithName("tenant-claim")
        @WithDefault("tenant")
        String tenantClaim();
    }

    interface Approvals {
        /** What one hour of a policy SLA lasts; tests shrink it so a timer escalates within seconds. */
        @WithName("sla-unit")
        @WithDefault("PT1H")
        java.time.Duration slaUnit();
    }
}
