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

import java.time.LocalDate;
import java.util.Map;

/**
 * An immutable set of carbon coefficients. Where the numbers come from is part of the set: {@code source} (who
 * published them and where), {@code publishedOn} (the publication's date), {@code retrievedOn} (when they were
 * taken from it) and {@code note} (how: transcribed by hand, exported, ...). The caller keys a stored set by the
 * hash of its canonical form, so an estimate that names the version can be recomputed exactly.
 *
 * @param providers coefficients by provider key ({@code aws}, {@code azure}, {@code gcp})
 */
public record FactorSet(String name, String source, LocalDate publishedOn, LocalDate retrievedOn, String note,
                        Map<String, ProviderFactors> providers) {

    public FactorSet {
        providers = providers == null ? Map.of() : Map.copyOf(providers);
    }
}
