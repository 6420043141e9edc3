/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** docs/security/rbac-matrix.md, read as the tests' statement of who may be served what. */
final class RbacMatrix {

    static final Path FILE = Path.of("..", "docs", "security", "rbac-matrix.md");

    record Route(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A row of the "Routes outside /api/v1" table: method and path glob ({@code *} = anything), and who is served. */
    record OtherRoute(String method, Pattern path, String pattern, String servedTo) {
        boolean matches(String m, String p) {
            return (method.equals("*") || method.equals(m)) && path.matcher(p).matches();
        }
    }

    final List<String> roles = new ArrayList<>();
    final Map<String, Set<String>> allowedByAction = new LinkedHashMap<>();
    final Map<Route, String> actionByRoute = new LinkedHashMap<>();
    final List<OtherRoute> otherRoutes = new ArrayList<>();

    static RbacMatrix read() throws IOException {
        RbacMatrix m = new RbacMatrix();
        String table = null;
        for (String line : Files.readAllLines(FILE)) {
            if (!line.startsWith("|") || line.startsWith("|---")) continue;
            List<String> cells = cells(line);
            String first = cells.get(0);
            if (first.equals("Action") || first.equals("Route") || first.equals("Route pattern")) {
                table = first;
                if (first.equals("Action")) m.roles.addAll(cells.subList(1, cells.size() - 1));
                continue;
            }
            if ("Action".equals(table)) {
                Set<String> allowed = new TreeSet<>();
                for (int i = 0; i < m.roles.size(); i++) if (cells.get(i + 1).equals("✓")) allowed.add(m.roles.get(i));
                m.allowedByAction.put(first, allowed);
            } else if ("Route".equals(table)) {
                String[] route = first.replace("`", "").split(" ", 2);
                m.actionByRoute.put(new Route(route[0], route[1]), cells.get(1));
            } else if ("Route pattern".equals(table)) {
                String[] route = first.replace("`", "").split(" ", 2);
                String regex = Pattern.quote(route[1]).replace("*", "\\E.*\\Q");
                m.otherRoutes.add(new OtherRoute(route[0], Pattern.compile(regex), first, cells.get(1)));
            }
        }
        return m;
    }

    /** Who the matrix serves for this route: a set of roles, or {@code everyone}/{@code nobody}/{@code service} for other routes. */
    Set<String> servedTo(String method, String template) {
        if (template.startsWith("/api/v1/") || template.equals("/api/v1")) {
            String action = actionByRoute.get(new Route(method, template));
            return action == null ? null : allowedByAction.get(action);
        }
        for (OtherRoute r : otherRoutes) {
            if (r.matches(method, template)) {
                return switch (r.servedTo()) {
                    case "everyone" -> Set.of("everyone");
                    case "nobody", "the service itself" -> Set.of();
                    default -> Set.of(r.servedTo().split(",\\s*"));
                };
            }
        }
        return null;
    }

    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        for (String c : line.substring(1, line.length() - 1).split("\\|", -1)) out.add(c.trim());
        return out;
    }
}
