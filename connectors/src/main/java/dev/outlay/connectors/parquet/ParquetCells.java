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
package dev.outlay.connectors.parquet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Turns a Parquet cell into the text a CSV export of the same data would hold, so the row mappers (and their
 * tests) are shared by both formats: decimals as plain numbers, doubles by their shortest exact decimal form
 * (AWS writes costs as DOUBLE), timestamps as ISO-8601 UTC, maps and structs (CUR 2.0 {@code resource_tags}) as JSON.
 */
final class ParquetCells {

    private static final long JULIAN_EPOCH_DAY = 2_440_588L;

    private ParquetCells() {
    }

    static String text(Group g, int field) {
        if (g.getFieldRepetitionCount(field) == 0) return "";
        Type t = g.getType().getType(field);
        if (t.isPrimitive() && !t.isRepetition(Type.Repetition.REPEATED)) return primitive(g, field, 0, t.asPrimitiveType());
        JsonNode node = node(g, field, t);
        return node.isTextual() ? node.textValue() : node.toString();
    }

    private static JsonNode node(Group g, int field, Type t) {
        if (t.isRepetition(Type.Repetition.REPEATED)) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < g.getFieldRepetitionCount(field); i++) a.add(one(g, field, i, t));
            return a;
        }
        return one(g, field, 0, t);
    }

    private static JsonNode one(Group g, int field, int index, Type t) {
        if (t.isPrimitive()) {
            PrimitiveType p = t.asPrimitiveType();
            String v = primitive(g, field, index, p);
            LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
            boolean temporal = a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation
                    || a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation;
            return switch (p.getPrimitiveTypeName()) {
                case BOOLEAN -> JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(v));
                case INT32, INT64, FLOAT, DOUBLE -> temporal ? JsonNodeFactory.instance.textNode(v)
                        : JsonNodeFactory.instance.numberNode(new BigDecimal(v));
                default -> JsonNodeFactory.instance.textNode(v); // strings, INT96 timestamps, binary decimals as text
            };
        }
        GroupType gt = t.asGroupType();
        Group child = g.getGroup(field, index);
        LogicalTypeAnnotation a = gt.getLogicalTypeAnnotation();
        if (a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation && gt.getFieldCount() == 1) {
            ObjectNode map = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < child.getFieldRepetitionCount(0); i++) {
                Group kv = child.getGroup(0, i);
                String key = kv.getFieldRepetitionCount(0) == 0 ? "" : primitive(kv, 0, 0, kv.getType().getType(0).asPrimitiveType());
                map.set(key, kv.getType().getFieldCount() < 2 || kv.getFieldRepetitionCount(1) == 0
                        ? JsonNodeFactory.instance.nullNode() : one(kv, 1, 0, kv.getType().getType(1)));
            }
            return map;
        }
        if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation && gt.getFieldCount() == 1) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            Type repeated = gt.getType(0);
            for (int i = 0; i < child.getFieldRepetitionCount(0); i++) {
                if (repeated.isPrimitive()) {
                    list.add(one(child, 0, i, repeated));
                } else {
                    Group element = child.getGroup(0, i);
                    list.add(element.getType().getFieldCount() == 1
                            ? element.getFieldRepetitionCount(0) == 0 ? JsonNodeFactory.instance.nullNode() : one(element, 0, 0, element.getType().getType(0))
                            : struct(element));
                }
            }
            return list;
        }
        return struct(child);
    }

    private static JsonNode struct(Group g) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        GroupType gt = g.getType();
        for (int i = 0; i < gt.getFieldCount(); i++) {
            o.set(gt.getFieldName(i), g.getFieldRepetitionCount(i) == 0 ? JsonNodeFactory.instance.nullNode() : node(g, i, gt.getType(i)));
        }
        return o;
    }

    private static String primitive(Group g, int field, int index, PrimitiveType p) {
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        return switch (p.getPrimitiveTypeName()) {
            case BINARY, FIXED_LEN_BYTE_ARRAY -> a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d
                    ? new BigDecimal(new BigInteger(g.getBinary(field, index).getBytes()), d.getScale()).toPlainString()
                    : g.getBinary(field, index).toStringUsingUTF8();
            case INT32 -> {
                int v = g.getInteger(field, index);
                if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) yield BigDecimal.valueOf(v, d.getScale()).toPlainString();
                if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) yield LocalDate.ofEpochDay(v).toString();
                yield Integer.toString(v);
            }
            case INT64 -> {
                long v = g.getLong(field, index);
                if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) yield BigDecimal.valueOf(v, d.getScale()).toPlainString();
                if (a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) yield instant(v, ts.getUnit()).toString();
                yield Long.toString(v);
            }
            case INT96 -> int96(g.getInt96(field, index)).toString();
            case DOUBLE -> decimal(g.getDouble(field, index));
            case FLOAT -> decimal(Float.parseFloat(Float.toString(g.getFloat(field, index))));
            case BOOLEAN -> Boolean.toString(g.getBoolean(field, index));
        };
    }

    /** Shortest decimal that round-trips the double: 0.1 stays "0.1", never 0.1000000000000000055511151231257827. */
    private static String decimal(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return Double.toString(d); // the row mapper refuses it as a number
        return new BigDecimal(Double.toString(d)).toPlainString();
    }

    private static Instant instant(long v, LogicalTypeAnnotation.TimeUnit unit) {
        return switch (unit) {
            case MILLIS -> Instant.ofEpochMilli(v);
            case MICROS -> Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000L), Math.floorMod(v, 1_000_000L) * 1_000L);
            case NANOS -> Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000_000L), Math.floorMod(v, 1_000_000_000L));
        };
    }

    /** Legacy Hive/Spark timestamps (older Athena-style CUR Parquet): nanos of day, then the Julian day, little-endian. */
    private static Instant int96(Binary b) {
        ByteBuffer buf = b.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = buf.getLong();
        long julianDay = Integer.toUnsignedLong(buf.getInt());
        return Instant.ofEpochSecond((julianDay - JULIAN_EPOCH_DAY) * 86_400L).plusNanos(nanosOfDay);
    }
}
