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
package dev.outlay.connectors.invoice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Invoice mappings bundled with Outlay for cost exports that have no connector of their own yet. Each is an
 * ordinary YAML mapping (its leading comment says what it reads), tested against fixtures in the shape of the
 * provider's export and against the public samples when they are present.
 */
public final class InvoiceTemplates {

    /** A bundled mapping: its name, what its leading comment says, its version and the YAML text. */
    public record Template(String name, String description, String version, String provider, String yaml) {
    }

    public static final List<String> NAMES = List.of("azure-ea", "oci-cost", "internal-charge");

    /** Read and validated once: a broken bundled template fails the first use, not a later upload. */
    private static final List<Template> BUNDLED = NAMES.stream().map(InvoiceTemplates::load).toList();

    private InvoiceTemplates() {
    }

    public static Optional<Template> find(String name) {
        return BUNDLED.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public static List<Template> all() {
        return BUNDLED;
    }

    private static Template load(String name) {
        try (InputStream in = InvoiceTemplates.class.getResourceAsStream("templates/" + name + ".yaml")) {
            if (in == null) throw new IllegalStateException("bundled mapping template " + name + " is missing");
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            InvoiceMapping m = InvoiceMapping.parse(yaml);
            return new Template(name, description(yaml), m.version(), m.provider(), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The YAML of a bundled template; fails for an unknown name. */
    public static String text(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no mapping template " + name)).yaml();
    }

    private static String description(String yaml) {
        StringBuilder d = new StringBuilder();
        for (String line : yaml.split("\n")) {
            if (!line.startsWith("#")) break;
            if (d.length() > 0) d.append(' ');
            d.append(line.substring(1).strip());
        }
        return d.toString();
    }
}
