/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console.studio;

import dev.outlay.console.ConsolePages;
import dev.outlay.console.ConsoleSession;
import dev.outlay.decisions.InvalidRuleVersionException;
import dev.outlay.decisions.RuleKind;
import dev.outlay.decisions.RuleSetService;
import dev.outlay.decisions.RuleVersion;
import dev.outlay.decisions.ValidationMessage;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;

/**
 * The DRL editor: the rule text in a textarea that studio-drl.js highlights as you type (no library, no node at run
 * time), and the compiler's messages placed at their line, both in the listing below the editor (server-rendered, so
 * it works without script) and next to the line inside the editor.
 */
@ApplicationScoped
public class DrlEditorPage {

    @Inject
    RuleSetService service;

    @Inject
    @Location("console/studio/drl.html")
    Template template;

    /** One line of the listing with the messages the compiler reported for it. */
    public record Line(int number, String text, List<ValidationMessage> messages) {
    }

    Response render(ConsoleSession s, RuleVersion base, String content, int status, String summary, List<ValidationMessage> messages) {
        List<ValidationMessage> unplaced = new ArrayList<>();
        List<Line> lines = lines(content, messages, unplaced);
        return RuleSetPages.html(status, template.data("session", s).data("name", base.ruleSet())
                .data("version", RuleSetView.timeline(List.of(base)).get(0)).data("content", content).data("lines", lines)
                .data("unplaced", unplaced).data("messages", messages).data("summary", summary)
                .data("canWrite", RuleSetPages.canWrite(s)).render());
    }

    Response save(ConsoleSession s, RuleVersion base, String content, String note) {
        try {
            RuleSetService.Saved saved = service.saveDraft(base.ruleSet(), content, RuleKind.DRL, EditorPageResource.blankToNull(note), base.hash());
            return ConsolePages.seeOther(RuleSetPages.page(base.ruleSet()) + "?done=saved&hash=" + saved.version().hash());
        } catch (InvalidRuleVersionException e) {
            return render(s, base, content == null ? "" : content, 422, e.getMessage() + "; nothing was stored.", EditorPageResource.errorsFirst(e));
        }
    }

    /** Splits the text into numbered lines and hangs each message on its line; messages without a usable line stay apart. */
    static List<Line> lines(String content, List<ValidationMessage> messages, List<ValidationMessage> unplaced) {
        String[] texts = (content == null ? "" : content).split("\r?\n", -1);
        List<List<ValidationMessage>> at = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) at.add(new ArrayList<>());
        for (ValidationMessage m : messages) {
            if (m.line() != null && m.line() >= 1 && m.line() <= texts.length) at.get(m.line() - 1).add(m);
            else unplaced.add(m);
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) out.add(new Line(i + 1, texts[i], at.get(i)));
        return out;
    }
}
