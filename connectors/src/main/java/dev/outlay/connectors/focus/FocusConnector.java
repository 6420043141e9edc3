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
package dev.outlay.connectors.focus;

import dev.outlay.connectors.RowMapper;
import dev.outlay.connectors.SourceConnector;
import dev.outlay.connectors.csv.CsvHeader;
import dev.outlay.model.SourceKind;

/** FOCUS 1.0–1.2 Cost and Usage CSV from any provider. */
public final class FocusConnector implements SourceConnector<FocusConfig> {

    @Override
    public SourceKind kind() {
        return SourceKind.FOCUS;
    }

    @Override
    public FocusConfig config(String mappingJson) {
        return new FocusConfig();
    }

    @Override
    public RowMapper bind(FocusConfig config, CsvHeader header, String file) {
        return new FocusRowMapper(header, file);
    }

    @Override
    public boolean nullLiteral() {
        return true;
    }
}
