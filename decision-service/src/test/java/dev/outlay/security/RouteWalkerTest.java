/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.security;

import dev.outlay.tenancy.Caller;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.ext.web.Route;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.core.ResourceMethodInvoker;
import org.jboss.resteasy.core.ResourceMethodRegistry;
import org.jboss.resteasy.spi.ResourceInvoker;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.outlay.support.Tokens.bearer;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route the running application registers, taken from the routers themselves (the Vert.x router and RESTEasy's
 * resource registry, not the OpenAPI document), called with no token and with a foreign tenant's token for every
 * role, each in several spellings. Nothing may answer 2xx that docs/security/rbac-matrix.md does not serve to that
 * caller, and nothing may answer 5xx.
 */
@QuarkusTest
class RouteWalkerTest {

    static final String FOREIGN = "route-walk-foreign";
    static final String PROBE = "walk-probe";

    record Walked(String method, String template, String consumes) {
    }

    @Inject
    RouterProbe routerProbe;

    @TestHTTPResource("/")
    URL base;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void noRouteServesMoreThanTheMatrixAllowsInAnySpelling() throws Exception {
        RbacMatrix matrix = RbacMatrix.read();
        List<Walked> routes = registeredRoutes();
        assertTrue(routes.size() > 100, "the walk found only " + routes.size() + " routes");
        assertTrue(routes.stream().anyMatch(r -> r.template().equals("/management/shutdown")), "the jobs service's routes must be walked");
        assertTrue(routes.stream().anyMatch(r -> r.template().startsWith("/q/health")), "the Vert.x routes must be walked");

        Map<String, String> identities = new LinkedHashMap<>();
        identities.put("anonymous", null);
        for (String role : new TreeSet<>(Caller.ROLES)) identities.put(role, bearer(FOREIGN, "walk-" + role, role));

        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Walked route : routes) {
            Set<String> servedTo = matrix.servedTo(route.method(), route.template());
            if (servedTo == null) {
                failures.add(route.method() + " " + route.template() + " is not in docs/security/rbac-matrix.md");
                continue;
            }
            String path = route.template().replaceAll("\\{[^}]*}", PROBE);
            for (Map.Entry<String, String> who : identities.entrySet()) {
                boolean allowed = servedTo.contains("everyone") || who.getValue() != null && servedTo.contains(who.getKey());
                for (String spelling : spellings(path)) {
                    int status = call(route, spelling, who.getValue());
                    calls++;
                    String at = route.method() + " " + spelling + " as " + who.getKey() + " -> " + status;
                    if (status >= 500) failures.add(at + " (server error)");
                    else if (status >= 200 && status < 300 && !allowed) failures.add(at + " (the matrix does not serve it)");
                    else if (who.getValue() == null && !allowed && spelling.equals(path) && route.template().startsWith("/api/v1") && status != 401) {
                        failures.add(at + " (no token must be 401)");
                    }
                }
            }
        }
        org.jboss.logging.Logger.getLogger(RouteWalkerTest.class).infof("walked %d routes with %d calls", routes.size(), calls);
        assertTrue(calls > 5000, "only " + calls + " calls");
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }

    /** The same route spelled the ways the outside probe tried: matrix parameters, slashes, encodings, case. */
    static List<String> spellings(String path) {
        Set<String> out = new LinkedHashSet<>();
        out.add(path);
        out.add(path + "/");
        out.add("/" + path);
        int second = path.indexOf('/', 1);
        if (second > 0) {
            out.add(path.substring(0, second) + ";x=1" + path.substring(second));
            out.add(path.substring(0, second) + "%2F" + path.substring(second + 1));
            out.add(path.substring(0, second) + "//" + path.substring(second + 1));
        }
        out.add(path + ";x=1");
        out.add("/walk/%2e%2e" + path);
        out.add(path.toUpperCase(Locale.ROOT));
        return new ArrayList<>(out);
    }

    private int call(Walked route, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://" + base.getHost() + ":" + base.getPort() + path))
                .timeout(Duration.ofSeconds(60));
        if (token != null) req.header("Authorization", token);
        String method = route.method();
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            String type = route.consumes() == null ? "application/json" : route.consumes();
            String body;
            if (type.startsWith("multipart/")) {
                type = "multipart/form-data; boundary=walk";
                body = "--walk\r\nContent-Disposition: form-data; name=\"file\"; filename=\"probe.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                        + "a,b\r\n1,2\r\n--walk--\r\n";
            } else if (type.contains("xml")) {
                body = "<probe/>";
            } else if (type.startsWith("text/")) {
                body = "a,b\n1,2\n";
            } else {
                type = "application/json";
                body = "{}";
            }
            req.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            req.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** RESTEasy's registry and the Vert.x router; a route without a path (a filter, the RESTEasy dispatcher) has nothing to walk. */
    private List<Walked> registeredRoutes() throws Exception {
        // One request through RESTEasy leaves its registry in the probe.
        call(new Walked("GET", "/api/v1/me", null), "/api/v1/me", bearer(FOREIGN, "walk-admin", "admin"));
        assertTrue(RegistryProbe.registry instanceof ResourceMethodRegistry, "RESTEasy registry not captured: " + RegistryProbe.registry);
        Set<Walked> out = new LinkedHashSet<>();
        for (Map.Entry<String, List<ResourceInvoker>> e : ((ResourceMethodRegistry) RegistryProbe.registry).getBounded().entrySet()) {
            String template = e.getKey().startsWith("/") ? e.getKey() : "/" + e.getKey();
            for (ResourceInvoker invoker : e.getValue()) {
                if (!(invoker instanceof ResourceMethodInvoker m)) {
                    out.add(new Walked("GET", template, null));
                    out.add(new Walked("POST", template, null));
                    continue;
                }
                MediaType[] consumes = m.getConsumes();
                String type = consumes == null || consumes.length == 0 || consumes[0].isWildcardType() ? null
                        : consumes[0].getType() + "/" + consumes[0].getSubtype();
                for (String method : m.getHttpMethods()) out.add(new Walked(method, template, type));
            }
        }
        List<Route> vertx = routerProbe.router().getRoutes();
        assertFalse(vertx.isEmpty(), "no Vert.x routes captured");
        addVertxRoutes(vertx, "", out);
        return new ArrayList<>(out);
    }

    /**
     * Quarkus serves /q/* from a framework router mounted on the application router; Vert.x' public API does not
     * expose a mounted router, so it is read from the mount route's handler (Vert.x 4.5: a method reference
     * capturing the sub-router).
     */
    private static void addVertxRoutes(List<Route> routes, String prefix, Set<Walked> out) throws ReflectiveOperationException {
        for (Route r : routes) {
            String p = r.getPath();
            if (p == null) continue;
            io.vertx.ext.web.Router sub = mountedRouter(r);
            if (sub != null) {
                addVertxRoutes(sub.getRoutes(), prefix + p.replaceAll("/?\\*?$", ""), out);
                continue;
            }
            String path = prefix + p;
            Set<io.vertx.core.http.HttpMethod> methods = r.methods();
            if (methods == null || methods.isEmpty()) {
                out.add(new Walked("GET", path, null));
                out.add(new Walked("POST", path, null));
            } else {
                for (io.vertx.core.http.HttpMethod m : methods) out.add(new Walked(m.name(), path, null));
            }
        }
    }

    private static io.vertx.ext.web.Router mountedRouter(Route route) throws ReflectiveOperationException {
        java.lang.reflect.Field stateField = route.getClass().getDeclaredField("state");
        stateField.setAccessible(true);
        Object state = stateField.get(route);
        java.lang.reflect.Method getter = state.getClass().getDeclaredMethod("getContextHandlers");
        getter.setAccessible(true);
        List<?> handlers = (List<?>) getter.invoke(state);
        for (Object handler : handlers) {
            for (java.lang.reflect.Field f : handler.getClass().getDeclaredFields()) {
                if (io.vertx.ext.web.Router.class.isAssignableFrom(f.getType())) {
                    f.setAccessible(true);
                    return (io.vertx.ext.web.Router) f.get(handler);
                }
            }
        }
        return null;
    }
}
