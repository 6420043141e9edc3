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

import dev.outlay.connectors.ChargeReader;
import dev.outlay.connectors.ChargeStream;
import dev.outlay.connectors.SourceFormatException;
import dev.outlay.connectors.azure.AzureExportManifest;
import dev.outlay.model.Charge;

import java.io.IOException;
import java.util.function.Predicate;

/**
 * One data blob of an export run as the loader reads it: checked against the row count its manifest promises (a
 * blob cut short or rewritten while read refuses the whole load), its currencies checked per billing account, and
 * optionally filtered (the actual file of a pair contributes only what the amortized one lacks).
 */
final class AzureExportPart implements ChargeStream {

    private final ChargeReader reader;
    private final AzureExportManifest manifest;
    private final AzureExportManifest.Blob blob;
    private final String file;
    private final Predicate<Charge> keep;
    private final BillingProfileCurrencies currencies;

    AzureExportPart(ChargeReader reader, AzureExportManifest manifest, AzureExportManifest.Blob blob, String file,
                    Predicate<Charge> keep, BillingProfileCurrencies currencies) {
        this.reader = reader;
        this.manifest = manifest;
        this.blob = blob;
        this.file = file;
        this.keep = keep;
        this.currencies = currencies;
    }

    @Override
    public String schemaVersion() {
        return reader.schemaVersion();
    }

    @Override
    public Charge next() {
        for (Charge c; (c = reader.next()) != null; ) {
            currencies.check(c, file, reader.line());
            if (keep.test(c)) return c;
        }
        if (reader.rowsRead() != blob.dataRowCount()) {
            throw new SourceFormatException(manifest.manifestBlob(), 0, 0, "blobs[].dataRowCount", "manifest promises "
                    + blob.dataRowCount() + " data rows in " + blob.blobName() + " but the blob has " + reader.rowsRead()
                    + "; nothing loaded");
        }
        return null;
    }

    @Override
    public long rowsRead() {
        return reader.rowsRead();
    }

    @Override
    public long bytesRead() {
        return reader.bytesRead();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
