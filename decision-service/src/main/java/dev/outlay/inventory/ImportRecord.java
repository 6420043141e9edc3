package dev.outlay.inventory;

import java.util.Map;

/**
 * One record of an import file with its cells under canonical column names. Empty cells, JSON nulls and the
 * literal {@code NULL} (any case, as database exports write it) are absent from {@code cells}: absent = unknown.
 * Nested JSON objects (tags, attributes of a JSON file) are kept as their JSON text.
 *
 * @param line the physical line the record starts on
 */
record ImportRecord(int line, Map<String, String> cells) {

    String get(String column) {
        return cells.get(column);
    }
}
