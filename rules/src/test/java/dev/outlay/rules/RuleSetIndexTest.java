package dev.outlay.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** index.txt (how the service finds bundled rule sets on its classpath) lists exactly the rule-set folders. */
class RuleSetIndexTest {

    @Test
    void indexListsEveryRuleSetFolder() throws IOException {
        List<String> listed = Files.readAllLines(Path.of("index.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
        try (Stream<Path> dirs = Files.list(Path.of("."))) {
            List<String> folders = dirs.filter(d -> Files.isDirectory(d.resolve("scenarios")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
            assertEquals(folders, listed);
        }
    }
}
