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
package dev.outlay.connectors.aws;

import dev.outlay.connectors.RowMapper;
import dev.outlay.connectors.SourceConnector;
import dev.outlay.connectors.csv.CsvHeader;
import dev.outlay.model.SourceKind;

/** AWS Cost and Usage Report, legacy ({@code lineItem/UnblendedCost}; as Parquet: snake columns, one per tag) or 2.0 ({@code line_item_unblended_cost}), CSV or Parquet. */
public final class AwsCurConnector implements SourceConnector<AwsCurConfig> {

    @Override
    public SourceKind kind() {
        return SourceKind.AWS_CUR;
    }

    @Override
    public AwsCurConfig config(String mappingJson) {
        return new AwsCurConfig();
    }

    @Override
    public RowMapper bind(AwsCurConfig config, CsvHeader header, String file) {
        return new CurRowMapper(new CurColumns(header), file);
    }
}
