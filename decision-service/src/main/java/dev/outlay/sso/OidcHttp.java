/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.sso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.outlay.sso.SsoLoginRefusedException.Kind.IDP_UNAVAILABLE;

/**
 * The three calls the code flow makes to an IdP: discovery, its key set, the token exchange. Redirects are never
 * followed and every URL the discovery document names is checked like the issuer (https, public address), so a
 * tenant's registration cannot turn the service into a fetcher of internal URLs.
 */
@ApplicationScoped
public class OidcHttp {

    @Inject
    SsoSettings settings;

    @Inject
    ObjectMapper json;

    private volatile HttpClient client;

    /** The issuer's discovery document, whose {@code issuer} must be exactly the configured one (Discovery §4.3). */
    public OidcProvider discover(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        JsonNode doc = getJson(checked(base + "/.well-known/openid-configuration", "issuer"), "discovery document");
        String said = doc.path("issuer").asText(null);
        if (!issuer.equals(said)) {
            throw new SsoLoginRefusedException(IDP_UNAVAILABLE, "The discovery document of " + issuer + " names another issuer (" + said + ").");
        }
        List<String> methods = new ArrayList<>();
        doc.path("token_endpoint_auth_methods_supported").forEach(m -> methods.add(m.asText()));
        return new OidcProvider(issuer, checked(text(doc, "authorization_endpoint"), "authorization_endpoint"),
                checked(text(doc, "token_endpoint"), "token_endpoint"), checked(text(doc, "jwks_uri"), "jwks_uri"), List.copyOf(methods));
    }

    /** The IdP's JSON Web Key Set, as text for the verifier. */
    public String keys(OidcProvider provider) {
        return getJson(provider.jwksUri(), "key set").toString();
    }

    /** Exchanges the code for tokens (RFC 6749 §4.1.3 with the PKCE verifier, RFC 7636 §4.5); answers the ID token. */
    public String exchange(OidcProvider provider, SsoClient client, String code, String redirectUri, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", verifier);
        HttpRequest.Builder req = HttpRequest.newBuilder(provider.tokenEndpoint()).timeout(settings.httpTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
        if (provider.secretInBody()) {
            form.put("client_id", client.clientId());
            form.put("client_secret", client.clientSecret());
        } else {
            // RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined and base64-encoded.
            String pair = urlEncode(client.clientId()) + ":" + urlEncode(client.clientSecret());
            req.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        String body = form.entrySet().stream().map(e -> urlEncode(e.getKey()) + "=" + urlEncode(e.getValue())).collect(Collectors.joining("&"));
        HttpResponse<String> res = send(req.POST(HttpRequest.BodyPublishers.ofString(body)).build(), "token endpoint");
        JsonNode answer = parse(res.body(), "token endpoint");
        if (res.statusCode() != 200) {
            String error = answer.path("error").asText("no error code");
            throw new SsoLoginRefusedException(SsoLoginRefusedException.Kind.REFUSED,
                    "The identity provider refused the sign-in code (" + res.statusCode() + ", " + error + ").");
        }
        String idToken = answer.path("id_token").asText(null);
        if (idToken == null || idToken.isBlank()) {
            throw new SsoLoginRefusedException(SsoLoginRefusedException.Kind.REFUSED, "The identity provider's token answer carries no ID token.");
        }
        return idToken;
    }

    private JsonNode getJson(URI uri, String what) {
        HttpResponse<String> res = send(HttpRequest.newBuilder(uri).timeout(settings.httpTimeout()).header("Accept", "application/json").GET().build(), what);
        if (res.statusCode() != 200) {
            throw new SsoLoginRefusedException(IDP_UNAVAILABLE, "The identity provider's " + what + " answered " + res.statusCode() + " (" + uri + ").");
        }
        return parse(res.body(), what);
    }

    private HttpResponse<String> send(HttpRequest request, String what) {
        try {
            return http().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SsoLoginRefusedException(IDP_UNAVAILABLE, "The identity provider's " + what + " could not be reached (" + request.uri() + ").", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SsoLoginRefusedException(IDP_UNAVAILABLE, "Interrupted while calling the identity provider's " + what + ".", e);
        }
    }

    private JsonNode parse(String body, String what) {
        try {
            JsonNode n = json.readTree(body);
            if (n == null || !n.isObject()) throw new IOException("not a JSON object");
            return n;
        } catch (IOException e) {
            throw new SsoLoginRefusedException(IDP_UNAVAILABLE, "The identity provider's " + what + " is not a JSON object.", e);
        }
    }

    private static String text(JsonNode doc, String field) {
        String v = doc.path(field).asText(null);
        if (v == null || v.isBlank()) throw new SsoLoginRefusedException(IDP_UNAVAILABLE, "The discovery document has no " + field + ".");
        return v;
    }

    private URI checked(String url, String what) {
        SsoConfigInput.issuerFault(url, settings.allowInsecureIssuers()).ifPresent(m -> {
            throw new SsoLoginRefusedException(IDP_UNAVAILABLE, "The identity provider's " + what + " " + url + " " + m + ".");
        });
        return URI.create(url);
    }

    private static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpClient http() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(settings.httpTimeout()).build();
                }
                c = client;
            }
        }
        return c;
    }
}
