/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import dev.outlay.api.problem.Problem;
import org.kie.dmn.api.core.DMNType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a version accepts: for DMN, its InputData names and types (every input must be present, null allowed;
 * unknown names are refused, values must fit the type and its allowed values); DRL takes any JSON object, which is
 * inserted as one {@code java.util.Map} fact.
 */
public final class InputContract {

    /** One input: name, FEEL base type (string, number, boolean, date, ...; "context"/"list" for structures). */
    public record Field(String name, String type, List<String> allowedValues) {
    }

    private final Map<String, Field> fields;
    private final Map<String, DMNType> types;

    private InputContract(Map<String, Field> fields, Map<String, DMNType> types) {
        this.fields = fields;
        this.types = types;
    }

    public static InputContract open() {
        return new InputContract(null, Map.of());
    }

    public static InputContract dmn(Map<String, DMNType> inputTypes) {
        Map<String, Field> fields = new TreeMap<>();
        inputTypes.forEach((name, type) -> fields.put(name, new Field(name, baseName(type),
                type.getAllowedValues() == null || type.getAllowedValues().isEmpty() ? null
                        : type.getAllowedValues().stream().map(Object::toString).toList())));
        return new InputContract(fields, new LinkedHashMap<>(inputTypes));
    }

    /** Null for an open contract (DRL). */
    public List<Field> fields() {
        return fields == null ? null : List.copyOf(fields.values());
    }

    /** Every fault in the posted inputs; empty when they fit. */
    public List<Problem.Fault> check(Map<String, Object> inputs) {
        List<Problem.Fault> faults = new ArrayList<>();
        if (fields == null) return faults;
        for (String name : inputs.keySet()) {
            if (!fields.containsKey(name)) faults.add(Problem.Fault.at(name, "unknown input; this version takes " + fields.keySet()));
        }
        for (Field f : fields.values()) {
            if (!inputs.containsKey(f.name())) {
                faults.add(Problem.Fault.at(f.name(), "missing input of type " + f.type() + " (send null if it is unknown)"));
                continue;
            }
            Object value = coerce(f.name(), inputs.get(f.name()));
            if (value == null) continue;
            DMNType type = types.get(f.name());
            if (!fitsBase(f.type(), value) || !type.isAssignableValue(value)) {
                faults.add(Problem.Fault.at(f.name(), "expected " + f.type()
                        + (f.allowedValues() == null ? "" : " with one of " + f.allowedValues()) + ", got " + describe(value)));
            }
        }
        return faults;
    }

    /**
     * JSON has no temporal types: ISO text for a date, time, date-and-time or days-and-time-duration input becomes
     * the java.time value FEEL expects. Logged inputs keep the text, so replay coerces the same way.
     */
    public Object coerce(String name, Object value) {
        if (!(value instanceof String text) || fields == null || !fields.containsKey(name)) return value;
        try {
            return switch (fields.get(name).type()) {
                case "date" -> java.time.LocalDate.parse(text);
                case "time" -> text.matches(".*([+-]\\d\\d:\\d\\d|Z)$") ? java.time.OffsetTime.parse(text) : java.time.LocalTime.parse(text);
                case "date and time", "dateTime" -> text.matches(".*([+-]\\d\\d:\\d\\d|Z)(\\[.*\\])?$")
                        ? java.time.ZonedDateTime.parse(text) : java.time.LocalDateTime.parse(text);
                case "days and time duration", "dayTimeDuration" -> java.time.Duration.parse(text);
                default -> value;
            };
        } catch (java.time.format.DateTimeParseException e) {
            return value;
        }
    }

    private static boolean fitsBase(String base, Object value) {
        return switch (base) {
            case "number" -> value instanceof BigDecimal;
            case "string" -> value instanceof String;
            case "boolean" -> value instanceof Boolean;
            default -> true;
        };
    }

    private static String describe(Object value) {
        if (value instanceof BigDecimal) return "number " + ((BigDecimal) value).toPlainString();
        if (value instanceof String s) return "string \"" + s + "\"";
        if (value instanceof Boolean) return "boolean " + value;
        if (value instanceof Map) return "object";
        if (value instanceof List) return "array";
        return String.valueOf(value);
    }

    static String baseName(DMNType type) {
        if (type.isCollection()) return "list";
        if (type.isComposite()) return "context";
        DMNType t = type;
        while (t.getBaseType() != null) t = t.getBaseType();
        return t.getName();
    }
}
