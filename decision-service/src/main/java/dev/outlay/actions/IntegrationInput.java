package dev.outlay.actions;

import dev.outlay.api.problem.Problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A new integration connection: name, kind ({@code webhook}), endpoint URL and the signing secret. */
public record IntegrationInput(String name, String kind, String url, String secret) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    public static final List<String> KINDS = List.of("webhook");

    List<Problem.Fault> faults(boolean allowInsecureUrls) {
        List<Problem.Fault> out = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) out.add(Problem.Fault.at("name", "required: lower-case letters, digits and '-', at most 63"));
        if (kind == null || !KINDS.contains(kind)) out.add(Problem.Fault.at("kind", "one of " + KINDS));
        URI uri = null;
        try {
            if (url != null) uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("https".equals(uri.getScheme()) || allowInsecureUrls && "http".equals(uri.getScheme()))) {
            out.add(Problem.Fault.at("url", allowInsecureUrls ? "an http(s) URL" : "an https URL"));
        } else if (uri.getUserInfo() != null) {
            out.add(Problem.Fault.at("url", "must not carry credentials; the secret signs the requests"));
        }
        if (secret == null || secret.length() < 16 || secret.length() > 512) out.add(Problem.Fault.at("secret", "16 to 512 characters"));
        return out;
    }
}
