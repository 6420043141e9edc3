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
package dev.outlay.connectors.invoice;

import dev.outlay.connectors.RowMapper;
import dev.outlay.connectors.SourceConnector;
import dev.outlay.connectors.csv.CsvHeader;
import dev.outlay.model.SourceKind;

/** Any invoice-like CSV (SaaS, licences, internal platform spend) through a declarative column mapping. */
public final class InvoiceCsvConnector implements SourceConnector<InvoiceMapping> {

    @Override
    public SourceKind kind() {
        return SourceKind.INVOICE_CSV;
    }

    @Override
    public InvoiceMapping config(String mappingJson) {
        return InvoiceMapping.parse(mappingJson);
    }

    @Override
    public char delimiter(InvoiceMapping config) {
        return config.delimiter().charAt(0);
    }

    @Override
    public RowMapper bind(InvoiceMapping config, CsvHeader header, String file) {
        return new InvoiceRowMapper(config, header, file);
    }
}
