/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;

/**
 * The generated passwords of the embedded server's three roles (superuser, owner, runtime), kept in one file of
 * the data directory that only the service's OS user can read (0600, in a 0700 directory). Generated once, on the
 * first start; every later start reads them, and so does a tool that needs the embedded database (bench).
 */
public record DatabaseCredentials(String superuserPassword, String ownerPassword, String runtimePassword) {

    /** {@code $OUTLAY_DATA_DIR/keys/database.properties}, next to the other generated secrets. */
    public static Path fileFor(Path outlayDataDir) {
        return outlayDataDir.resolve("keys").resolve("database.properties");
    }

    public static boolean exist(Path file) {
        return Files.isRegularFile(file);
    }

    public static DatabaseCredentials read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the database passwords in " + file, e);
        }
        String su = p.getProperty("superuser.password");
        String owner = p.getProperty("owner.password");
        String runtime = p.getProperty("runtime.password");
        if (su == null || owner == null || runtime == null) throw new IllegalStateException(file + " lacks a database password");
        return new DatabaseCredentials(su, owner, runtime);
    }

    /** Reads the file, or generates the passwords and writes it (owner-only) when there is none. */
    public static DatabaseCredentials readOrCreate(Path file) {
        if (exist(file)) return read(file);
        DatabaseCredentials generated = new DatabaseCredentials(generate(), generate(), generate());
        Properties p = new Properties();
        p.setProperty("superuser.user", "postgres");
        p.setProperty("superuser.password", generated.superuserPassword);
        p.setProperty("owner.user", DatabaseRoles.OWNER);
        p.setProperty("owner.password", generated.ownerPassword);
        p.setProperty("runtime.user", DatabaseRoles.RUNTIME);
        p.setProperty("runtime.password", generated.runtimePassword);
        try {
            createPrivateDirectory(file.getParent());
            // Created with its final mode, so the passwords are never readable by others, not even for a moment.
            Files.createFile(file, ownerOnly(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
                p.store(out, "Outlay embedded PostgreSQL roles (generated; keep this file private)");
            }
        } catch (FileAlreadyExistsException e) {
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the database passwords to " + file, e);
        }
        return generated;
    }

    /** Writes one password to a new owner-only file, as initdb's --pwfile reads it. */
    static void writeSecretFile(Path file, String secret) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, ownerOnly(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, ownerOnly(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
        }
    }

    private static FileAttribute<?>[] ownerOnly(PosixFilePermission... permissions) {
        boolean posix = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!posix) return new FileAttribute<?>[0]; // non-POSIX file systems keep their defaults
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(Set.of(permissions))};
    }

    private static String generate() {
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String toString() {
        return "DatabaseCredentials[redacted]";
    }
}
