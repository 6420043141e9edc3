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
import dev.outlay.api.problem.ProblemException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A DMN decision table as a spreadsheet (CSV), so admins can edit rows in the tools they use. Layout: the corner
 * cell holds the hit policy; the first column the row ids; then one column per input ({@code in:<label>}) and output
 * ({@code out:<name>}) with FEEL text in the cells; an optional last {@code description} column. Import replaces the
 * rows and hit policy of that table in a base version and yields the XML of a new draft; everything else (types,
 * inputs, other decisions) comes from the base, so the columns must match it.
 */
public final class TableCsv {

    private static final Set<String> HIT_POLICIES = Set.of("UNIQUE", "FIRST", "PRIORITY", "ANY", "COLLECT", "RULE ORDER", "OUTPUT ORDER");

    private TableCsv() {
    }

    public static String export(DecisionTables.Table table) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add(table.hitPolicy());
        table.inputs().forEach(i -> header.add("in:" + i));
        table.outputs().forEach(o -> header.add("out:" + o));
        header.add("description");
        rows.add(header);
        for (DecisionTables.Row r : table.rows()) {
            List<String> row = new ArrayList<>();
            row.add(r.id());
            row.addAll(r.inputEntries());
            row.addAll(r.outputEntries());
            row.add(r.description() == null ? "" : r.description());
            rows.add(row);
        }
        return Csv.write(rows);
    }

    /** The base version's XML with the table's rows and hit policy replaced by the CSV's. 422 on layout faults. */
    public static String importInto(String baseXml, DecisionTables.Table base, String csv) {
        List<Csv.Record> records = Csv.read(csv);
        List<Problem.Fault> faults = new ArrayList<>();
        if (records.isEmpty()) throw ProblemException.unprocessable("The CSV is empty", List.of());
        List<String> header = records.get(0).fields();
        String hitPolicy = header.get(0).strip().toUpperCase();
        String aggregation = null;
        if (hitPolicy.startsWith("COLLECT ") && hitPolicy.length() > 8) {
            aggregation = hitPolicy.substring(8).strip();
            hitPolicy = "COLLECT";
        }
        if (!HIT_POLICIES.contains(hitPolicy)) {
            faults.add(new Problem.Fault("the corner cell must be a hit policy " + HIT_POLICIES + ", got '" + header.get(0) + "'", null, 1, 1, null));
        }
        List<String> expected = new ArrayList<>();
        base.inputs().forEach(i -> expected.add("in:" + i));
        base.outputs().forEach(o -> expected.add("out:" + o));
        List<String> columns = header.subList(1, header.size()).stream().map(String::strip).toList();
        boolean hasDescription = !columns.isEmpty() && columns.get(columns.size() - 1).equalsIgnoreCase("description");
        List<String> valueColumns = hasDescription ? columns.subList(0, columns.size() - 1) : columns;
        if (!valueColumns.equals(expected)) {
            faults.add(new Problem.Fault("columns must be " + expected + " (then optionally description), got " + valueColumns, null, 1, null, null));
        }
        if (!faults.isEmpty()) throw ProblemException.unprocessable("The CSV does not match table '" + base.decision() + "'", faults);

        Document doc = SafeXml.parse(baseXml);
        Element table = findTable(doc, base.decision());
        table.setAttribute("hitPolicy", hitPolicy);
        if (aggregation != null) table.setAttribute("aggregation", aggregation); else table.removeAttribute("aggregation");
        NodeList existing = table.getChildNodes();
        Set<Node> remove = new java.util.LinkedHashSet<>();
        for (int i = 0; i < existing.getLength(); i++) {
            Node n = existing.item(i);
            if ("rule".equals(n.getLocalName())) {
                remove.add(n);
                if (n.getNextSibling() != null && n.getNextSibling().getNodeType() == Node.TEXT_NODE
                        && n.getNextSibling().getTextContent().isBlank()) remove.add(n.getNextSibling());
            }
        }
        remove.forEach(table::removeChild);
        String ns = table.getNamespaceURI();
        String prefix = table.getPrefix() == null ? "" : table.getPrefix() + ":";
        int nIn = base.inputs().size(), nOut = base.outputs().size();
        Set<String> ids = new HashSet<>();
        for (int r = 1; r < records.size(); r++) {
            Csv.Record rec = records.get(r);
            List<String> f = rec.fields();
            if (f.size() < 1 + nIn + nOut) {
                faults.add(new Problem.Fault("row has " + f.size() + " cells, expected " + (1 + nIn + nOut + (hasDescription ? 1 : 0)), null, rec.line(), null, null));
                continue;
            }
            String id = f.get(0).strip().isEmpty() ? base.decision().replaceAll("[^A-Za-z0-9_]", "_") + "_r" + r : f.get(0).strip();
            if (!id.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
                faults.add(new Problem.Fault("row id '" + id + "' is not a valid XML id", null, rec.line(), 1, null));
                continue;
            }
            if (!ids.add(id)) {
                faults.add(new Problem.Fault("duplicate row id '" + id + "'", null, rec.line(), 1, null));
                continue;
            }
            Element rule = doc.createElementNS(ns, prefix + "rule");
            rule.setAttribute("id", id);
            String description = hasDescription && f.size() > 1 + nIn + nOut ? f.get(1 + nIn + nOut).strip() : "";
            if (!description.isEmpty()) {
                rule.appendChild(doc.createTextNode("\n        "));
                rule.appendChild(text(doc, ns, prefix, "description", description));
            }
            for (int k = 0; k < nIn; k++) {
                Element e = doc.createElementNS(ns, prefix + "inputEntry");
                rule.appendChild(doc.createTextNode("\n        "));
                e.setAttribute("id", id + "_i" + k);
                e.appendChild(text(doc, ns, prefix, "text", blankToDash(f.get(1 + k))));
                rule.appendChild(e);
            }
            for (int k = 0; k < nOut; k++) {
                Element e = doc.createElementNS(ns, prefix + "outputEntry");
                rule.appendChild(doc.createTextNode("\n        "));
                e.setAttribute("id", id + "_o" + k);
                e.appendChild(text(doc, ns, prefix, "text", f.get(1 + nIn + k).strip()));
                rule.appendChild(e);
            }
            rule.appendChild(doc.createTextNode("\n      "));
            table.appendChild(doc.createTextNode("  "));
            table.appendChild(rule);
            table.appendChild(doc.createTextNode("\n    "));
        }
        if (!faults.isEmpty()) throw ProblemException.unprocessable("Some CSV rows are not usable", faults);
        return serialize(doc);
    }

    private static String blankToDash(String s) {
        return s.strip().isEmpty() ? "-" : s.strip();
    }

    private static Element text(Document doc, String ns, String prefix, String name, String value) {
        Element e = doc.createElementNS(ns, prefix + name);
        e.setTextContent(value);
        return e;
    }

    static Element findTable(Document doc, String decision) {
        NodeList decisions = doc.getElementsByTagNameNS("*", "decision");
        for (int i = 0; i < decisions.getLength(); i++) {
            Element d = (Element) decisions.item(i);
            if (!decision.equals(d.getAttribute("name"))) continue;
            NodeList children = d.getChildNodes();
            for (int j = 0; j < children.getLength(); j++) {
                if ("decisionTable".equals(children.item(j).getLocalName())) return (Element) children.item(j);
            }
        }
        throw ProblemException.unprocessable("Decision '" + decision + "' has no decision table of its own", List.of());
    }

    private static String serialize(Document doc) {
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(w));
            return w.toString();
        } catch (Exception e) {
            throw new IllegalStateException("could not write the DMN document", e);
        }
    }
}
