/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rule sets and their versions. Thin: validation, storage and lifecycle live in {@link RuleSetService}. */
@Path("/api/v1/rulesets")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetResource {

    @Inject
    RuleSetService service;

    @Inject
    RuleRuntime runtime;

    @Inject
    DecisionService decisions;

    @Operation(operationId = "listRuleSets", summary = "List rule sets",
            description = "The tenant's rule sets with their active versions.")
    @GET
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public List<RuleSetInfo> list() {
        return service.list();
    }

    @Operation(operationId = "getRuleSet", summary = "Read a rule set",
            description = "One rule set with its active version.")
    @GET
    @Path("/{name}")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public Map<String, Object> get(@PathParam("name") String name) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ruleSet", service.info(name));
        out.put("activations", service.activations(name));
        return out;
    }

    @Operation(operationId = "listRuleSetVersions", summary = "List a rule set's versions",
            description = "Every version of the rule set with its hash, state and parent.")
    @GET
    @Path("/{name}/versions")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public List<RuleVersion> versions(@PathParam("name") String name) {
        return service.versions(name);
    }

    @Operation(operationId = "saveRuleSetVersion", summary = "Save a rule set version (draft)",
            description = "Stores the body as a new validated draft: DMN XML, DRL text, or JSON `{content, note?, parent?, "
                    + "kind?}` (the kind is sniffed from the content when absent). 201 for a new version, 200 when that "
                    + "content is already stored.")
    @POST
    @Path("/{name}/versions")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @RolesAllowed({"admin", "finops_admin"})
    public Response saveDmn(@PathParam("name") String name, @QueryParam("note") String note, @QueryParam("parent") String parent,
                            String body) {
        return saved(service.saveDraft(name, body, RuleKind.DMN, note, parent));
    }

    @Operation(operationId = "saveRuleSetVersion", summary = "Save a rule set version (draft)",
            description = "Stores the body as a new validated draft: DMN XML, DRL text, or JSON `{content, note?, parent?, "
                    + "kind?}` (the kind is sniffed from the content when absent). 201 for a new version, 200 when that "
                    + "content is already stored.")
    @POST
    @Path("/{name}/versions")
    @Consumes(MediaType.TEXT_PLAIN)
    @RolesAllowed({"admin", "finops_admin"})
    public Response saveDrl(@PathParam("name") String name, @QueryParam("note") String note, @QueryParam("parent") String parent,
                            String body) {
        return saved(service.saveDraft(name, body, RuleKind.DRL, note, parent));
    }

    /** {@code {content, note?, parent?, kind?}}; the kind is sniffed from the content when absent. */
    @Operation(operationId = "saveRuleSetVersion", summary = "Save a rule set version (draft)",
            description = "Stores the body as a new validated draft: DMN XML, DRL text, or JSON `{content, note?, parent?, "
                    + "kind?}` (the kind is sniffed from the content when absent). 201 for a new version, 200 when that "
                    + "content is already stored.")
    @POST
    @Path("/{name}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin"})
    public Response saveJson(@PathParam("name") String name, String body) throws Exception {
        JsonNode json = CanonicalJson.parse(body);
        if (json == null || !json.path("content").isTextual()) {
            throw ProblemException.unprocessable("Expected {content, note?, parent?, kind?}", List.of(Problem.Fault.at("content", "required text")));
        }
        RuleKind kind = null;
        if (json.hasNonNull("kind")) {
            try {
                kind = RuleKind.valueOf(json.get("kind").asText().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw ProblemException.unprocessable("Unknown kind", List.of(Problem.Fault.at("kind", "DMN or DRL")));
            }
        }
        return saved(service.saveDraft(name, json.get("content").asText(), kind, text(json, "note"), text(json, "parent")));
    }

    @Operation(operationId = "getRuleSetVersion", summary = "Read a rule set version",
            description = "One version by hash, with its content and state.")
    @GET
    @Path("/{name}/versions/{hash}")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public RuleVersion version(@PathParam("name") String name, @PathParam("hash") String hash) {
        return service.version(name, hash);
    }

    /** The input contract of a version: names, FEEL types and allowed values (DRL: open). */
    @Operation(operationId = "getRuleSetVersionContract", summary = "Read a version's input contract",
            description = "The inputs a version expects: names, FEEL types and allowed values (DRL: open).")
    @GET
    @Path("/{name}/versions/{hash}/contract")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public Map<String, Object> contract(@PathParam("name") String name, @PathParam("hash") String hash) {
        RuleVersion v = service.version(name, hash);
        CompiledVersion compiled = runtime.compiled(v);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hash", v.hash());
        out.put("kind", v.kind());
        out.put("inputs", compiled.inputs().fields());
        return out;
    }

    @Operation(operationId = "publishRuleSetVersion", summary = "Publish a rule set version",
            description = "Makes the version the active one for the tenant; audited. Only finops_admin may publish.")
    @POST
    @Path("/{name}/versions/{hash}/publish")
    @RolesAllowed("finops_admin")
    public RuleVersion publish(@PathParam("name") String name, @PathParam("hash") String hash) {
        return service.publish(name, hash);
    }

    @Operation(operationId = "retireRuleSetVersion", summary = "Retire a rule set version",
            description = "Takes the version out of use.")
    @POST
    @Path("/{name}/versions/{hash}/retire")
    @RolesAllowed("finops_admin")
    public RuleVersion retire(@PathParam("name") String name, @PathParam("hash") String hash) {
        return service.retire(name, hash);
    }

    @Operation(operationId = "diffRuleSetVersions", summary = "Compare two rule set versions",
            description = "What changed between versions `a` and `b` of the rule set.")
    @GET
    @Path("/{name}/versions/{a}/diff/{b}")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public Map<String, Object> diff(@PathParam("name") String name, @PathParam("a") String a, @PathParam("b") String b) {
        RuleVersion va = service.version(name, a);
        RuleVersion vb = service.version(name, b);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", va.hash());
        out.put("to", vb.hash());
        out.put("kind", vb.kind());
        if (va.kind() == RuleKind.DMN && vb.kind() == RuleKind.DMN) {
            CompiledDmn ca = (CompiledDmn) runtime.compiled(va);
            CompiledDmn cb = (CompiledDmn) runtime.compiled(vb);
            out.put("tables", DecisionTableDiff.between(DecisionTables.of(ca.model()), DecisionTables.of(cb.model())));
        } else {
            out.put("lines", TextDiff.between(va.content(), vb.content()));
        }
        return out;
    }

    @Operation(operationId = "analyzeRuleSetImpact", summary = "Analyze a version's impact on logged decisions",
            description = "Replays up to `limit` logged decisions between `from` and `to` under the version and answers which "
                    + "outcomes would change.")
    @POST
    @Path("/{name}/versions/{hash}/impact")
    @RolesAllowed({"finops_admin", "auditor", "admin"})
    public DecisionService.Impact impact(@PathParam("name") String name, @PathParam("hash") String hash,
                                         @QueryParam("limit") @DefaultValue("200") int limit,
                                         @QueryParam("from") String from, @QueryParam("to") String to) {
        if (limit < 1 || limit > 100_000) throw ProblemException.badRequest("limit is 1..100000", Problem.Fault.at("limit", String.valueOf(limit)));
        service.version(name, hash);
        return decisions.impact(name, hash, instant("from", from), instant("to", to), limit);
    }

    @Operation(operationId = "exportDecisionTableCsv", summary = "Export a decision table as CSV",
            description = "The rows and hit policy of one decision table (`decision`) of the version, as CSV for spreadsheets.")
    @GET
    @Path("/{name}/versions/{hash}/table.csv")
    @Produces("text/csv")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public Response exportCsv(@PathParam("name") String name, @PathParam("hash") String hash, @QueryParam("decision") String decision) {
        RuleVersion v = service.version(name, hash);
        DecisionTables.Table table = table(v, decision);
        return Response.ok(TableCsv.export(table), "text/csv")
                .header("Content-Disposition", "attachment; filename=\"" + name + "-" + v.hash().substring(0, 12) + ".csv\"").build();
    }

    /** Rows and hit policy from CSV into the version {@code hash}'s table → a new validated draft. */
    @Operation(operationId = "importDecisionTableCsv", summary = "Import a decision table from CSV",
            description = "Rows and hit policy from CSV into the version's table, stored as a new validated draft; 422 names "
                    + "the line and column of a bad cell.")
    @POST
    @Path("/{name}/versions/{hash}/table.csv")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({"admin", "finops_admin"})
    public Response importCsv(@PathParam("name") String name, @PathParam("hash") String hash, @QueryParam("decision") String decision,
                              @QueryParam("note") String note, String csv) {
        RuleVersion base = service.version(name, hash);
        DecisionTables.Table table = table(base, decision);
        String xml = TableCsv.importInto(base.content(), table, csv);
        return saved(service.saveDraft(name, xml, RuleKind.DMN, note == null ? "imported from CSV" : note, base.hash()));
    }

    @Operation(operationId = "getRuleSetScenarios", summary = "Read a rule set's test scenarios",
            description = "The rule set's stored test scenarios: inputs and expected outputs.")
    @GET
    @Path("/{name}/scenarios")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public Response scenarios(@PathParam("name") String name) {
        return Response.ok(service.scenarios(name), MediaType.APPLICATION_JSON).build();
    }

    @Operation(operationId = "putRuleSetScenarios", summary = "Replace a rule set's test scenarios",
            description = "Stores the given scenarios as a whole; answers 204.")
    @PUT
    @Path("/{name}/scenarios")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin"})
    public Response setScenarios(@PathParam("name") String name, String body) {
        service.setScenarios(name, body);
        return Response.noContent().build();
    }

    private DecisionTables.Table table(RuleVersion v, String decision) {
        if (v.kind() != RuleKind.DMN) throw ProblemException.unprocessable("Only DMN versions have decision tables", List.of());
        List<DecisionTables.Table> tables = DecisionTables.of(((CompiledDmn) runtime.compiled(v)).model());
        if (decision == null) {
            if (tables.size() != 1) {
                throw ProblemException.unprocessable("This model has " + tables.size() + " decision tables; name one with ?decision=",
                        List.of(Problem.Fault.at("decision", "one of " + tables.stream().map(DecisionTables.Table::decision).toList())));
            }
            return tables.get(0);
        }
        return tables.stream().filter(t -> t.decision().equals(decision)).findFirst().orElseThrow(() -> ProblemException.notFound(
                "No decision table named " + decision + " in " + v.hash() + "."));
    }

    private static Response saved(RuleSetService.Saved s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ruleSet", s.version().ruleSet());
        body.put("hash", s.version().hash());
        body.put("kind", s.version().kind());
        body.put("status", s.version().status());
        body.put("parentHash", s.version().parentHash());
        body.put("created", s.created());
        body.put("warnings", s.warnings());
        if (!s.created()) return Response.ok(body).build();
        return Response.created(URI.create("/api/v1/rulesets/" + s.version().ruleSet() + "/versions/" + s.version().hash()))
                .entity(body).build();
    }

    private static String text(JsonNode json, String field) {
        return json.hasNonNull(field) ? json.get(field).asText() : null;
    }

    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return value.length() == 10 ? Instant.parse(value + "T00:00:00Z") : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("dates are ISO-8601 (YYYY-MM-DD or an instant)", Problem.Fault.at(field, value));
        }
    }
}
