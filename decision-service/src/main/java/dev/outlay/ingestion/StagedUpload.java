/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ingestion;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An upload spooled to a private temp file while its sha-256 is computed, so the worker reads it from disk
 * (the request thread is long gone) and an identical file is recognised before any parsing.
 */
public record StagedUpload(Path path, String sha256, long size) {

    public static StagedUpload spool(InputStream in, long maxBytes) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("outlay-ingest-", ".bin");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long total = 0;
            byte[] buf = new byte[1 << 16];
            try (OutputStream out = Files.newOutputStream(tmp)) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    total += n;
                    if (total > maxBytes) {
                        throw new ProblemException(Problem.of(413, "Content too large",
                                "the file exceeds the upload limit of " + maxBytes + " bytes (outlay.ingestion.max-upload-bytes)"));
                    }
                    sha.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
            }
            return new StagedUpload(tmp, HexFormat.of().formatHex(sha.digest()), total);
        } catch (IOException e) {
            delete(tmp);
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            delete(tmp);
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            delete(tmp);
            throw e;
        }
    }

    public void delete() {
        delete(path);
    }

    private static void delete(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // temp dir cleanup will get it
        }
    }
}
