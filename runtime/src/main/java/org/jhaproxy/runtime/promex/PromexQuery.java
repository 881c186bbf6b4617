package org.jhaproxy.runtime.promex;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

/**
 * The exporter's query string (promex_parse_uri()): "scope=global|frontend|backend|server|
 * listener|sticktable|*" (repeatable; an empty one clears the scopes chosen so far; none means
 * all) and "no-maint" (servers in maintenance are left out). Other parameters are ignored.
 */
record PromexQuery(Set<Scope> scopes, boolean noMaint) {
    enum Scope {
        GLOBAL, FRONTEND, LISTENER, BACKEND, SERVER, STICKTABLE
    }

    /** Thrown for a query haproxy answers with a 400. */
    static final class Invalid extends Exception {
        Invalid() {
            super(null, null, false, false);
        }
    }

    boolean has(Scope s) {
        return scopes.contains(s);
    }

    static PromexQuery parse(String uri) throws Invalid {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        boolean scoped = false;
        boolean noMaint = false;
        int q = uri.indexOf('?');
        String qs = q < 0 ? "" : uri.substring(q + 1);
        int hash = qs.indexOf('#');
        if (hash >= 0) {
            qs = qs.substring(0, hash);
        }
        for (String param : qs.isEmpty() ? new String[0] : qs.split("&", -1)) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            String key = decode(eq < 0 ? param : param.substring(0, eq));
            String value = null;
            if (eq >= 0) {
                String raw = param.substring(eq + 1);
                if (raw.indexOf('=') >= 0) {
                    throw new Invalid();
                }
                value = decode(raw);
            }
            if (key.equals("scope")) {
                scoped = true;
                if (value == null) {
                    throw new Invalid();
                }
                switch (value) {
                    case "" -> scopes.clear();
                    case "*" -> scopes.addAll(EnumSet.allOf(Scope.class));
                    case "global" -> scopes.add(Scope.GLOBAL);
                    case "server" -> scopes.add(Scope.SERVER);
                    case "backend" -> scopes.add(Scope.BACKEND);
                    case "frontend" -> scopes.add(Scope.FRONTEND);
                    case "listener" -> scopes.add(Scope.LISTENER);
                    case "sticktable" -> scopes.add(Scope.STICKTABLE);
                    default -> throw new Invalid();
                }
            } else if (key.equals("no-maint")) {
                noMaint = true;
            }
        }
        if (!scoped) {
            scopes.addAll(EnumSet.allOf(Scope.class));
        }
        return new PromexQuery(scopes, noMaint);
    }

    /** url_decode() of a form parameter: "%xx" escapes and '+' as a space; a bad escape is an error. */
    private static String decode(String s) throws Invalid {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out.write(' ');
            } else if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new Invalid();
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new Invalid();
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
