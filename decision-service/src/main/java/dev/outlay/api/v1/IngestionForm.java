/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.api.v1;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.connectors.invoice.InvoiceTemplates;
import dev.outlay.model.SourceKind;
import org.jboss.resteasy.plugins.providers.multipart.InputPart;
import org.jboss.resteasy.plugins.providers.multipart.MultipartFormDataInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of a billing-file upload form (multipart: source, file, optional connection, mapping or template, replay,
 * sample), read and checked the same way for the API and the console; a missing or bad field is a 400 naming it.
 */
public final class IngestionForm {

    private static final Pattern FILENAME = Pattern.compile("filename=\"?([^\";]*)\"?");

    private final Map<String, List<InputPart>> parts;

    private IngestionForm(Map<String, List<InputPart>> parts) {
        this.parts = parts;
    }

    public static IngestionForm of(MultipartFormDataInput form) {
        return new IngestionForm(form.getFormDataMap());
    }

    public SourceKind kind() {
        String sourceText = text("source");
        if (sourceText == null) throw ProblemException.badRequest("source is required", Problem.Fault.at("source", "aws-cur, focus or invoice-csv"));
        try {
            return SourceKind.parse(sourceText.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage(), Problem.Fault.at("source", e.getMessage()));
        }
    }

    /** The {@code mapping} part, or the YAML of the bundled mapping the {@code template} part names (not both). */
    public String mapping() {
        String template = template();
        if (template == null) return text("mapping");
        if (text("mapping") != null) {
            throw ProblemException.badRequest("send a mapping or a template, not both", Problem.Fault.at("template", "omit it or the mapping"));
        }
        return InvoiceTemplates.text(template);
    }

    /** The bundled mapping the {@code template} part names, checked, or null. */
    public String template() {
        String template = text("template");
        if (template == null) return null;
        return InvoiceTemplates.find(template.trim()).map(InvoiceTemplates.Template::name).orElseThrow(() -> ProblemException.badRequest(
                "unknown mapping template '" + template.trim() + "'", Problem.Fault.at("template", String.join(", ", InvoiceTemplates.NAMES))));
    }

    public InputPart file() {
        List<InputPart> files = parts.get("file");
        if (files == null || files.isEmpty()) throw ProblemException.badRequest("file is required", Problem.Fault.at("file", "a billing file part"));
        return files.get(0);
    }

    /** {@code replay=true} loads bytes already loaded under the same mapping again instead of reporting a duplicate. */
    public boolean replay() {
        String v = text("replay");
        if (v == null || v.trim().equals("false")) return false;
        if (v.trim().equals("true")) return true;
        throw ProblemException.badRequest("replay must be true or false", Problem.Fault.at("replay", "true or false"));
    }

    public String text(String name) {
        List<InputPart> p = parts.get(name);
        if (p == null || p.isEmpty()) return null;
        try {
            String s = p.get(0).getBodyAsString();
            return s == null || s.isBlank() ? null : s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String fileName(InputPart part) {
        String cd = part.getHeaders().getFirst("Content-Disposition");
        if (cd != null) {
            Matcher m = FILENAME.matcher(cd);
            if (m.find() && !m.group(1).isBlank()) {
                String n = m.group(1);
                return n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
            }
        }
        return "upload.csv";
    }
}
