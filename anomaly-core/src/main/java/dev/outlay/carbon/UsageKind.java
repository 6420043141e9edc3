package dev.outlay.carbon;

/** What a classified usage quantity measures, and its canonical unit. */
public enum UsageKind {
    /** vCPU-hours. */
    COMPUTE,
    /** Terabyte-hours on solid-state media (replication applied). */
    STORAGE_SSD,
    /** Terabyte-hours on hard disks (replication applied). */
    STORAGE_HDD,
    /** Gigabytes moved between the provider's data centres. */
    NETWORK,
    /** Gigabyte-hours of memory billed on their own (e.g. Fargate). */
    MEMORY
}
