package dev.outlay.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * GitHub {@code repository_dispatch}: event type {@code outlay.<kind>}, the event and the evidence link as
 * {@code client_payload} (a workflow with {@code on: repository_dispatch: types: [outlay.finding]} picks it up).
 * GitHub answers 204 with no run id, so what is kept as evidence is the link to the repository's dispatch-triggered
 * runs, not to the run itself. One dispatch per subject and connection (the kept link), so a repeated event does not
 * start a second remediation. The token (fine-grained, "Contents: write") is the secret.
 */
@ApplicationScoped
public class GitHubChannel implements Channel {

    @Inject
    ActionsConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    ExternalLinks links;

    @Override
    public String kind() {
        return "github";
    }

    @Override
    public SendResult send(Integration connection, String token, Outbound message) {
        EventBody event;
        try {
            event = EventBody.read(json, message);
        } catch (JsonProcessingException e) {
            return EventBody.unreadable(e);
        }
        String api = connection.url().replaceAll("/+$", "");
        boolean test = event.test();
        String subjectType = event.subjectType();
        String subjectId = event.subjectId();
        if (!test) {
            Optional<ExternalLink> existing = links.forSubject(connection.id(), subjectType, subjectId);
            if (existing.isPresent()) return new SendResult(200, null, null, existing.get().url());
        }
        ObjectNode body = json.createObjectNode().put("event_type", test ? "outlay.test" : "outlay." + event.node().path("kind").asText());
        ObjectNode payload = body.putObject("client_payload");
        if (test) payload.put("testId", event.node().path("testId").asText());
        else Dispatch.inputs(event.node(), config.consoleLink()).forEach(payload::put);
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/repos/" + connection.channel() + "/dispatches"))
                .timeout(config.httpTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        SendResult r = Http.send(config, request);
        if (!r.ok() || test) return r;
        String runs = web(api) + "/" + connection.channel() + "/actions?query=event%3Arepository_dispatch";
        links.insert(connection.id(), subjectType, subjectId, "dispatch:" + message.deliveryId(), runs, message.deliveryId());
        return new SendResult(r.status(), null, null, runs);
    }

    /** The web host for an API base: api.github.com → github.com; GitHub Enterprise Server serves the API under /api/v3. */
    static String web(String api) {
        if (api.equals(IntegrationInput.GITHUB_API)) return "https://github.com";
        return api.endsWith("/api/v3") ? api.substring(0, api.length() - "/api/v3".length()) : api;
    }
}
