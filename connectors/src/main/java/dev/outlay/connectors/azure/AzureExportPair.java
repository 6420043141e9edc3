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
package dev.outlay.connectors.azure;

import dev.outlay.connectors.ChargeReader;
import dev.outlay.model.Charge;
import dev.outlay.model.ChargeCategory;
import dev.outlay.model.PricingCategory;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * One period of an actual + amortized export pair as one charge stream, so reservations and savings plans are
 * counted once in each measure: every amortized row (effective cost; billed 0 where a commitment covered it), then
 * the actual file's commitment purchases and refunds (billed cost; effective 0). Azure's amortized dataset has no
 * reservation purchase rows, and every other actual row repeats an amortized one, so only those are taken from it.
 * Billed total = the actual file's total; effective total = the amortized file's total.
 */
public final class AzureExportPair implements Closeable {

    private final ChargeReader amortized;
    private final ChargeReader actual;
    private boolean amortizedDone;
    private long skippedActualRows;

    public AzureExportPair(InputStream amortizedFile, String amortizedName, InputStream actualFile, String actualName) {
        AzureCostConnector connector = new AzureCostConnector();
        this.amortized = connector.open(new AzureCostConfig(AzureDataset.AMORTIZED, false), amortizedFile, amortizedName);
        this.actual = connector.open(new AzureCostConfig(AzureDataset.ACTUAL, true), actualFile, actualName);
    }

    /** Both files' mapping ids, amortized first, e.g. {@code azure-ea-amortized/1+azure-ea-actual/1}. */
    public String schemaVersion() {
        return amortized.start().schemaVersion() + "+" + actual.start().schemaVersion();
    }

    /** The next charge, or null when both files are read. */
    public Charge next() {
        if (!amortizedDone) {
            Charge c = amortized.next();
            if (c != null) return c;
            amortizedDone = true;
        }
        for (Charge c; (c = actual.next()) != null; ) {
            if (takenFromActual(c)) return c;
            skippedActualRows++;
        }
        return null;
    }

    /**
     * Whether a row of the actual export (read next to the amortized one) is loaded from it: only commitment
     * purchases and refunds, which the amortized export does not carry.
     */
    public static boolean takenFromActual(Charge c) {
        return c.chargeCategory() == ChargeCategory.PURCHASE && c.pricingCategory() == PricingCategory.COMMITTED;
    }

    /** Records read from both files (the manifest's row counts are checked against these). */
    public long rowsRead() {
        return amortized.rowsRead() + actual.rowsRead();
    }

    /** Actual rows not loaded because their amortized twin was. */
    public long skippedActualRows() {
        return skippedActualRows;
    }

    @Override
    public void close() throws IOException {
        try {
            amortized.close();
        } finally {
            actual.close();
        }
    }
}
