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

/** Maps one source record to the canonical charge; bound to one file's header by {@link SourceConnector#bind}. */
public interface RowMapper {

    /** Versioned mapping id recorded in provenance, e.g. {@code aws-cur-2.0/1}. Changes when the mapping does. */
    String schemaVersion();

    /** Fills {@code row.out()} from the record; throws {@link SourceFormatException} on unreadable values. */
    void map(Row row);
}
