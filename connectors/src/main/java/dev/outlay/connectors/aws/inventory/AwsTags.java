package dev.outlay.connectors.aws.inventory;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Tag lists of the three SDKs (each has its own Tag class) to a key → value map. */
final class AwsTags {

    private AwsTags() {
    }

    static <T> Map<String, String> of(Collection<T> tags, Function<T, String> key, Function<T, String> value) {
        Map<String, String> m = new TreeMap<>();
        if (tags == null) return m;
        for (T t : tags) {
            String k = key.apply(t);
            // AWS allows an empty value, never a missing key; aws:* system tags are kept (aws:cloudformation:stack-name
            // is how owners are often found).
            if (k != null) m.put(k, value.apply(t) == null ? "" : value.apply(t));
        }
        return m;
    }
}
