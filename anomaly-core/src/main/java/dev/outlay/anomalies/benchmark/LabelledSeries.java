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
package dev.outlay.anomalies.benchmark;

import dev.outlay.anomalies.DailySeries;
import java.util.List;

/** A generated series, the kind injected into it (null for a control series) and its labels. */
public record LabelledSeries(DailySeries series, AnomalyKind kind, List<InjectedAnomaly> labels) {

    public LabelledSeries {
        labels = List.copyOf(labels);
    }

    public boolean control() {
        return kind == null;
    }
}
