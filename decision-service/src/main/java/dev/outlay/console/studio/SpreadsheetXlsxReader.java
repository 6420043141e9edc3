/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console.studio;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.decisions.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the first worksheet ({@code xl/worksheets/sheet1.xml}) of an .xlsx into rows of text: the format
 * {@code XlsxWriter} writes (inline strings, numbers) plus shared strings and booleans, which is what a spreadsheet
 * program writes when it saves that file again. Not a general reader: no formulas (a cell's cached value is taken),
 * no dates (their serial number comes back as the number), other sheets ignored.
 */
final class SpreadsheetXlsxReader {

    /** Zip parts larger than this are refused: a table sheet is small, an inflating bomb is not. */
    static final int MAX_PART_BYTES = 8 * 1024 * 1024;

    private SpreadsheetXlsxReader() {
    }

    static boolean looksLikeXlsx(byte[] bytes) {
        return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    static List<List<String>> read(byte[] xlsx) {
        Map<String, byte[]> parts = parts(xlsx);
        byte[] sheet = parts.get("xl/worksheets/sheet1.xml");
        if (sheet == null) throw refused("the workbook has no xl/worksheets/sheet1.xml");
        List<String> shared = sharedStrings(parts.get("xl/sharedStrings.xml"));
        Document doc = SafeXml.parse(xml(sheet));
        List<List<String>> out = new ArrayList<>();
        NodeList rows = doc.getElementsByTagNameNS("*", "row");
        for (int r = 0; r < rows.getLength(); r++) {
            Element row = (Element) rows.item(r);
            int rowNumber = intOr(row.getAttribute("r"), out.size() + 1);
            while (out.size() < rowNumber - 1) out.add(new ArrayList<>());
            List<String> cells = new ArrayList<>();
            for (Node n = row.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element c) || !"c".equals(c.getLocalName())) continue;
                int col = c.hasAttribute("r") ? column(c.getAttribute("r")) : cells.size();
                while (cells.size() < col) cells.add("");
                cells.add(value(c, shared));
            }
            out.add(cells);
        }
        return out;
    }

    private static String value(Element c, List<String> shared) {
        String type = c.getAttribute("t");
        if ("inlineStr".equals(type)) return texts(c, "is");
        String v = child(c, "v");
        if (v == null) return "";
        if ("s".equals(type)) {
            int i = intOr(v.strip(), -1);
            if (i < 0 || i >= shared.size()) throw refused("a cell names shared string " + v + ", which the workbook lacks");
            return shared.get(i);
        }
        if ("b".equals(type)) return "1".equals(v.strip()) ? "true" : "false";
        return v;
    }

    /** A1-style reference → 0-based column. */
    static int column(String ref) {
        int col = 0;
        for (char ch : ref.toCharArray()) {
            if (ch < 'A' || ch > 'Z') break;
            col = col * 26 + (ch - 'A' + 1);
        }
        return Math.max(0, col - 1);
    }

    private static List<String> sharedStrings(byte[] part) {
        List<String> out = new ArrayList<>();
        if (part == null) return out;
        NodeList items = SafeXml.parse(xml(part)).getElementsByTagNameNS("*", "si");
        for (int i = 0; i < items.getLength(); i++) out.add(concatT((Element) items.item(i)));
        return out;
    }

    private static String texts(Element c, String container) {
        for (Node n = c.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && container.equals(e.getLocalName())) return concatT(e);
        }
        return "";
    }

    /** Rich text splits a string into runs; the cell's text is all its {@code <t>}s (phonetic runs excluded). */
    private static String concatT(Element e) {
        StringBuilder sb = new StringBuilder();
        NodeList ts = e.getElementsByTagNameNS("*", "t");
        for (int i = 0; i < ts.getLength(); i++) {
            Node parent = ts.item(i).getParentNode();
            if (parent != null && "rPh".equals(parent.getLocalName())) continue;
            sb.append(ts.item(i).getTextContent());
        }
        return sb.toString();
    }

    private static String child(Element c, String name) {
        for (Node n = c.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) return e.getTextContent();
        }
        return null;
    }

    private static Map<String, byte[]> parts(byte[] xlsx) {
        Map<String, byte[]> out = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.getName().equals("xl/worksheets/sheet1.xml") && !e.getName().equals("xl/sharedStrings.xml")) continue;
                out.put(e.getName(), bounded(zip, e.getName()));
            }
        } catch (IOException e) {
            throw refused("the file is not a readable .xlsx (" + e.getMessage() + ")");
        }
        return out;
    }

    private static byte[] bounded(InputStream in, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) > 0; ) {
            out.write(buf, 0, n);
            if (out.size() > MAX_PART_BYTES) throw refused(name + " is larger than " + MAX_PART_BYTES + " bytes");
        }
        return out.toByteArray();
    }

    /** Some writers start a part with a byte-order mark, which an XML parser given a String refuses. */
    private static String xml(byte[] part) {
        String s = new String(part, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static int intOr(String s, int fallback) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static ProblemException refused(String why) {
        return ProblemException.unprocessable("The spreadsheet cannot be read", List.of(Problem.Fault.at("file", why)));
    }
}
