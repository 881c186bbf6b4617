package org.jhaproxy.config.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Names what a fetch reads from ("HTTP request headers", "client address"...) for messages
 * such as "needs '%s' which is not available here" (sample_src_names()). The -dK dump only
 * gives where a fetch is valid, so the source is inferred from that set (each source of
 * fetch_cap[] has its own), the fetch name settling sources that share one set.
 */
public final class SampleSources {
    private record Source(int validAt, String name) {
    }

    private static volatile List<Source> sources;

    private SampleSources() {
    }

    public static String names(SampleFetch f) {
        String n = f.name();
        int v = f.validAt() & 0x3FFFFF;
        if (v == 2044) {
            return n.startsWith("req.payload") || n.startsWith("payload") || n.startsWith("req.len") || n.startsWith("req_len")
                    || n.contains("ssl") || n.contains("rdp") ? "request buffer" : "HTTP request headers";
        }
        if (v == 784384) {
            return n.startsWith("res.payload") || n.startsWith("res.len") || n.contains("ssl") ? "response buffer" : "HTTP response headers";
        }
        if (v == 524287) {
            if (n.startsWith("fe_") || n.startsWith("fe.")) {
                return "frontend";
            }
            return n.startsWith("sc") || n.startsWith("src_") || n.startsWith("table_") ? "track counters" : "listener";
        }
        for (Source s : all()) {
            if (s.validAt == v) {
                return s.name;
            }
        }
        return "internal state";
    }

    private static List<Source> all() {
        List<Source> s = sources;
        if (s == null) {
            s = new ArrayList<>();
            try (InputStream in = SampleFetch.class.getResourceAsStream("sources.txt")) {
                if (in != null) {
                    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                    String l;
                    while ((l = r.readLine()) != null) {
                        int sp = l.indexOf(' ');
                        if (sp > 0) {
                            s.add(new Source(Integer.parseInt(l.substring(0, sp)), l.substring(sp + 1)));
                        }
                    }
                }
            } catch (IOException e) {
                // keep what was read: the name only appears in a message
            }
            sources = s;
        }
        return s;
    }
}
