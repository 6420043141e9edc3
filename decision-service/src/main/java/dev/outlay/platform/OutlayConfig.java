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
