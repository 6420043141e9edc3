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

import dev.outlay.model.Charge;

import java.util.Iterator;
import java.util.List;

/** Charges already read and mapped from an API (a BigQuery month), streamed to the loader like a file's. */
public final class ChargeList implements ChargeStream {

    private final String schemaVersion;
    private final Iterator<Charge> charges;
    private long rows;

    public ChargeList(String schemaVersion, List<Charge> charges) {
        this.schemaVersion = schemaVersion;
        this.charges = List.copyOf(charges).iterator();
    }

    @Override
    public String schemaVersion() {
        return schemaVersion;
    }

    @Override
    public Charge next() {
        if (!charges.hasNext()) return null;
        rows++;
        return charges.next();
    }

    @Override
    public long rowsRead() {
        return rows;
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    public void close() {
    }
}
