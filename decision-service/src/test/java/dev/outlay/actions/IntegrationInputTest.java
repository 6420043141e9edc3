/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import dev.outlay.api.problem.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connection validation: https only, no credentials in the URL, no internal addresses, kind-specific secrets. */
class IntegrationInputTest {

    static List<String> urlFaults(String url) {
        return new IntegrationInput("hook", "webhook", url, "0123456789abcdef", null).faults(false).stream()
                .filter(f -> "url".equals(f.field())).map(Problem.Fault::message).toList();
    }

    @Test
    void internalAndInsecureDestinationsAreRefused() {
        assertEquals(1, urlFaults("http://hooks.example.com/x").size(), "plain http");
        assertTrue(urlFaults("https://127.0.0.1/x").get(0).contains("non-public"));
        assertTrue(urlFaults("https://169.254.169.254/latest/meta-data").get(0).contains("non-public"), "cloud metadata");
        assertTrue(urlFaults("https://10.1.2.3/x").get(0).contains("non-public"));
        assertTrue(urlFaults("https://[::1]/x").get(0).contains("non-public"));
        assertTrue(urlFaults("https://[fd00::1]/x").get(0).contains("non-public"));
        assertTrue(urlFaults("https://user:pw@93.184.215.14/x").get(0).contains("credentials"));
        assertEquals(List.of(), urlFaults("https://93.184.215.14/hook"));
        // Test receivers on loopback are allowed only with allow-insecure-urls.
        assertEquals(List.of(), new IntegrationInput("hook", "webhook", "http://127.0.0.1:8089/x", "0123456789abcdef", null).faults(true));
    }

    @Test
    void slackNeedsABotTokenAndAChannel() {
        List<Problem.Fault> faults = new IntegrationInput("alerts", "slack", null, "0123456789abcdefgh", null).faults(false);
        assertEquals(List.of("secret", "channel"), faults.stream().map(Problem.Fault::field).toList());
        assertEquals(List.of(), new IntegrationInput("alerts", "slack", null, "xoxb-0123456789abcdef", "C0123").faults(false));
        assertEquals(IntegrationInput.SLACK_API, new IntegrationInput("alerts", "slack", null, "xoxb-0123456789abcdef", "C0123").effectiveUrl());
    }

    static List<String> fields(IntegrationInput in) {
        return in.faults(false).stream().map(Problem.Fault::field).toList();
    }

    @Test
    void jiraNeedsAProjectKeyEmailTokenCredentialsAndAccountIds() {
        assertEquals(List.of("channel", "secret", "assignees.team-ml"), fields(new IntegrationInput("fin", "jira", "https://acme.atlassian.net",
                "no-colon-token-0123456789", "fin", null, java.util.Map.of("team-ml", "not an id!"), null, null, null)));
        assertEquals(List.of(), fields(new IntegrationInput("fin", "jira", "https://acme.atlassian.net", "bot@acme.com:ATATT0123456789",
                "FIN", "Bug", java.util.Map.of("team-ml", "5b10ac8d82e05b22cc7d4ef5"), "hook-secret-0123456789", null, null)));
        assertEquals(List.of("issueType"), fields(new IntegrationInput("hook", "webhook", "https://93.184.215.14/h", "0123456789abcdef",
                null, "Bug", null, null, null, null)));
        assertEquals(List.of("inboundSecret"), fields(new IntegrationInput("fin", "jira", "https://acme.atlassian.net", "bot@acme.com:ATATT0123456789",
                "FIN", null, null, "short", null, null)));
    }

    @Test
    void teamsTakesTheTriggerUrlAsItsSecretAndShowsOnlyItsOrigin() {
        IntegrationInput ok = new IntegrationInput("room", "teams", null, "https://93.184.215.14:443/workflows/x/triggers/manual/paths/invoke?sig=abc",
                null, null, null, null, null, null);
        assertEquals(List.of(), fields(ok));
        assertEquals("https://93.184.215.14:443", ok.effectiveUrl());
        assertEquals(List.of("url", "secret"), fields(new IntegrationInput("room", "teams", "https://93.184.215.14/x", "http://10.0.0.1/trigger?sig=abc",
                null, null, null, null, null, null)));
    }

    @Test
    void dispatchNeedsARepositoryOrProjectAndSlackUsersAreSlackIds() {
        assertEquals(List.of("channel"), fields(new IntegrationInput("fix", "github", null, "github_pat_0123456789", "not-a-repo", null, null, null, null, null)));
        assertEquals(IntegrationInput.GITHUB_API, new IntegrationInput("fix", "github", null, "github_pat_0123456789", "acme/infra").effectiveUrl());
        assertEquals(List.of("channel", "ref"), fields(new IntegrationInput("fix", "gitlab", null, "glptt-0123456789abcdef", "acme/infra", null, null, null,
                null, "bad ref!")));
        assertEquals(List.of("ref"), fields(new IntegrationInput("fix", "github", null, "github_pat_0123456789", "acme/infra", null, null, null, null, "main")));
        assertEquals(List.of(), fields(new IntegrationInput("fix", "github", null, "github_pat_0123456789", "acme/infra:remediate.yml", null, null, null, null, "main")));
        assertEquals(List.of("ref"), fields(new IntegrationInput("fix", "github", null, "github_pat_0123456789", "acme/infra:remediate.yml")));
        assertEquals(List.of("channel"), fields(new IntegrationInput("fix", "github", null, "github_pat_0123456789", "acme/infra:remediate.sh", null, null, null, null, "main")));
        assertEquals(List.of("users.alice"), fields(new IntegrationInput("a", "slack", null, "xoxb-0123456789abcdef", "C0123", null, null, null,
                java.util.Map.of("alice", "alice"), null)));
        assertEquals(List.of("users"), fields(new IntegrationInput("fin", "jira", "https://acme.atlassian.net", "bot@acme.com:ATATT0123456789",
                "FIN", null, null, null, java.util.Map.of("U0123", "alice"), null)));
    }
}
