package dev.outlay.platform;

import java.nio.file.Path;

/** Where Outlay keeps its local state (embedded database, demo signing keys): OUTLAY_DATA_DIR, default ./data. */
public final class DataDir {

    private DataDir() {
    }

    public static Path resolve() {
        String configured = System.getProperty("outlay.data-dir");
        if (configured == null || configured.isBlank()) configured = System.getenv("OUTLAY_DATA_DIR");
        if (configured == null || configured.isBlank()) configured = "data";
        return Path.of(configured).toAbsolutePath().normalize();
    }
}
