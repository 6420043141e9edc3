package dev.outlay.connectors.m365;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Graph answers recorded in the shape Microsoft documents (test resources under /m365). */
final class M365Fixtures {

    private M365Fixtures() {
    }

    static String text(String name) {
        try (InputStream in = M365Fixtures.class.getResourceAsStream("/m365/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
