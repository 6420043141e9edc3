package dev.outlay.findings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Profiles as the finding-profiles DMN returns them, read from its golden scenarios (rules/finding-profiles), so the
 * engine's tests use exactly the bundled numbers.
 */
final class TestProfiles {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final Path RULES = Path.of("..", "rules");

    private TestProfiles() {
    }

    @SuppressWarnings("unchecked")
    static ThresholdProfile load(String name) {
        try {
            for (JsonNode s : JSON.readTree(RULES.resolve("finding-profiles/scenarios/golden.json").toFile())) {
                if (s.get("inputs").get("profile").asText().equals(name)) {
                    Map<String, Object> outputs = JSON.convertValue(s.get("expect"), Map.class);
                    return ThresholdProfile.fromOutputs(name, "v-" + name, null, outputs);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no golden profile " + name);
    }
}
