package org.jhaproxy.runtime.sample;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;

/** The cookies of the "Cookie" header lines, "name=value" separated by ';' (or ','). */
final class Cookies {
    private Cookies() {
    }

    static List<String> values(HttpHeaders h, String name) {
        List<String> out = new ArrayList<>(1);
        if (h == null) {
            return out;
        }
        for (String line : h.getAll("cookie")) {
            for (String part : line.split("[;,]")) {
                int eq = part.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String n = part.substring(0, eq).trim();
                if (name.isEmpty() || n.equals(name)) {
                    out.add(part.substring(eq + 1).trim());
                }
            }
        }
        return out;
    }
}
