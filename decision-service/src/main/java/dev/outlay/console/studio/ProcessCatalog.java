/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console.studio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The BPMN processes the service runs, read from the classpath where the build unpacks {@code processes/bpmn}
 * (the files Kogito generated the process code from, so the diagram is the process that runs). Parsed once.
 */
public final class ProcessCatalog {

    /** Every file of processes/bpmn; ProcessDiagramTest fails when one is added there and not here. */
    public static final List<String> FILES = List.of("spend-approval.bpmn", "policy-violation-triage.bpmn", "month-end-close.bpmn");

    public record Entry(String file, String xml, ProcessDiagram diagram) {
    }

    private static volatile List<Entry> entries;

    private ProcessCatalog() {
    }

    public static List<Entry> all() {
        List<Entry> e = entries;
        if (e == null) {
            List<Entry> loaded = new ArrayList<>();
            for (String f : FILES) {
                String xml = read("processes/" + f);
                loaded.add(new Entry(f, xml, ProcessDiagram.parse(xml)));
            }
            entries = e = List.copyOf(loaded);
        }
        return e;
    }

    public static Optional<Entry> byId(String processId) {
        return all().stream().filter(x -> x.diagram().processId().equals(processId)).findFirst();
    }

    private static String read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("process file missing from the build: " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
