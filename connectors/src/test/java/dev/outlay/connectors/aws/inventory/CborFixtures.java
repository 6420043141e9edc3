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
package dev.outlay.connectors.aws.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/** Test fixtures: JSON files on disk, served as the CBOR the rpcv2 protocol carries. */
final class CborFixtures {

    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CBORFactory CBOR = new CBORFactory();

    private CborFixtures() {
    }

    static String text(String name) {
        try (InputStream in = CborFixtures.class.getResourceAsStream("/aws-inventory/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] cbor(String name) {
        try {
            JsonNode tree = JSON.readTree(text(name));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (CBORGenerator g = CBOR.createGenerator(out)) {
                write(g, tree);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(CBORGenerator g, JsonNode n) throws IOException {
        if (n.isObject()) {
            g.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (n.isArray()) {
            g.writeStartArray();
            for (JsonNode c : n) write(g, c);
            g.writeEndArray();
        } else if (n.isTextual() && INSTANT.matcher(n.asText()).matches()) {
            g.writeTag(1);
            g.writeNumber(Instant.parse(n.asText()).getEpochSecond());
        } else if (n.isTextual()) {
            g.writeString(n.asText());
        } else if (n.isIntegralNumber()) {
            g.writeNumber(n.asLong());
        } else if (n.isNumber()) {
            g.writeNumber(n.asDouble());
        } else if (n.isBoolean()) {
            g.writeBoolean(n.asBoolean());
        } else {
            g.writeNull();
        }
    }
}
