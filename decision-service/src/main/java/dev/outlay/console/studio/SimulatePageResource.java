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
import dev.outlay.console.FormValues;
import dev.outlay.decisions.RuleSetService;
import dev.outlay.decisions.RuleVersion;
import dev.outlay.money.MinorUnits;
import dev.outlay.simulation.AllocationSimulation;
import dev.outlay.simulation.SimulationRequest;
import dev.outlay.simulation.SimulationService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Simulate a draft against history before publishing: the simulation API's answer as tables and bar charts. A GET
 * runs it, since it writes nothing; without {@code draft} the page only shows the form with the rule set's versions.
 */
@Path("/console/studio/rule-sets/{name}/simulate")
public class SimulatePageResource {

    /** As the simulation API (and the impact API): change management and audit. */
    static final Set<String> ROLES = Set.of("finops_admin", "auditor", "admin");

    @Inject
    CurrentSession current;

    @Inject
    RuleSetService ruleSets;

    @Inject
    SimulationService simulations;

    @Inject
    @Location("console/studio/simulate.html")
    Template page;

    /** The form's values, echoed back. */
    public record Form(String draft, String baseline, String billingPeriod, String from, String to, String limit) {
    }

    /** One currency's owners as a chart and its table. */
    public record CurrencyOwners(String currency, SimulationChart chart, List<AllocationSimulation.OwnerCost> owners) {
    }

    @GET
    public Response get(@PathParam("name") String name, @QueryParam("draft") String draft, @QueryParam("baseline") String baseline,
                        @QueryParam("billingPeriod") String billingPeriod, @QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("limit") String limit) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        Form form = new Form(FormValues.echo(draft), FormValues.echo(baseline), FormValues.echo(billingPeriod), FormValues.echo(from),
                FormValues.echo(to), FormValues.echo(limit));
        ConsolePages.requireAnyRole(s, ROLES);
        List<RuleVersion> versions = ruleSets.versions(name);
        TemplateInstance t = page.data("session", s).data("name", name).data("form", form).data("versions", versions)
                .data("allocationKind", dev.outlay.allocation.AllocationService.RULE_SET.equals(name))
                .data("anomalyKind", SimulationService.ANOMALY_CLASSIFICATION.equals(name));
        if (draft == null || draft.isBlank()) return ConsolePages.html(200, t.data("result", null).data("currencies", List.of()).data("problem", null).render());
        try {
            SimulationService.Simulation r = simulations.simulate(name, new SimulationRequest(draft, FormValues.given(baseline), FormValues.given(billingPeriod),
                    FormValues.given(from), FormValues.given(to), limit(limit)));
            return ConsolePages.html(200, t.data("result", r).data("currencies", currencies(r)).data("problem", null).render());
        } catch (ProblemException e) {
            if (e.problem().status() == 404) throw e;
            Problem p = e.problem();
            return ConsolePages.html(p.status(), t.data("result", null).data("currencies", List.of()).data("problem", p).render());
        }
    }

    static List<CurrencyOwners> currencies(SimulationService.Simulation r) {
        if (r.allocation() == null) return List.of();
        TreeSet<String> codes = new TreeSet<>();
        r.allocation().owners().forEach(o -> codes.add(o.currency()));
        List<CurrencyOwners> out = new ArrayList<>();
        for (String c : codes) {
            List<AllocationSimulation.OwnerCost> owners = r.allocation().owners().stream().filter(o -> o.currency().equals(c)).toList();
            List<SimulationChart.Row> rows = owners.stream().map(o -> new SimulationChart.Row(o.owner(), o.baseline(), o.draft(),
                    MinorUnits.cell(o.baseline(), c), MinorUnits.cell(o.draft(), c))).toList();
            out.add(new CurrencyOwners(c, SimulationChart.of("Cost by owner in " + c + ": baseline and draft", rows), owners));
        }
        return out;
    }

    private static Integer limit(String v) {
        if (v == null || v.isBlank()) return null;
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("limit is a whole number", Problem.Fault.at("limit", v));
        }
    }


}
