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

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A new integration connection. {@code webhook}: endpoint URL and signing secret. {@code slack}: the bot token
 * ({@code xoxb-…}) as secret, the channel id, and optionally the Web API base URL (default Slack's own; a
 * different one is for a proxy or a test stub).
 */
public record IntegrationInput(String name, String kind, String url, String secret, String channel, String issueType,
                               java.util.Map<String, String> assignees, String inboundSecret, java.util.Map<String, String> users, String ref) {

    public IntegrationInput(String name, String kind, String url, String secret, String channel) {
        this(name, kind, url, secret, channel, null, null, null, null, null);
    }

    public static final String GITHUB_API = "https://api.github.com";
    public static final String GITLAB_API = "https://gitlab.com";
    // owner/name for repository_dispatch; owner/name:workflow-file.yml for workflow_dispatch (which reports its run).
    private static final Pattern GITHUB_REPO = Pattern.compile("[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}(:[A-Za-z0-9_.-]{1,100}\\.ya?ml)?");
    private static final Pattern GITLAB_PROJECT = Pattern.compile("[0-9]{1,12}");
    private static final Pattern GIT_REF = Pattern.compile("[A-Za-z0-9._/-]{1,200}");

    private static final Pattern SLACK_USER = Pattern.compile("[UW][A-Z0-9]{2,20}");

    private static final Pattern JIRA_PROJECT = Pattern.compile("[A-Z][A-Z0-9_]{1,9}");
    private static final Pattern JIRA_ACCOUNT = Pattern.compile("[A-Za-z0-9:_-]{1,128}");

    public static final String SLACK_API = "https://slack.com/api";
    private static final Pattern SLACK_CHANNEL = Pattern.compile("[A-Za-z0-9_#-]{1,80}");

    /** The URL to store: Slack's API base when none was given; for Teams only the trigger's origin (its path and query are the secret). */
    String effectiveUrl() {
        if ("teams".equals(kind)) {
            try {
                URI u = URI.create(secret);
                return u.getScheme() + "://" + u.getRawAuthority();
            } catch (RuntimeException e) {
                return null;
            }
        }
        if (url == null || url.isBlank()) {
            if ("slack".equals(kind)) return SLACK_API;
            if ("github".equals(kind)) return GITHUB_API;
            if ("gitlab".equals(kind)) return GITLAB_API;
        }
        return url;
    }

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    public static final List<String> KINDS = List.of("webhook", "slack", "jira", "teams", "github", "gitlab");

    List<Problem.Fault> faults(boolean allowInsecureUrls) {
        List<Problem.Fault> out = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) out.add(Problem.Fault.at("name", "required: lower-case letters, digits and '-', at most 63"));
        if (kind == null || !KINDS.contains(kind)) out.add(Problem.Fault.at("kind", "one of " + KINDS));
        // Teams: the Workflows trigger URL carries its own signature (sig=…), so the URL is the secret and is sealed.
        String checkedUrl = "teams".equals(kind) ? secret : effectiveUrl();
        String urlField = "teams".equals(kind) ? "secret" : "url";
        if ("teams".equals(kind) && url != null) out.add(Problem.Fault.at("url", "leave out for Teams: the workflow URL goes in secret"));
        URI uri = null;
        try {
            if (checkedUrl != null) uri = URI.create(checkedUrl);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("https".equals(uri.getScheme()) || allowInsecureUrls && "http".equals(uri.getScheme()))) {
            out.add(Problem.Fault.at(urlField, allowInsecureUrls ? "an http(s) URL" : "an https URL"));
        } else if (uri.getUserInfo() != null) {
            out.add(Problem.Fault.at(urlField, "must not carry credentials; the secret signs the requests"));
        } else if (!allowInsecureUrls) {
            Destinations.refusal(uri.getHost()).ifPresent(why -> out.add(Problem.Fault.at(urlField, why)));
        }
        if (secret == null || secret.length() < 16 || secret.length() > ("teams".equals(kind) ? 2048 : 512)) {
            out.add(Problem.Fault.at("secret", "teams".equals(kind) ? "the workflow's HTTP trigger URL" : "16 to 512 characters"));
        }
        else if ("slack".equals(kind) && !secret.startsWith("xoxb-")) out.add(Problem.Fault.at("secret", "a Slack bot token (xoxb-…)"));
        if ("slack".equals(kind) && (channel == null || !SLACK_CHANNEL.matcher(channel).matches())) {
            out.add(Problem.Fault.at("channel", "the Slack channel id (e.g. C0123456789)"));
        }
        if ("jira".equals(kind)) {
            if (channel == null || !JIRA_PROJECT.matcher(channel).matches()) out.add(Problem.Fault.at("channel", "the Jira project key (e.g. FIN)"));
            if (secret != null && secret.indexOf(':') < 3) out.add(Problem.Fault.at("secret", "<account e-mail>:<API token>"));
            if (issueType != null && (issueType.isBlank() || issueType.length() > 60)) out.add(Problem.Fault.at("issueType", "1 to 60 characters"));
            if (assignees != null) {
                assignees.forEach((owner, account) -> {
                    if (owner == null || owner.isBlank() || account == null || !JIRA_ACCOUNT.matcher(account).matches()) {
                        out.add(Problem.Fault.at("assignees." + owner, "an Atlassian account id"));
                    }
                });
            }
        } else if (issueType != null || assignees != null) {
            out.add(Problem.Fault.at(issueType != null ? "issueType" : "assignees", "only for Jira connections"));
        }
        if ("github".equals(kind) && (channel == null || !GITHUB_REPO.matcher(channel).matches())) {
            out.add(Problem.Fault.at("channel", "the repository as owner/name, or owner/name:workflow.yml for a workflow_dispatch"));
        }
        boolean githubWorkflow = "github".equals(kind) && channel != null && channel.contains(":");
        if ("github".equals(kind) && githubWorkflow != (ref != null)) {
            out.add(Problem.Fault.at("ref", githubWorkflow ? "the branch or tag the workflow runs on" : "only with a workflow (owner/name:workflow.yml)"));
        }
        if ("gitlab".equals(kind) && (channel == null || !GITLAB_PROJECT.matcher(channel).matches())) {
            out.add(Problem.Fault.at("channel", "the numeric GitLab project id"));
        }
        boolean takesRef = "gitlab".equals(kind) || "github".equals(kind);
        if (ref != null && (!takesRef || !GIT_REF.matcher(ref).matches())) {
            out.add(Problem.Fault.at("ref", takesRef ? "a branch or tag name" : "only for GitLab and GitHub workflow connections"));
        }
        if (users != null) {
            if (!"slack".equals(kind)) out.add(Problem.Fault.at("users", "only for Slack connections"));
            else out.addAll(userFaults(users));
        }
        if (inboundSecret != null && (inboundSecret.length() < 16 || inboundSecret.length() > 512)) {
            out.add(Problem.Fault.at("inboundSecret", "16 to 512 characters"));
        }
        return out;
    }

    /** The Slack user → Outlay user map: Slack user ids (U…/W…) to token subjects. */
    static List<Problem.Fault> userFaults(java.util.Map<String, String> users) {
        List<Problem.Fault> out = new ArrayList<>();
        users.forEach((slackUser, subject) -> {
            if (slackUser == null || !SLACK_USER.matcher(slackUser).matches()) out.add(Problem.Fault.at("users." + slackUser, "a Slack user id (U…)"));
            else if (subject == null || subject.isBlank() || subject.length() > 200) out.add(Problem.Fault.at("users." + slackUser, "the Outlay user (token subject)"));
        });
        return out;
    }
}
