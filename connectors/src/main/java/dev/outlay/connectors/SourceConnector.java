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

import dev.outlay.connectors.csv.CsvHeader;
import dev.outlay.model.SourceKind;

import java.io.InputStream;

/**
 * A billing source kind: its self-validating config (from the connection's optional JSON mapping), its reader
 * (one streaming reader for CSV, CSV.gz and Parquet, shared by all kinds) and a row mapper bound to the file's header.
 */
public interface SourceConnector<C extends ConnectorConfig> {

    SourceKind kind();

    /** Parses and validates the connection's mapping (may be null when the kind needs none). */
    C config(String mappingJson);

    /** Checks the header (mandatory columns, dialect) and returns the mapper for its rows. */
    RowMapper bind(C config, CsvHeader header, String file);

    /** FOCUS files write "NULL" for empty cells; other kinds keep the literal. */
    default boolean nullLiteral() {
        return false;
    }

    /** The CSV field separator; provider exports are comma-separated, invoice mappings may say otherwise. */
    default char delimiter(C config) {
        return ',';
    }

    default ChargeReader open(C config, InputStream in, String file) {
        return new ChargeReader(in, file, header -> bind(config, header, file), nullLiteral(), delimiter(config));
    }
}
