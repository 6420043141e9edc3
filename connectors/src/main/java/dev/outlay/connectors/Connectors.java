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
package dev.outlay.connectors;

import dev.outlay.connectors.aws.AwsCurConnector;
import dev.outlay.connectors.azure.AzureCostConnector;
import dev.outlay.connectors.focus.FocusConnector;
import dev.outlay.connectors.invoice.InvoiceCsvConnector;
import dev.outlay.model.SourceKind;

import java.io.InputStream;

/** The connector for each source kind, and a one-call way to open a file of that kind. */
public final class Connectors {

    private Connectors() {
    }

    public static SourceConnector<?> of(SourceKind kind) {
        return switch (kind) {
            case AWS_CUR -> new AwsCurConnector();
            case FOCUS -> new FocusConnector();
            case INVOICE_CSV -> new InvoiceCsvConnector();
            case AZURE_COST -> new AzureCostConnector();
            case GCP_BILLING -> throw new InvalidConfigException("source",
                    "gcp-billing rows are read from BigQuery by a gcp-bigquery connection, not uploaded as a file");
        };
    }

    /** Validates the mapping (throws {@link InvalidConfigException}) and opens a streaming reader. */
    public static ChargeReader open(SourceKind kind, String mappingJson, InputStream in, String file) {
        return open(of(kind), mappingJson, in, file);
    }

    private static <C extends ConnectorConfig> ChargeReader open(SourceConnector<C> c, String mappingJson, InputStream in, String file) {
        C config = c.config(mappingJson);
        return c.open(config, in, file);
    }
}
