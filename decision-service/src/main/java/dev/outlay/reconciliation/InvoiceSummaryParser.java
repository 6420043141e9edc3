/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.reconciliation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.outlay.connectors.SourceFormatException;
import dev.outlay.connectors.csv.CsvParser;
import dev.outlay.connectors.csv.SourceInput;
import dev.outlay.decisions.CanonicalJson;
import dev.outlay.money.MinorUnits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an invoice summary in the CSV or JSON contract of docs/invoices.md. Pure: bytes in, a summary or an
 * {@link InvoiceFormatException} naming line and field out. Quirks it accepts on purpose: a UTF-8 BOM (Excel), header
 * spellings from the providers' invoice exports ({@code InvoiceId}, {@code Invoice ID}, {@code invoice_id}),
 * doubled quotes inside quoted cells, {@code NULL} or an empty cell for an absent optional value, and a semicolon
 * delimiter when the header has no comma (European Excel).
 */
public final class InvoiceSummaryParser {

    public static final int MAX_LINES = 100_000;
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final List<String> REQUIRED = List.of("billingAccountId", "billingPeriod", "service", "amount", "currency");
    /** Header spellings, compared after lower-casing and dropping everything but letters and digits. */
    private static final Map<String, String> ALIASES = new HashMap<>();

    static {
        alias("invoiceId", "invoiceid", "billinvoiceid", "invoicenumber", "invoiceno");
        alias("billingAccountId", "billingaccountid", "billingaccount", "accountid", "account", "billpayeraccountid", "payeraccountid");
        alias("billingPeriod", "billingperiod", "period", "billingmonth", "invoicemonth", "billingperiodstart");
        alias("service", "service", "servicename", "product", "productname");
        alias("amount", "amount", "billedcost", "total", "totalamount", "cost");
        alias("currency", "currency", "billingcurrency", "currencycode");
        alias("invoiceSection", "invoicesection", "invoicesectionname");
    }

    private InvoiceSummaryParser() {
    }

    private static void alias(String field, String... spellings) {
        for (String s : spellings) ALIASES.put(s, field);
    }

