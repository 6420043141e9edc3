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
package dev.outlay.connectors.carbon;

import java.util.List;

/** A provider carbon export that cannot be read: every fault with its line (1-based, physical) and column name. */
public class CarbonExportFormatException extends RuntimeException {

    /** {@code line} 0 for the file as a whole; {@code column} null for the whole line. */
    public record Fault(long line, String column, String message) {
    }

    private final List<Fault> faults;

    public CarbonExportFormatException(String message, List<Fault> faults) {
        super(message);
        this.faults = List.copyOf(faults);
    }

    public List<Fault> faults() {
        return faults;
    }
}
