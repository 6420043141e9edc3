/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console.studio;

import dev.outlay.decisions.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A BPMN process as its diagram shows it: the flow nodes and sequence flows of the process with the bounds and
 * waypoints of their BPMNDI shapes and edges. Elements without DI keep null bounds, which is what the completeness
 * check looks for.
 */
public record ProcessDiagram(String processId, String name, List<FlowNode> nodes, List<Flow> flows) {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
    static final String DI = "http://www.omg.org/spec/DD/20100524/DI";

    /** kind is the BPMN element's local name (userTask, exclusiveGateway, boundaryEvent...). */
    public record FlowNode(String id, String name, String kind, String attachedTo, boolean terminate, Bounds bounds) {
    }

    public record Flow(String id, String name, String source, String target, List<Point> waypoints) {
    }

    public record Bounds(double x, double y, double width, double height) {
    }

    public record Point(double x, double y) {
    }

    /** Elements of a process that are flow nodes, i.e. drawn as shapes. */
    private static final java.util.Set<String> NODE_KINDS = java.util.Set.of("startEvent", "endEvent", "intermediateCatchEvent",
            "intermediateThrowEvent", "boundaryEvent", "task", "userTask", "scriptTask", "serviceTask", "businessRuleTask",
            "sendTask", "receiveTask", "manualTask", "callActivity", "subProcess", "exclusiveGateway", "parallelGateway",
            "inclusiveGateway", "eventBasedGateway");

    public static ProcessDiagram parse(String xml) {
        Document doc;
        try {
            doc = SafeXml.factory().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a readable BPMN document: " + e.getMessage(), e);
        }
        Element process = (Element) doc.getElementsByTagNameNS(BPMN, "process").item(0);
        if (process == null) throw new IllegalArgumentException("the document has no bpmn2:process");
        Map<String, Bounds> shapes = new LinkedHashMap<>();
        NodeList s = doc.getElementsByTagNameNS(BPMNDI, "BPMNShape");
        for (int i = 0; i < s.getLength(); i++) {
            Element e = (Element) s.item(i);
            Element b = (Element) e.getElementsByTagNameNS(DC, "Bounds").item(0);
            if (b != null) shapes.put(e.getAttribute("bpmnElement"), new Bounds(num(b, "x"), num(b, "y"), num(b, "width"), num(b, "height")));
        }
        Map<String, List<Point>> edges = new LinkedHashMap<>();
        NodeList ed = doc.getElementsByTagNameNS(BPMNDI, "BPMNEdge");
        for (int i = 0; i < ed.getLength(); i++) {
            Element e = (Element) ed.item(i);
            List<Point> pts = new ArrayList<>();
            NodeList w = e.getElementsByTagNameNS(DI, "waypoint");
            for (int k = 0; k < w.getLength(); k++) pts.add(new Point(num((Element) w.item(k), "x"), num((Element) w.item(k), "y")));
            edges.put(e.getAttribute("bpmnElement"), List.copyOf(pts));
        }
        List<FlowNode> nodes = new ArrayList<>();
        List<Flow> flows = new ArrayList<>();
        for (Node n = process.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e) || !BPMN.equals(e.getNamespaceURI())) continue;
            String kind = e.getLocalName();
            String id = e.getAttribute("id");
            if (NODE_KINDS.contains(kind)) {
                boolean terminate = e.getElementsByTagNameNS(BPMN, "terminateEventDefinition").getLength() > 0;
                nodes.add(new FlowNode(id, e.getAttribute("name"), kind, e.hasAttribute("attachedToRef") ? e.getAttribute("attachedToRef") : null,
                        terminate, shapes.get(id)));
            } else if ("sequenceFlow".equals(kind)) {
                flows.add(new Flow(id, e.getAttribute("name"), e.getAttribute("sourceRef"), e.getAttribute("targetRef"), edges.get(id)));
            }
        }
        return new ProcessDiagram(process.getAttribute("id"), process.getAttribute("name"), List.copyOf(nodes), List.copyOf(flows));
    }

    /** Flow nodes without a shape and flows without an edge of at least two waypoints: what a viewer cannot draw. */
    public List<String> missingLayout() {
        List<String> out = new ArrayList<>();
        nodes.stream().filter(n -> n.bounds() == null).forEach(n -> out.add(n.kind() + " " + n.id()));
        flows.stream().filter(f -> f.waypoints() == null || f.waypoints().size() < 2).forEach(f -> out.add("sequenceFlow " + f.id()));
        return out;
    }

    public java.util.Optional<FlowNode> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    private static double num(Element e, String attr) {
        return Double.parseDouble(e.getAttribute(attr));
    }
}
