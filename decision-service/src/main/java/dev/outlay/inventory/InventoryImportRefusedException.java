/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

import java.util.List;

/**
 * An import refused as a whole: every fault found is listed, and nothing of the file was stored (parsing finishes
 * before the transaction that writes begins, and a fault found while writing rolls it back).
 */
public class InventoryImportRefusedException extends RuntimeException {

    private final transient List<ImportFault> faults;

    public InventoryImportRefusedException(String message, List<ImportFault> faults) {
        super(message);
        this.faults = List.copyOf(faults);
    }

    public List<ImportFault> faults() {
        return faults;
    }
}
