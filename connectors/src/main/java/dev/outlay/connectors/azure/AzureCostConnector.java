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

import dev.outlay.connectors.RowMapper;
import dev.outlay.connectors.SourceConnector;
import dev.outlay.connectors.csv.CsvHeader;
import dev.outlay.model.SourceKind;

/**
 * Azure Cost Management actual/amortized cost exports, EA or MCA columns (recognised from the header). Azure's
 * FOCUS export ({@code FocusCost}) is plain FOCUS and loads through the {@code focus} connector.
 */
public final class AzureCostConnector implements SourceConnector<AzureCostConfig> {

    @Override
    public SourceKind kind() {
        return SourceKind.AZURE_COST;
    }

    @Override
    public AzureCostConfig config(String mappingJson) {
        return AzureCostConfig.parse(mappingJson);
    }

    @Override
    public RowMapper bind(AzureCostConfig config, CsvHeader header, String file) {
        return new AzureCostRowMapper(new AzureColumns(header, file), config);
    }
}
