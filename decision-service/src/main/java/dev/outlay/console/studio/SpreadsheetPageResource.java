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
import dev.outlay.console.ConsolePages;
import dev.outlay.console.ConsoleSession;
import dev.outlay.console.CurrentSession;
import dev.outlay.console.XlsxWriter;
import dev.outlay.decisions.CompiledDmn;
import dev.outlay.decisions.Csv;
import dev.outlay.decisions.DecisionTables;
import dev.outlay.decisions.InvalidRuleVersionException;
import dev.outlay.decisions.RuleKind;
import dev.outlay.decisions.RuleRuntime;
import dev.outlay.decisions.RuleSetService;
import dev.outlay.decisions.RuleVersion;
import dev.outlay.decisions.TableCsv;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.plugins.providers.multipart.InputPart;
import org.jboss.resteasy.plugins.providers.multipart.MultipartFormDataInput;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The spreadsheet view: every decision table of a DMN version as rows × input/output columns with its hit policy
 * and rule annotations, cells edited in a form (no diagram). A save, a CSV import and an XLSX import all become
 * {@code TableCsv.importInto} on the opened version and then {@link RuleSetService#saveDraft}: the API's CSV import
 * and the API's validation, and nothing stored when either refuses.
 */
@Path("/console/studio/rule-sets/{id}/tables")
public class SpreadsheetPageResource {

    static final int MAX_UPLOAD_BYTES = 4 * 1024 * 1024;

    @Inject
    CurrentSession current;

    @Inject
    RuleSetService service;

    @Inject
    RuleRuntime runtime;

    @Inject
    @Location("console/studio/tables.html")
    Template template;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("id") String id, @QueryParam("version") String version) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        try {
            RuleSetPages.requireReader(s);
            RuleVersion v = dmn(id, version);
            return render(s, v, views(v), 200, null, null);
        } catch (ProblemException e) {
            return refused(s, id, e.problem());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        RuleVersion base = null;
        List<SpreadsheetView.Table> tables = List.of();
        int index = -1;
        SpreadsheetView.Table submitted = null;
        try {
            RuleSetPages.requireWriter(s, form.getFirst("csrf"));
            base = dmn(id, form.getFirst("version"));
            tables = views(base);
            List<DecisionTables.Table> raw = tables(base);
            index = indexOf(raw, form.getFirst("decision"));
            submitted = SpreadsheetForm.read(index, raw.get(index), form);
            String xml = TableCsv.importInto(base.content(), raw.get(index), SpreadsheetForm.csv(submitted));
            RuleSetService.Saved saved = service.saveDraft(id, xml, RuleKind.DMN, note(form.getFirst("note"), "edited in the spreadsheet view"), base.hash());
            return ConsolePages.seeOther(RuleSetPages.page(id) + "?done=saved&hash=" + saved.version().hash());
        } catch (InvalidRuleVersionException e) {
            List<SpreadsheetView.Table> shown = new ArrayList<>(tables);
            shown.set(index, SpreadsheetView.withMessages(submitted, EditorPageResource.errorsFirst(e)));
            return render(s, base, shown, 422, e.getMessage() + "; nothing was stored.", null);
        } catch (ProblemException e) {
            if (base == null) return refused(s, id, e.problem());
            List<SpreadsheetView.Table> shown = new ArrayList<>(tables);
            if (submitted != null) shown.set(index, submitted);
            return render(s, base, shown, e.problem().status(), null, e.problem());
        }
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response exportCsv(@PathParam("id") String id, @QueryParam("version") String version, @QueryParam("decision") String decision) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        DecisionTables.Table t = readable(s, id, version, decision);
        RuleVersion v = dmn(id, version);
        return Response.ok(TableCsv.export(t), "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName(id, v, t) + ".csv\"").build();
    }

    @GET
    @Path("export.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    public Response exportXlsx(@PathParam("id") String id, @QueryParam("version") String version, @QueryParam("decision") String decision) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        DecisionTables.Table t = readable(s, id, version, decision);
        RuleVersion v = dmn(id, version);
        List<List<String>> grid = SpreadsheetForm.grid(SpreadsheetView.of(0, t));
        List<List<Object>> rows = new ArrayList<>();
        for (List<String> r : grid.subList(1, grid.size())) rows.add(new ArrayList<>(r));
        return Response.ok(XlsxWriter.write(t.decision(), grid.get(0), rows), XlsxWriter.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName(id, v, t) + ".xlsx\"").build();
    }

    /** A CSV or XLSX file (told apart by its first bytes) in the export's layout replaces one table's rows: a new draft. */
    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response importFile(@PathParam("id") String id, MultipartFormDataInput form) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        RuleVersion base = null;
        try {
            RuleSetPages.requireWriter(s, text(form, "csrf"));
            base = dmn(id, text(form, "version"));
            List<DecisionTables.Table> raw = tables(base);
            DecisionTables.Table table = raw.get(indexOf(raw, text(form, "decision")));
            byte[] file = file(form);
            String csv = SpreadsheetXlsxReader.looksLikeXlsx(file) ? Csv.write(SpreadsheetXlsxReader.read(file))
                    : new String(file, StandardCharsets.UTF_8);
            String xml = TableCsv.importInto(base.content(), table, csv);
            RuleSetService.Saved saved = service.saveDraft(id, xml, RuleKind.DMN, note(text(form, "note"), "imported into table " + table.decision()), base.hash());
            return ConsolePages.seeOther(RuleSetPages.page(id) + "?done=saved&hash=" + saved.version().hash());
        } catch (InvalidRuleVersionException e) {
            Problem p = Problem.of(422, e.getMessage() + "; nothing was stored.", "The imported table does not validate.")
                    .withErrors(EditorPageResource.errorsFirst(e).stream().map(m -> m.toFault()).toList());
            return render(s, base, views(base), 422, null, p);
        } catch (ProblemException e) {
            if (base == null) return refused(s, id, e.problem());
            return render(s, base, views(base), e.problem().status(), null, e.problem());
        }
    }

    private Response render(ConsoleSession s, RuleVersion v, List<SpreadsheetView.Table> tables, int status, String summary, Problem problem) {
        return RuleSetPages.html(status, template.data("session", s).data("name", v.ruleSet())
                .data("version", RuleSetView.timeline(List.of(v)).get(0)).data("tables", tables).data("summary", summary)
                .data("problem", problem).data("hitPolicies", HIT_POLICIES).data("canWrite", RuleSetPages.canWrite(s)).render());
    }

    private Response refused(ConsoleSession s, String id, Problem p) {
        return RuleSetPages.html(p.status(), template.data("session", s).data("name", id).data("version", null).data("tables", List.of())
                .data("summary", null).data("problem", p).data("hitPolicies", HIT_POLICIES).data("canWrite", false).render());
    }

    static final List<String> HIT_POLICIES = List.of("UNIQUE", "FIRST", "PRIORITY", "ANY", "COLLECT", "COLLECT SUM", "COLLECT MIN",
            "COLLECT MAX", "COLLECT COUNT", "RULE ORDER", "OUTPUT ORDER");

    private DecisionTables.Table readable(ConsoleSession s, String id, String version, String decision) {
        RuleSetPages.requireReader(s);
        List<DecisionTables.Table> raw = tables(dmn(id, version));
        return raw.get(indexOf(raw, decision));
    }

    private RuleVersion dmn(String id, String version) {
        RuleVersion v = RuleSetPages.open(service, id, version);
        if (v.kind() != RuleKind.DMN) {
            throw ProblemException.unprocessable("Rule set " + id + " is DRL: it has no decision tables; open it in the DRL editor.", List.of());
        }
        return v;
    }

    private List<DecisionTables.Table> tables(RuleVersion v) {
        return DecisionTables.of(((CompiledDmn) runtime.compiled(v)).model());
    }

    private List<SpreadsheetView.Table> views(RuleVersion v) {
        List<DecisionTables.Table> raw = tables(v);
        List<SpreadsheetView.Table> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) out.add(SpreadsheetView.of(i, raw.get(i)));
        return out;
    }

    private static int indexOf(List<DecisionTables.Table> tables, String decision) {
        for (int i = 0; i < tables.size(); i++) if (tables.get(i).decision().equals(decision)) return i;
        throw ProblemException.unprocessable("No decision table named " + decision,
                List.of(Problem.Fault.at("decision", "one of " + tables.stream().map(DecisionTables.Table::decision).toList())));
    }

    private static String fileName(String id, RuleVersion v, DecisionTables.Table t) {
        return id + "-" + t.decision().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + RuleSetPages.shortHash(v.hash());
    }

    private static String note(String given, String fallback) {
        String n = EditorPageResource.blankToNull(given);
        return n == null ? fallback : n;
    }

    private static String text(MultipartFormDataInput form, String field) {
        List<InputPart> parts = form.getFormDataMap().get(field);
        if (parts == null || parts.isEmpty()) return null;
        try {
            return parts.get(0).getBodyAsString();
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] file(MultipartFormDataInput form) {
        List<InputPart> parts = form.getFormDataMap().get("file");
        if (parts == null || parts.isEmpty()) {
            throw ProblemException.unprocessable("Choose a CSV or XLSX file", List.of(Problem.Fault.at("file", "required")));
        }
        try (InputStream in = parts.get(0).getBody(InputStream.class, null)) {
            byte[] bytes = in.readNBytes(MAX_UPLOAD_BYTES + 1);
            if (bytes.length > MAX_UPLOAD_BYTES) {
                throw ProblemException.unprocessable("The file is too large", List.of(Problem.Fault.at("file", "at most " + MAX_UPLOAD_BYTES + " bytes")));
            }
            if (bytes.length == 0) throw ProblemException.unprocessable("The file is empty", List.of(Problem.Fault.at("file", "empty")));
            return bytes;
        } catch (IOException e) {
            throw ProblemException.unprocessable("The file could not be read", List.of(Problem.Fault.at("file", e.getMessage())));
        }
    }
}
