package dev.outlay.connectors.csv;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The header row: column names as written, and a case-insensitive lookup of their positions. */
public final class CsvHeader {

    private final List<String> names;
    private final Map<String, Integer> byLowerName = new HashMap<>();

    public CsvHeader(List<String> names) {
        this.names = List.copyOf(names);
        for (int i = 0; i < names.size(); i++) {
            byLowerName.putIfAbsent(names.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
    }

    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    /** Position of a column, ignoring case and surrounding blanks; -1 when absent. */
    public int indexOf(String name) {
        return byLowerName.getOrDefault(name.toLowerCase(Locale.ROOT), -1);
    }

    public String name(int index) {
        return names.get(index);
    }
}
