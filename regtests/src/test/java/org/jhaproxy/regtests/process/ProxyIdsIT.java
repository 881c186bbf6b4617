package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proxy ids (the manual's "id" proxy keyword): a proxy keeps the id it is given and the others
 * are numbered in declaration order, the stats socket's GLOBAL proxy first, skipping the ids
 * given, with haproxy's counter that also moves past the proxies given one. Every
 * place that shows a proxy id agrees: "show stat" (iid, and its iid filter), "show servers
 * state" (be_id), fe_id and be_id.
 */
class ProxyIdsIT {
    static String config(Path dir, int fe) {
        return "global\n    stats socket " + dir.resolve("admin.sock") + " level admin\n"
                + "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n"
                + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    default_backend b2\n"
                + "backend b1\n    id 3\n    server s1 127.0.0.1:9\n"
                + "backend b2\n    http-request return status 200 hdr x-ids \"%[fe_id]/%[be_id]\"\n"
                + "backend b3\n    id 10\n    server s1 127.0.0.1:9 id 7\n    server s2 127.0.0.1:9\n"
                + "backend b4\n    server s1 127.0.0.1:9\n";
    }

    @Test
    void givenIdsAreKeptAndTheOthersFillTheGaps() throws Exception {
        List<String> j = ProxyPair.sameRuns("ProxyIdsIT", ProxyIdsIT::scenario);
        // the counter passes 3 and 10 as it walks b1 and b3: b4 gets 6, not 5 (servers alike: s2 gets 2)
        assertEquals("fe,FRONTEND,2,0\nb1,s1,3,1\nb1,BACKEND,3,0\nb2,BACKEND,4,0\nb3,s1,10,7\nb3,s2,10,2\n"
                + "b3,BACKEND,10,0\nb4,s1,6,1\nb4,BACKEND,6,0\n", j.get(0));
        assertEquals("b3,s1,10,7\nb3,s2,10,2\nb3,BACKEND,10,0\n", j.get(1));
        assertTrue(j.get(3).contains("x-ids: 2/4\r\n"), j.get(3));
    }

    private static List<String> scenario(Path program) throws Exception {
        Path dir = Files.createTempDirectory("proxyids");
        int fe = RunningProxy.freePort();
        try (RunningProxy p = RunningProxy.start(program, config(dir, fe), "-db").listening(fe)) {
            StatsCli.awaitSocket(dir, "admin.sock");
            List<String> out = new ArrayList<>();
            out.add(idColumns(DynamicServerIT.command(dir, "show stat")));
            out.add(idColumns(DynamicServerIT.command(dir, "show stat 10 -1 -1")));
            StringBuilder state = new StringBuilder();
            for (String line : DynamicServerIT.command(dir, "show servers state").split("\n")) {
                String[] f = line.split(" ");
                state.append(line.startsWith("#") || f.length < 4 ? line : String.join(" ", List.of(f).subList(0, 4)))
                        .append('\n');
            }
            out.add(state.toString());
            String answer = RawHttp.exchange(fe, "GET / HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n");
            out.add(answer.substring(0, answer.indexOf("\r\n\r\n") + 2));
            return out;
        }
    }

    /** pxname, svname, iid and sid of each CSV line. */
    private static String idColumns(String csv) {
        StringBuilder sb = new StringBuilder();
        for (String line : csv.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            sb.append(f[0]).append(',').append(f[1]).append(',').append(f[27]).append(',').append(f[28]).append('\n');
        }
        return sb.toString();
    }
}
