package dev.outlay.model.inventory;

import java.util.Locale;
import java.util.Optional;

/**
 * The resource kinds findings reason about. A source names them in its own words (EC2 instance, Azure VM, GCE
 * instance); mappers translate to these. An import naming anything else is refused, not guessed.
 */
public enum ResourceKind {
    COMPUTE_INSTANCE("compute-instance"),
    BLOCK_VOLUME("block-volume"),
    VOLUME_SNAPSHOT("volume-snapshot"),
    PUBLIC_IP("public-ip"),
    LOAD_BALANCER("load-balancer"),
    NAT_GATEWAY("nat-gateway"),
    DATABASE_INSTANCE("database-instance"),
    KUBERNETES_WORKLOAD("kubernetes-workload"),
    /** A SaaS subscription or licence pool (seats purchased and active, docs/inventory-import.md). */
    SAAS_SUBSCRIPTION("saas-subscription");

    private final String wireName;

    ResourceKind(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-kebab name used in import files and the API. */
    public String wireName() {
        return wireName;
    }

    public static Optional<ResourceKind> fromWire(String text) {
        if (text == null) return Optional.empty();
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (ResourceKind k : values()) {
            if (k.wireName.equals(t)) return Optional.of(k);
        }
        return Optional.empty();
    }
}
