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
