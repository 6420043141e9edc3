/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

import dev.outlay.ingestion.IngestionConfig;
import dev.outlay.ingestion.StagedUpload;
import dev.outlay.model.inventory.InventoryItem;
import dev.outlay.model.inventory.MetricSample;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The generic inventory and metrics import (Azure, GCP, Kubernetes, private infrastructure, or AWS without a
 * connection): the file is spooled under the ingestion upload limit, parsed completely, and only then stored in
 * one transaction, so a refused file leaves the database as it was.
 */
@ApplicationScoped
public class InventoryImportService {

    /** Upload sources are named by the caller so two independent snapshots (two clouds) do not mark each other absent. */
    static final Pattern SOURCE_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    public static final String UPLOAD = "upload";

    @Inject
    IngestionConfig ingestion;

    @Inject
    InventoryWriter writer;

    @Inject
    jakarta.enterprise.event.Event<dev.outlay.ingestion.InventoryLoaded> loaded;

    /** {@code name} null = the default upload source {@code upload}; else {@code upload:<name>}. */
    public static String uploadSource(String name) {
        if (name == null || name.isBlank()) return UPLOAD;
        String n = name.strip();
        if (!SOURCE_NAME.matcher(n).matches()) {
            throw new InventoryImportRefusedException("the source name is not valid", List.of(new ImportFault(null, "source",
                    "1-63 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit")));
        }
        return UPLOAD + ":" + n;
    }

    public ImportResult importFile(ImportContent content, String source, ImportFormat format, InputStream body) {
        StagedUpload upload = StagedUpload.spool(body, ingestion.maxUploadBytes());
        try {
            byte[] bytes = Files.readAllBytes(upload.path());
            return importBytes(content, source, format, bytes, upload.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            upload.delete();
        }
    }

    /** Parses then stores, then announces it (a findings scan may follow); the demo seeder calls this with generated files. */
    public ImportResult importBytes(ImportContent content, String source, ImportFormat format, byte[] bytes, String sha256) {
        ImportResult r;
        if (content == ImportContent.INVENTORY) {
            List<InventoryItem> items = InventoryFile.parse(bytes, format, Instant.now().truncatedTo(ChronoUnit.MICROS));
            r = writer.inventory(source, format, sha256, items, null);
        } else {
            List<MetricSample> samples = MetricsFile.parse(bytes, format).stream().map(MetricsFile.Line::sample).toList();
            r = writer.metrics(source, format, sha256, samples);
        }
        loaded.fire(new dev.outlay.ingestion.InventoryLoaded(dev.outlay.tenancy.TenantContext.requireTenant(), source));
        return r;
    }
}
