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
