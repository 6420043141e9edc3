package dev.outlay.connectors.azure;

import dev.outlay.connectors.Tags;
import dev.outlay.model.ChargeBuilder;

import java.util.Map;

/**
 * The {@code Tags} cell: MCA and newer EA exports write a JSON object ({@code {"env":"prod"}}); older EA exports
 * write the same object without its braces ({@code "env": "prod","team": "a"}), which is wrapped before parsing.
 */
final class AzureTags {

    private AzureTags() {
    }

    static Map<String, String> parse(String cell, ChargeBuilder out) {
        if (cell == null || cell.isBlank()) return Map.of();
        String s = cell.strip();
        return Tags.parseJsonObject(s.startsWith("{") ? s : "{" + s + "}", out);
    }
}
