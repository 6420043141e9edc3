package dev.outlay.decisions;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/** One immutable version of a rule set; {@code content} is left out of listings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleVersion(String ruleSet, String hash, RuleKind kind, String status, boolean active, String parentHash,
                          String author, Instant createdAt, String note, String engineVersion,
                          List<ValidationMessage> messages, String content) {

    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";
    public static final String RETIRED = "retired";

    public RuleVersion withoutContent() {
        return new RuleVersion(ruleSet, hash, kind, status, active, parentHash, author, createdAt, note, engineVersion, messages, null);
    }
}
