/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in
 * compliance with the License. You may obtain a copy of the License in the LICENSE file of this module or at
 * http://www.apache.org/licenses/LICENSE-2.0. Unless required by applicable law or agreed to in writing,
 * software distributed under the License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR
 * CONDITIONS OF ANY KIND, either express or implied. See the License for the specific language governing
 * permissions and limitations under the License.
 */
package dev.outlay.connectors.azure.blob;

import dev.outlay.connectors.ChargeStream;
import dev.outlay.connectors.Connectors;
import dev.outlay.connectors.SourceFormatException;
import dev.outlay.connectors.azure.AzureCostConfig;
import dev.outlay.connectors.azure.AzureCostConnector;
import dev.outlay.connectors.azure.AzureDataset;
import dev.outlay.connectors.azure.AzureExportManifest;
import dev.outlay.connectors.azure.AzureExportPair;
import dev.outlay.model.SourceKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One billing month of a connection's exports, ready to load as one unit: the current run of each selected export
 * (their manifests), and one part per listed data blob. Amortized parts come first and are loaded whole; the actual
 * export's parts contribute only commitment purchases and refunds ({@link AzureExportPair#takenFromActual}), so a
 * reservation is counted once in billed and once in effective cost. {@link #fingerprint()} changes exactly when a
 * run changes: a re-poll of the same runs is a duplicate, a rerun replaces the month.
 */
public final class AzureExportPeriod {

    /** One blob to load. */
    public interface Part {
        String objectKey();

        ChargeStream open() throws IOException;
    }

    private final List<AzureExportManifest> manifests;
    private final List<Part> parts;
    private final String fingerprint;

    private AzureExportPeriod(List<AzureExportManifest> manifests, List<Part> parts) {
        this.manifests = List.copyOf(manifests);
        this.parts = List.copyOf(parts);
        StringBuilder all = new StringBuilder();
        for (AzureExportManifest m : manifests) all.append(m.manifestBlob()).append('=').append(m.fingerprint()).append('\n');
        this.fingerprint = sha256(all.toString());
    }

    /**
     * The month's current runs, or empty when a selected export has no run for it yet (a pair loads only once
     * both halves exist: one alone would misstate billed or effective cost).
     */
    public static Optional<AzureExportPeriod> find(AzureExportStore exports, AzureExportSelection selection, YearMonth month) {
        BillingProfileCurrencies currencies = new BillingProfileCurrencies();
        List<AzureExportManifest> manifests = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        if (selection.isFocus()) {
            Optional<AzureExportManifest> focus = exports.newestRun(selection.focusExport(), month);
            if (focus.isEmpty()) return Optional.empty();
            expect(focus.get(), "FocusCost");
            manifests.add(focus.get());
            addParts(parts, exports, focus.get(), null, c -> true, currencies);
        } else {
            Optional<AzureExportManifest> amortized = exports.newestRun(selection.amortizedExport(), month);
            Optional<AzureExportManifest> actual = exports.newestRun(selection.actualExport(), month);
            if (amortized.isEmpty() || actual.isEmpty()) return Optional.empty();
            expect(amortized.get(), AzureDataset.AMORTIZED.exportType());
            expect(actual.get(), AzureDataset.ACTUAL.exportType());
            manifests.add(amortized.get());
            manifests.add(actual.get());
            addParts(parts, exports, amortized.get(), new AzureCostConfig(AzureDataset.AMORTIZED, false), c -> true, currencies);
            addParts(parts, exports, actual.get(), new AzureCostConfig(AzureDataset.ACTUAL, true), AzureExportPair::takenFromActual, currencies);
        }
        return Optional.of(new AzureExportPeriod(manifests, parts));
    }

    public List<AzureExportManifest> manifests() {
        return manifests;
    }

    public List<Part> parts() {
        return parts;
    }

    public String fingerprint() {
        return fingerprint;
    }

    private static void expect(AzureExportManifest m, String type) {
        if (m.type() != null && !m.type().equalsIgnoreCase(type)) {
            throw new SourceFormatException(m.manifestBlob(), 0, 0, "exportConfig.type", "the export is of type " + m.type()
                    + " but the connection reads it as " + type);
        }
    }

    private static void addParts(List<Part> parts, AzureExportStore exports, AzureExportManifest m, AzureCostConfig config,
                                 Predicate<dev.outlay.model.Charge> keep, BillingProfileCurrencies currencies) {
        for (AzureExportManifest.Blob blob : m.blobs()) {
            String key = exports.location().where(blob.blobName());
            parts.add(new Part() {
                @Override
                public String objectKey() {
                    return key;
                }

                @Override
                public ChargeStream open() {
                    var in = exports.open(blob.blobName());
                    var reader = config == null ? Connectors.open(SourceKind.FOCUS, null, in, key)
                            : new AzureCostConnector().open(config, in, key);
                    return new AzureExportPart(reader, m, blob, key, keep, currencies);
                }
            });
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
