package dev.outlay.model;

/**
 * Why a loaded row deserves a second look. Flagged rows are loaded and counted, never dropped: the flag says
 * what the mapping had to assume.
 */
public enum DataQualityFlag {
    /** The source's charge type maps to no FOCUS ChargeCategory; the row is loaded as Adjustment. */
    UNMAPPED_CHARGE_CATEGORY,
    /** No ServiceCategory could be derived; loaded as Other. */
    UNMAPPED_SERVICE_CATEGORY,
    /** A literal "NULL" string stood for an empty value (FOCUS sample quirk). */
    NULL_LITERAL,
    /** A timestamp was not ISO 8601 (e.g. "2024-09-01 00:00:00") and was read as UTC. */
    NON_ISO_TIMESTAMP,
    /** A vocabulary value differed from the FOCUS spelling only by case (e.g. "Usage-based"). */
    VOCABULARY_CASE,
    /** The tags cell was not a JSON object of strings and was kept as {"_raw": ...}. */
    UNPARSABLE_TAGS,
    /** A mandatory value (currency, account) was missing and a connection default was used. */
    DEFAULTED_VALUE;

    public static DataQualityFlag parse(String text) {
        return valueOf(text);
    }
}
