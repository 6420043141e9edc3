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

import java.io.Closeable;
import java.io.IOException;

/** The tabular records of one file, whatever its format: a header, then rows of cell text ("" is empty). */
public interface Records extends Closeable {

    /** Column names, or null when the file has no header (is empty). */
    String[] header() throws IOException;

    /** The next row's cells in header order, or null at the end. */
    String[] next() throws IOException;

    /** Where the last row came from, as a 1-based line (CSV: physical line; Parquet: row number + 1 for the header). */
    long line();
}
