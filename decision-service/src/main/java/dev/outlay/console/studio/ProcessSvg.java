/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console.studio;

import java.math.BigDecimal;
import java.util.Set;

/**
 * Draws a {@link ProcessDiagram} as SVG from its BPMNDI, server side: tasks as rounded boxes, gateways as diamonds
 * (exclusive with an X), events as circles (end events bold, boundary timers with a clock), sequence flows as
 * polylines with an arrow head and their names. Active nodes are filled and outlined in the accent colour, nodes the
 * instance already passed are tinted, so the page shows where an instance stands without the 14 MB editor.
 * Every text is XML-escaped here because the page embeds the result unescaped.
 */
public final class ProcessSvg {

    private ProcessSvg() {
    }

    public static String render(ProcessDiagram d, Set<String> active, Set<String> visited) {
        double maxX = 0, maxY = 0;
        for (ProcessDiagram.FlowNode n : d.nodes()) {
            if (n.bounds() == null) continue;
            maxX = Math.max(maxX, n.bounds().x() + n.bounds().width());
            maxY = Math.max(maxY, n.bounds().y() + n.bounds().height());
        }
        for (ProcessDiagram.Flow f : d.flows()) {
            if (f.waypoints() == null) continue;
            for (ProcessDiagram.Point p : f.waypoints()) {
                maxX = Math.max(maxX, p.x());
                maxY = Math.max(maxY, p.y());
            }
        }
        double w = maxX + 40, h = maxY + 40;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"process\" role=\"img\" viewBox=\"0 0 ").append(n(w)).append(' ').append(n(h))
                .append("\" width=\"").append(n(w)).append("\" height=\"").append(n(h)).append("\" aria-label=\"")
                .append(esc("Diagram of process " + d.processId())).append("\">");
        sb.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#444\"/></marker></defs>");
        for (ProcessDiagram.Flow f : d.flows()) {
            if (f.waypoints() == null || f.waypoints().size() < 2) continue;
            StringBuilder pts = new StringBuilder();
            for (ProcessDiagram.Point p : f.waypoints()) pts.append(pts.isEmpty() ? "" : " ").append(n(p.x())).append(',').append(n(p.y()));
            sb.append("<polyline data-flow=\"").append(esc(f.id())).append("\" points=\"").append(pts)
                    .append("\" fill=\"none\" stroke=\"#444\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>");
            if (f.name() != null && !f.name().isBlank()) {
                ProcessDiagram.Point a = f.waypoints().get(0), b = f.waypoints().get(1);
                sb.append("<text x=\"").append(n((a.x() + b.x()) / 2 + 4)).append("\" y=\"").append(n((a.y() + b.y()) / 2 - 4))
                        .append("\" font-size=\"11\" fill=\"#333\">").append(esc(f.name())).append("</text>");
            }
        }
        // Boundary events last, so they sit on top of the task they are attached to.
        d.nodes().stream().filter(x -> !"boundaryEvent".equals(x.kind())).forEach(x -> node(sb, x, active, visited));
        d.nodes().stream().filter(x -> "boundaryEvent".equals(x.kind())).forEach(x -> node(sb, x, active, visited));
        return sb.append("</svg>").toString();
    }

    private static void node(StringBuilder sb, ProcessDiagram.FlowNode node, Set<String> active, Set<String> visited) {
        ProcessDiagram.Bounds b = node.bounds();
        if (b == null) return;
        boolean on = active.contains(node.id());
        boolean past = !on && visited.contains(node.id());
        String fill = on ? "#ffe08a" : past ? "#e3f0e3" : "#fff";
        String stroke = on ? "#b35c00" : "#333";
        String width = on ? "3" : "1.5";
        sb.append("<g data-node=\"").append(esc(node.id())).append("\" data-kind=\"").append(node.kind()).append('"')
                .append(on ? " data-active=\"true\"" : "").append(past ? " data-visited=\"true\"" : "").append('>');
        sb.append("<title>").append(esc(label(node) + (on ? " (active)" : past ? " (done)" : ""))).append("</title>");
        double cx = b.x() + b.width() / 2, cy = b.y() + b.height() / 2;
        String kind = node.kind();
        if (kind.endsWith("Event")) {
            double r = Math.min(b.width(), b.height()) / 2;
            boolean end = "endEvent".equals(kind);
            sb.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                    .append("\" fill=\"").append(fill).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                    .append(end ? "4" : width).append("\"/>");
            if (end && node.terminate()) {
                sb.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r / 2)).append("\" fill=\"#333\"/>");
            }
            if ("boundaryEvent".equals(kind)) {
                sb.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r - 4))
                        .append("\" fill=\"none\" stroke=\"").append(stroke).append("\"/>");
                sb.append("<path d=\"M").append(n(cx)).append(',').append(n(cy - r + 8)).append(" L").append(n(cx)).append(',').append(n(cy))
                        .append(" L").append(n(cx + r - 8)).append(',').append(n(cy)).append("\" fill=\"none\" stroke=\"").append(stroke).append("\"/>");
            }
            text(sb, cx, b.y() + b.height() + 13, label(node));
        } else if (kind.endsWith("Gateway")) {
            sb.append("<polygon points=\"").append(n(cx)).append(',').append(n(b.y())).append(' ').append(n(b.x() + b.width())).append(',')
                    .append(n(cy)).append(' ').append(n(cx)).append(',').append(n(b.y() + b.height())).append(' ').append(n(b.x())).append(',')
                    .append(n(cy)).append("\" fill=\"").append(fill).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(width).append("\"/>");
            String mark = "parallelGateway".equals(kind) ? "+" : "inclusiveGateway".equals(kind) ? "O" : "X";
            sb.append("<text x=\"").append(n(cx)).append("\" y=\"").append(n(cy + 6)).append("\" text-anchor=\"middle\" font-size=\"18\">")
                    .append(mark).append("</text>");
            text(sb, cx, b.y() - 6, label(node));
        } else {
            sb.append("<rect x=\"").append(n(b.x())).append("\" y=\"").append(n(b.y())).append("\" width=\"").append(n(b.width()))
                    .append("\" height=\"").append(n(b.height())).append("\" rx=\"10\" fill=\"").append(fill).append("\" stroke=\"")
                    .append(stroke).append("\" stroke-width=\"").append(width).append("\"/>");
            if ("userTask".equals(kind)) {
                sb.append("<text x=\"").append(n(b.x() + 6)).append("\" y=\"").append(n(b.y() + 14)).append("\" font-size=\"10\" fill=\"#555\">user</text>");
            } else if ("scriptTask".equals(kind)) {
                sb.append("<text x=\"").append(n(b.x() + 6)).append("\" y=\"").append(n(b.y() + 14)).append("\" font-size=\"10\" fill=\"#555\">script</text>");
            }
            text(sb, cx, cy + 4, label(node));
        }
        sb.append("</g>");
    }

    private static String label(ProcessDiagram.FlowNode node) {
        return node.name() == null || node.name().isBlank() ? node.id() : node.name();
    }

    private static void text(StringBuilder sb, double x, double y, String s) {
        sb.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"middle\" font-size=\"12\">")
                .append(esc(s)).append("</text>");
    }

    /** Plain decimal, no exponent and no trailing ".0": the same diagram gives the same bytes. */
    static String n(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
