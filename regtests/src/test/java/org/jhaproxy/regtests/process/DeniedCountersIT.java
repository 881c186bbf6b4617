package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The denied requests and responses of the stats (dreq, dresp): an http-request deny of the
 * frontend counts in the frontend only, one of the backend in both (the backend was assigned), an
 * http-response deny in the frontend, the backend and the server, as haproxy 2.6 counts them.
 */
class DeniedCountersIT {

    @Test
    void deniesAreCountedWhereHaproxyCountsThem() throws Exception {
        List<List<String>> runs = new ArrayList<>();
        for (Path program : ProcessModeIT.programs()) {
            runs.add(run(program));
        }
        assertEquals(List.of("fe FRONTEND dreq=2 dresp=1", "be s1 dreq= dresp=1", "be BACKEND dreq=1 dresp=1"), runs.get(0));
        if (runs.size() > 1) {
            assertEquals(runs.get(1), runs.get(0));
        }
    }

    private static List<String> run(Path program) throws Exception {
        Path dir = ProcessIdentityIT.directory();
        Path sock = dir.resolve("s.sock");
        int fe = RunningProxy.freePort();
        try (TestBackend be = new TestBackend(TestBackend.OK)) {
            String cfg = "global\n    stats socket " + sock + " level admin\n\n"
                    + "defaults\n    mode http\n    timeout connect 2s\n    timeout client 10s\n    timeout server 10s\n\n"
                    + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    http-request deny if { path /fdeny }\n"
                    + "    default_backend be\n\n"
                    + "backend be\n    http-request deny if { path /bdeny }\n    http-request set-var(txn.p) path\n"
                    + "    http-response deny if { var(txn.p) -m str /rdeny }\n"
                    + "    server s1 127.0.0.1:" + be.port() + "\n";
            try (RunningProxy p = RunningProxy.start(program, cfg, "-db").listening(fe)) {
                assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> Files.exists(sock)), program + ": " + p.output());
                for (String path : List.of("/fdeny", "/bdeny", "/rdeny", "/ok")) {
                    String r = RawHttp.exchange(fe, "GET " + path + " HTTP/1.1\r\nhost: a\r\nconnection: close\r\n\r\n");
                    assertTrue(r.startsWith("HTTP/1.1 "), program + " " + path + ": " + r);
                }
                return rows(StatsCli.ask(sock, "show stat\n"));
            }
        } finally {
            ProcessIdentityIT.delete(dir);
        }
    }

    /** pxname svname dreq dresp of the fe and be rows of "show stat". */
    private static List<String> rows(String csv) {
        String[] lines = csv.split("\n");
        List<String> head = List.of(lines[0].substring(2).split(","));
        int dreq = head.indexOf("dreq");
        int dresp = head.indexOf("dresp");
        List<String> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            if (f.length > dresp && (f[0].equals("fe") || f[0].equals("be"))) {
                out.add(f[0] + " " + f[1] + " dreq=" + f[dreq] + " dresp=" + f[dresp]);
            }
        }
        return out;
    }

}