    /** The format from the file name ({@code .csv}, {@code .json}), else from the first non-blank character. */
    public static InvoiceSummary parse(String fileName, byte[] data) {
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) return json(data);
        if (lower.endsWith(".csv")) return csv(fileName, data);
        for (byte b : data) {
            if (b == '{') return json(data);
            if (!Character.isWhitespace(b) && (b & 0xFF) != 0xEF && (b & 0xFF) != 0xBB && (b & 0xFF) != 0xBF) break;
        }
        return csv(fileName, data);
    }

    public static InvoiceSummary csv(String fileName, byte[] data) {
        try (Reader reader = SourceInput.open(new ByteArrayInputStream(data), fileName)) {
            CsvParser csv = new CsvParser(reader, delimiter(data), fileName);
            String[] header = csv.next();
            if (header == null) throw new InvoiceFormatException(1, null, "the file is empty (a header row is required)");
            Map<String, Integer> columns = columns(header);
            List<InvoiceSummary.Line> lines = new ArrayList<>();
            Document doc = new Document();
            String[] row;
            while ((row = csv.next()) != null) {
                int line = (int) csv.recordLine();
                if (row.length == 1 && row[0].isBlank()) continue;
                if (row.length != header.length) {
                    throw new InvoiceFormatException(line, null, "the row has " + row.length + " cells, the header " + header.length);
                }
                if (lines.size() == MAX_LINES) throw new InvoiceFormatException(line, null, "more than " + MAX_LINES + " lines");
                doc.period(line, period(line, "billingPeriod", required(row, columns, "billingPeriod", line)));
                doc.currency(line, currency(line, "currency", required(row, columns, "currency", line)));
                lines.add(new InvoiceSummary.Line(line, optional(row, columns, "invoiceId"),
                        required(row, columns, "billingAccountId", line), required(row, columns, "service", line),
                        optional(row, columns, "invoiceSection"), amount(line, "amount", required(row, columns, "amount", line))));
            }
            if (lines.isEmpty()) throw new InvoiceFormatException(2, null, "the file has a header but no invoice lines");
            return new InvoiceSummary("csv", doc.period, doc.currency, lines);
        } catch (SourceFormatException e) {
            throw new InvoiceFormatException((int) e.line(), null, e.getMessage());
        } catch (CharacterCodingException e) {
            throw new InvoiceFormatException(0, null, "the file is not UTF-8 text");
        } catch (IOException e) {
            throw new InvoiceFormatException(0, null, "the file cannot be read: " + e.getMessage());
        }
    }

    public static InvoiceSummary json(byte[] data) {
        JsonNode root;
        try {
            root = CanonicalJson.MAPPER.readTree(data);
        } catch (JsonProcessingException e) {
            throw new InvoiceFormatException(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null,
                    "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvoiceFormatException(0, null, "the document cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) throw new InvoiceFormatException(0, null, "the document must be a JSON object");
        LocalDate period = period(0, "billingPeriod", text(root, "billingPeriod", "billingPeriod", 0, true));
        String currency = currency(0, "currency", text(root, "currency", "currency", 0, true));
        String defaultAccount = text(root, "billingAccountId", "billingAccountId", 0, false);
        String defaultInvoice = text(root, "invoiceId", "invoiceId", 0, false);
        JsonNode items = root.get("lines");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw new InvoiceFormatException(0, "lines", "a non-empty array of invoice lines is required");
        }
        if (items.size() > MAX_LINES) throw new InvoiceFormatException(0, "lines", "more than " + MAX_LINES + " lines");
        List<InvoiceSummary.Line> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            int n = i + 1;
            String at = "lines[" + i + "]";
            if (!item.isObject()) throw new InvoiceFormatException(n, at, "each line must be an object");
            String account = text(item, "billingAccountId", at + ".billingAccountId", n, false);
            if (account == null) account = defaultAccount;
            if (account == null) throw new InvoiceFormatException(n, at + ".billingAccountId", "required (on the line or the document)");
            String invoiceId = text(item, "invoiceId", at + ".invoiceId", n, false);
            JsonNode amount = item.get("amount");
            if (amount == null || amount.isNull()) throw new InvoiceFormatException(n, at + ".amount", "required");
            BigDecimal value = amount.isNumber() ? amount.decimalValue() : amount.isTextual() ? amount(n, at + ".amount", amount.textValue()) : null;
            if (value == null) throw new InvoiceFormatException(n, at + ".amount", "must be a decimal number");
            lines.add(new InvoiceSummary.Line(n, invoiceId == null ? defaultInvoice : invoiceId, account,
                    text(item, "service", at + ".service", n, true), text(item, "invoiceSection", at + ".invoiceSection", n, false), value));
        }
        return new InvoiceSummary("json", period, currency, lines);
    }

    /** A semicolon-delimited export (European Excel) has semicolons and no comma in its header line. */
    private static char delimiter(byte[] data) {
        int end = 0;
        while (end < data.length && data[end] != '\n') end++;
        boolean comma = false;
        boolean semicolon = false;
        for (int i = 0; i < end; i++) {
            if (data[i] == ',') comma = true;
            if (data[i] == ';') semicolon = true;
        }
        return semicolon && !comma ? ';' : ',';
    }

    private static Map<String, Integer> columns(String[] header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            String field = ALIASES.get(header[i].toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""));
            if (field == null) continue; // other columns (descriptions, tax breakdowns) are allowed and ignored
            Integer before = columns.putIfAbsent(field, i);
            if (before != null) {
                throw new InvoiceFormatException(1, field, "columns '" + header[before] + "' and '" + header[i] + "' both mean " + field);
            }
        }
        for (String field : REQUIRED) {
            if (!columns.containsKey(field)) {
                throw new InvoiceFormatException(1, field, "the header has no " + field + " column (found: " + String.join(", ", header) + ")");
            }
        }
        return columns;
    }

    /** An empty cell and the text NULL (any case, as database exports write it) both mean "no value". */
    private static String optional(String[] row, Map<String, Integer> columns, String field) {
        Integer i = columns.get(field);
        if (i == null) return null;
        String v = row[i].trim();
        return v.isEmpty() || v.equalsIgnoreCase("null") ? null : v;
    }

    private static String required(String[] row, Map<String, Integer> columns, String field, int line) {
        String v = optional(row, columns, field);
        if (v == null) throw new InvoiceFormatException(line, field, "required");
        return v;
    }

    private static String text(JsonNode node, String name, String at, int line, boolean required) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull() || (v.isTextual() && (v.textValue().isBlank() || v.textValue().trim().equalsIgnoreCase("null")))) {
            if (required) throw new InvoiceFormatException(line, at, "required");
            return null;
        }
        if (!v.isTextual()) throw new InvoiceFormatException(line, at, "must be a string");
        return v.textValue().trim();
    }

    static LocalDate period(int line, String field, String value) {
        try {
            if (value.length() == 7) return YearMonth.parse(value).atDay(1);
            LocalDate d = LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
            if (d.getDayOfMonth() != 1) {
                throw new InvoiceFormatException(line, field, "'" + value + "' is not the first day of a month (YYYY-MM or YYYY-MM-01)");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new InvoiceFormatException(line, field, "'" + value + "' is not a billing period (YYYY-MM or YYYY-MM-01)");
        }
    }

    static String currency(int line, String field, String value) {
        String c = value.trim().toUpperCase(Locale.ROOT);
        if (!MinorUnits.known(c)) throw new InvoiceFormatException(line, field, "'" + value + "' is not an ISO 4217 currency code");
        return c;
    }

    static BigDecimal amount(int line, String field, String value) {
        String v = value.trim();
        if (!DECIMAL.matcher(v).matches()) {
            throw new InvoiceFormatException(line, field, "'" + value + "' is not a decimal amount (digits, optional '-' and '.', no thousands separator)");
        }
        return new BigDecimal(v);
    }

    /** One period and one currency per document, judged against the first line. */
    private static final class Document {
        LocalDate period;
        String currency;
        int periodLine;
        int currencyLine;

        void period(int line, LocalDate p) {
            if (period == null) {
                period = p;
                periodLine = line;
            } else if (!period.equals(p)) {
                throw new InvoiceFormatException(line, "billingPeriod", "billing period " + YearMonth.from(p) + " differs from "
                        + YearMonth.from(period) + " on line " + periodLine + ": one document covers one billing period");
            }
        }

        void currency(int line, String c) {
            if (currency == null) {
                currency = c;
                currencyLine = line;
            } else if (!currency.equals(c)) {
                throw new InvoiceFormatException(line, "currency", "currency " + c + " differs from " + currency + " on line "
                        + currencyLine + ": one document is in one currency");
            }
        }
    }
}
