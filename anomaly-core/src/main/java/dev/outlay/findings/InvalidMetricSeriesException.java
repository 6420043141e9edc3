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
package dev.outlay.findings;

/** A metric series the engine refuses: negative values, overlapping periods, a period crossing midnight. */
public class InvalidMetricSeriesException extends RuntimeException {

    private final String resourceId;
    private final String field;

    public InvalidMetricSeriesException(String resourceId, String field, String message) {
        super(message);
        this.resourceId = resourceId;
        this.field = field;
    }

    public String resourceId() {
        return resourceId;
    }

    /** The sample field at fault (average, maximum, sum, periodStart). */
    public String field() {
        return field;
    }
}
