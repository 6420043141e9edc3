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
package dev.outlay.connectors.azure;

import dev.outlay.connectors.InvalidConfigException;

/**
 * Which Cost Management export dataset a file belongs to. Actual and amortized share one header, so the file cannot
 * say it itself; the export's manifest does ({@code exportConfig.type}), and an upload names it in its mapping.
 */
public enum AzureDataset {
    /** What the invoice shows: reservation and savings plan purchases in full, covered usage at 0. */
    ACTUAL("ActualCost"),
    /** Purchases spread onto the usage they covered, plus UnusedReservation/UnusedSavingsPlan rows; no purchase rows. */
    AMORTIZED("AmortizedCost");

    private final String exportType;

    AzureDataset(String exportType) {
        this.exportType = exportType;
    }

    /** The name Azure uses in the export definition and manifest ({@code ActualCost}, {@code AmortizedCost}). */
    public String exportType() {
        return exportType;
    }

    /** Accepts Azure's names and the short ones ("actual", "amortized"), ignoring case. */
    public static AzureDataset parse(String text) {
        if (text != null) {
            String t = text.strip();
            for (AzureDataset d : values()) {
                if (d.exportType.equalsIgnoreCase(t) || d.name().equalsIgnoreCase(t)) return d;
            }
        }
        throw new InvalidConfigException("dataset", "unknown Azure export dataset '" + text
                + "' (allowed: ActualCost, AmortizedCost; FocusCost exports load as source kind focus)");
    }
}
