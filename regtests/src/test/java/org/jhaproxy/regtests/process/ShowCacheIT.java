package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "show cache" (management.txt 9.3) after objects were stored, differential against haproxy: a
 * line per cache with its available blocks, then one per object in hash order with its size
 * and blocks as haproxy counts them (the entry, then each HTX block), its refcount and expiry.
 * Addresses differ by nature and are normalised; the expiry is compared within a second. The
 * counters of show stat (cache_lookups, cache_hits, intercepted) are compared too, and a
 * "level operator" socket gets no answer at all, as in haproxy.
 */
class ShowCacheIT {
    static String config(Path dir, int fe, int be) {
        return "global\n    stats socket " + dir.resolve("admin.sock") + " level admin\n"
                + "    stats socket " + dir.resolve("user.sock") + " level operator\n"
                + "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n"
                + "cache small\n    total-max-size 1\n    max-age 20\n"
                + "cache other\n    total-max-size 2\n    max-object-size 4000\n"
                + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    http-request cache-use small\n"
                + "    http-response cache-store small\n    default_backend be\n"
                + "backend be\n    http-request cache-use other if { path_beg /o }\n"
                + "    http-response cache-store other\n    server s1 127.0.0.1:" + be + "\n";
    }

    /** /chunk: a chunked body; /age: an Age the store removes; /o...: 3000 bytes in the backend's cache. */
    private static final TestBackend.Behaviour ORIGIN = (head, out) -> {
        String path = head.split(" ")[1];
        String r;
        if (path.startsWith("/chunk")) {
            r = "HTTP/1.1 200 OK\r\nCache-Control: max-age=30\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
        } else if (path.startsWith("/age")) {
            r = "HTTP/1.1 200 OK\r\nCache-Control: max-age=30\r\nAge: 7\r\nContent-Length: 5\r\n\r\nhello";
        } else if (path.startsWith("/o")) {
            r = "HTTP/1.1 200 OK\r\nCache-Control: max-age=30\r\nContent-Length: 3000\r\n\r\n" + "x".repeat(3000);
        } else {
            r = "HTTP/1.1 200 OK\r\nCache-Control: max-age=30\r\nX-A: 1\r\nContent-Length: 5\r\n\r\nhello";
        }
        out.write(r.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return true;
    };

    @Test
    void sameObjectsSizesAndCountersAsHaproxy() throws Exception {
        List<String> j = ProxyPair.sameRuns("ShowCacheIT", ShowCacheIT::scenario);
        assertTrue(j.get(0).contains(": small (shctx:0xADDR, available blocks:1024)\n"), j.get(0));
    }

    private static List<String> scenario(Path program) throws Exception {
        Path dir = Files.createTempDirectory("showcache");
        int fe = RunningProxy.freePort();
        try (TestBackend origin = new TestBackend(ORIGIN);
             RunningProxy p = RunningProxy.start(program, config(dir, fe, origin.port()), "-db").listening(fe)) {
            StatsCli.awaitSocket(dir, "admin.sock");
            for (String path : List.of("/", "/chunk", "/age", "/o1", "/o2", "/", "/o1", "/nostore?x")) {
                RawHttp.exchange(fe, "GET " + path + " HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n");
            }
            List<String> out = new ArrayList<>();
            out.add(normalise(StatsCli.command(dir, "show cache")));
            out.add(StatsCli.command(dir, "user.sock show cache"));
            StringBuilder counters = new StringBuilder();
            for (String line : StatsCli.command(dir, "show stat").split("\n")) {
                String[] f = line.split(",", -1);
                if (f.length > 87) {
                    counters.append(f[0]).append(',').append(f[1]).append(',').append(f[80]).append(',')
                            .append(f[86]).append(',').append(f[87]).append('\n');
                }
            }
            out.add(counters.toString());
            return out;
        }
    }

    /** Addresses become 0xADDR; an expiry of 29 or 30 (the second the store fell in) becomes its bound. */
    private static String normalise(String showCache) {
        return showCache.replaceAll("(?m)^0x[0-9a-f]+", "0xADDR").replaceAll("shctx:0x[0-9a-f]+", "shctx:0xADDR").replaceAll("expire:(1[89]|20)\n", "expire:20\n")
                .replaceAll("expire:(29|30)\n", "expire:30\n");
    }
}
