/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console.studio;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every BPMN file has a shape for each flow node and an edge for each sequence flow; the SVG marks the active node. */
class ProcessDiagramTest {

    @Test
    void theCatalogListsEveryBpmnFileOfTheProcessesModule() throws IOException {
        Path dir = Path.of("..", "processes", "bpmn");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bpmn")).sorted().toList();
            assertEquals(names, ProcessCatalog.FILES.stream().sorted().toList());
        }
    }

    @Test
    void everyFlowNodeAndSequenceFlowHasLayout() {
        for (ProcessCatalog.Entry e : ProcessCatalog.all()) {
            ProcessDiagram d = e.diagram();
            assertTrue(d.nodes().size() >= 5, e.file() + " has its flow nodes");
            assertTrue(d.missingLayout().isEmpty(), e.file() + " lacks BPMNDI for " + d.missingLayout());
            for (ProcessDiagram.Flow f : d.flows()) {
                // Edges start and end on (or in) their nodes' shapes: a viewer draws them connected.
                ProcessDiagram.Bounds from = d.node(f.source()).orElseThrow().bounds();
                ProcessDiagram.Bounds to = d.node(f.target()).orElseThrow().bounds();
                assertTrue(touches(from, f.waypoints().get(0)), e.file() + " " + f.id() + " starts off " + f.source());
                assertTrue(touches(to, f.waypoints().get(f.waypoints().size() - 1)), e.file() + " " + f.id() + " ends off " + f.target());
            }
            // No two shapes of the plane overlap, except a boundary event on its task.
            for (ProcessDiagram.FlowNode a : d.nodes()) {
                for (ProcessDiagram.FlowNode b : d.nodes()) {
                    if (a.id().compareTo(b.id()) >= 0 || b.id().equals(a.attachedTo()) || a.id().equals(b.attachedTo())) continue;
                    assertTrue(!overlap(a.bounds(), b.bounds()), e.file() + ": " + a.id() + " overlaps " + b.id());
                }
            }
        }
    }

    @Test
    void theSvgHighlightsTheActiveTaskAndEscapesNames() {
        ProcessDiagram d = ProcessCatalog.byId("spendApproval").orElseThrow().diagram();
        String svg = ProcessSvg.render(d, Set.of("approve"), Set.of());
        assertTrue(svg.contains("<g data-node=\"approve\" data-kind=\"userTask\" data-active=\"true\">"), svg);
        assertEquals(1, svg.split("data-active=\"true\"", -1).length - 1);
        assertEquals(d.nodes().size(), svg.split("<g data-node=", -1).length - 1);
        assertEquals(d.flows().size(), svg.split("<polyline data-flow=", -1).length - 1);
        assertEquals(svg, ProcessSvg.render(d, Set.of("approve"), Set.of()), "same diagram, same bytes");
        ProcessDiagram odd = new ProcessDiagram("p", "p", List.of(new ProcessDiagram.FlowNode("x", "<b>&\"", "userTask", null, false,
                new ProcessDiagram.Bounds(0, 0, 100, 60))), List.of());
        assertTrue(ProcessSvg.render(odd, Set.of(), Set.of()).contains("&lt;b&gt;&amp;&quot;"));
    }

    static boolean touches(ProcessDiagram.Bounds b, ProcessDiagram.Point p) {
        return p.x() >= b.x() - 1 && p.x() <= b.x() + b.width() + 1 && p.y() >= b.y() - 1 && p.y() <= b.y() + b.height() + 1;
    }

    static boolean overlap(ProcessDiagram.Bounds a, ProcessDiagram.Bounds b) {
        return a.x() < b.x() + b.width() && b.x() < a.x() + a.width() && a.y() < b.y() + b.height() && b.y() < a.y() + a.height();
    }
}
