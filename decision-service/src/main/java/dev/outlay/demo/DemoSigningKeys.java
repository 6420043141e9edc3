/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The demo's RSA key pair, generated on first start and kept in the data directory. Only demo tokens are
 * signed with it (by {@code ./outlay token}, which reads the private key file); the service never signs.
 */
public final class DemoSigningKeys {

    public static final String PRIVATE_KEY = "keys/jwt-private.pem";
    public static final String PUBLIC_KEY = "keys/jwt-public.pem";

    private DemoSigningKeys() {
    }

    /** Creates the pair unless both files exist; returns the public key path. */
    public static Path ensure(Path dataDir) throws IOException, GeneralSecurityException {
        Path priv = dataDir.resolve(PRIVATE_KEY);
        Path pub = dataDir.resolve(PUBLIC_KEY);
        if (Files.isRegularFile(priv) && Files.isRegularFile(pub)) return pub;
        Files.createDirectories(priv.getParent());
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        KeyPair pair = gen.generateKeyPair();
        writeAtomically(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
        writeAtomically(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
        return pub;
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        if (secret) {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // non-POSIX file systems keep their default permissions
            }
        }
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
