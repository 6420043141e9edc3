/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.platform;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The installation's {@link SecretBox}. The key comes from OUTLAY_SECRETS_KEY; demo mode generates one in the
 * data dir. Without a key the service runs, but refuses to store secrets (nothing is ever kept in clear).
 */
@ApplicationScoped
public class Secrets {

    @Inject
    OutlayConfig config;

    private volatile SecretBox box;

    void onStart(@Observes StartupEvent event) throws IOException {
        load();
    }

    /** Idempotent: other start-up observers (demo seeding writes audit entries) may need the key first. */
    private synchronized void load() throws IOException {
        if (box != null) return;
        Optional<String> configuredKey = config.secrets().key().filter(k -> !k.isBlank());
        if (configuredKey.isPresent()) {
            box = SecretBox.fromBase64(configuredKey.get());
        } else if (config.demo().enabled()) {
            box = SecretBox.fromBase64(demoKey(Path.of(config.dataDir(), "keys", "secrets.key")));
        }
    }

    public SecretBox box() {
        SecretBox b = configured().orElse(null);
        if (b == null) throw new IllegalStateException("no secrets key configured: set OUTLAY_SECRETS_KEY (base64 of 32 random bytes)");
        return b;
    }

    /** The box when a key is configured (demo mode always has one). */
    public Optional<SecretBox> configured() {
        if (box == null) {
            try {
                load();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("could not read the secrets key", e);
            }
        }
        return Optional.ofNullable(box);
    }

    private static String demoKey(Path file) throws IOException {
        if (Files.isRegularFile(file)) return Files.readString(file, StandardCharsets.US_ASCII).trim();
        Files.createDirectories(file.getParent());
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String encoded = Base64.getEncoder().encodeToString(raw);
        Files.writeString(file, encoded, StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // non-POSIX file systems keep their defaults
        }
        return encoded;
    }
}
