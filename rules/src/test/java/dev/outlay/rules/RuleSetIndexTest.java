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
