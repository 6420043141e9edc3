/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.console.ConsolePages;
import dev.outlay.console.ConsoleSession;
import dev.outlay.console.CurrentSession;
import dev.outlay.decisions.BundledRuleSets;
import dev.outlay.decisions.RuleSetService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;

/**
 * The tenant's golden scenarios of a rule set ({@code [{name, inputs, expect}]}), which publish runs next to the
 * bundled ones: listed, and edited as JSON through {@link RuleSetService#setScenarios} (the API's PUT).
 */
@Path("/console/studio/rule-sets/{id}/scenarios")
public class ScenarioPageResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CurrentSession current;

    @Inject
    RuleSetService service;

    @Inject
    @Location("console/studio/scenarios.html")
    Template template;

    /** One scenario as the page lists it; inputs and expectations as compact JSON. */
    public record Scenario(String origin, String name, String inputs, String expect) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("id") String id) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        try {
            RuleSetPages.requireReader(s);
            String json = service.scenarios(id);
            return render(s, id, 200, pretty(json), null);
        } catch (ProblemException e) {
            return RuleSetPages.html(e.problem().status(), template.data("session", s).data("name", id).data("found", false)
                    .data("tenant", List.of()).data("bundled", List.of()).data("text", "").data("canWrite", false)
                    .data("problem", e.problem()).render());
        }
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response save(@PathParam("id") String id, @FormParam("csrf") String csrf, @FormParam("scenarios") String scenarios) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        try {
            RuleSetPages.requireWriter(s, csrf);
            service.setScenarios(id, scenarios == null ? "" : scenarios);
            return ConsolePages.seeOther(RuleSetPages.page(id) + "/scenarios");
        } catch (ProblemException e) {
            if (e.problem().status() == 404 || e.problem().status() == 403) {
                return RuleSetPages.html(e.problem().status(), template.data("session", s).data("name", id).data("found", false)
                        .data("tenant", List.of()).data("bundled", List.of()).data("text", "").data("canWrite", false)
                        .data("problem", e.problem()).render());
            }
            return render(s, id, e.problem().status(), scenarios, e.problem());
        }
    }

    private Response render(ConsoleSession s, String id, int status, String text, Problem problem) {
        String stored = service.scenarios(id);
        String bundled = BundledRuleSets.find(id).map(BundledRuleSets.Bundled::scenarios).orElse("[]");
        return RuleSetPages.html(status, template.data("session", s).data("name", id).data("found", true)
                .data("tenant", list("tenant", stored)).data("bundled", list("bundled", bundled)).data("text", text)
                .data("canWrite", RuleSetPages.canWrite(s)).data("problem", problem).render());
    }

    static List<Scenario> list(String origin, String json) {
        List<Scenario> out = new ArrayList<>();
        try {
            JsonNode all = JSON.readTree(json == null || json.isBlank() ? "[]" : json);
            for (JsonNode n : all) {
                out.add(new Scenario(origin, n.path("name").asText("(unnamed)"), n.path("inputs").toString(), n.path("expect").toString()));
            }
        } catch (Exception e) {
            out.add(new Scenario(origin, "(stored scenarios are not valid JSON)", "", ""));
        }
        return out;
    }

    static String pretty(String json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json == null || json.isBlank() ? "[]" : json));
        } catch (Exception e) {
            return json;
        }
    }
}
