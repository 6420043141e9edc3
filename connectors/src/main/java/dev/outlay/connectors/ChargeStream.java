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

import java.io.Closeable;

/**
 * Canonical charges one at a time, as the ledger loader takes them: from a file ({@link ChargeReader}), from a
 * filtered or checked file (an Azure export part), or from rows already read from an API (a BigQuery month).
 */
public interface ChargeStream extends Closeable {

    /** The mapping id and version the charges were derived with, e.g. {@code aws-cur2/3}; may read the header. */
    String schemaVersion();

    /** The next charge, or null at the end. */
    Charge next();

    /** Source records read so far (a filtered stream counts what it skipped too). */
    long rowsRead();

    /** Source bytes read so far (0 for rows that came from an API). */
    long bytesRead();
}
