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
package dev.outlay.carbon;

import java.util.List;

/** A factor set that cannot be used: each fault names the field (a JSON-pointer-like path) and what is wrong. */
public class InvalidFactorSetException extends RuntimeException {

    public record Fault(String field, String message) {
    }

    private final transient List<Fault> faults;

    public InvalidFactorSetException(List<Fault> faults) {
        super("invalid factor set: " + faults);
        this.faults = List.copyOf(faults);
    }

    public List<Fault> faults() {
        return faults;
    }
}
