package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The "table" lines of a peers section (configuration.txt 3.5 "table"): stick-tables named
 * "peers/table", used by track-sc and sc fetches with "table peers/table", listed by "show
 * table" among the proxies' tables in declaration order (last first). Differential: the same
 * configuration and requests on haproxy 2.6.12 give the same answers and the same dumps, entry
 * addresses and remaining times aside.
 */
class PeersTablesIT {
    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]+:");
    private static final Pattern EXP = Pattern.compile("exp=[0-9]+");

    static String config(Path dir, int port) {
        return "global\n    nbthread 1\n    stats socket " + dir.resolve("admin.sock") + " level admin\n\n"
                + "backend first\n    stick-table type ip size 1\n\n"
                + "peers mycluster\n"
                + "    table t1 type string len 1000 size 200k expire 5m nopurge store gpc0,conn_rate(30s)\n"
                + "    table t2 type ip size 10 store http_req_cnt\n\n"
                + "defaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n\n"
                + "frontend fe\n    bind 127.0.0.1:" + port + "\n"
                + "    http-request track-sc0 src table mycluster/t2\n"
                + "    http-request track-sc1 path table mycluster/t1\n"
                + "    http-request sc-inc-gpc0(1)\n"
                + "    http-request return status 200 content-type text/plain"
                + " lf-string \"n=%[sc0_http_req_cnt] g=%[sc1_get_gpc0] c=%[table_cnt(mycluster/t1)]\\n\"\n\n"
                + "backend last\n    stick-table type integer size 5\n";
    }

    @Test
    void peersTablesAreStickTablesNamedAfterTheirSection() throws Exception {
        Path jdir = Files.createTempDirectory("peerstj");
        int jPort = RunningProxy.freePort();
        Path hdir = Files.createTempDirectory("peersth");
        int hPort = RunningProxy.freePort();
        try (RunningProxy j = RunningProxy.start(config(jdir, jPort), "-db").listening(jPort);
             RunningProxy h = Files.isExecutable(HAPROXY) ? RunningProxy.start(HAPROXY, config(hdir, hPort), "-db").listening(hPort) : null) {
            assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> Files.exists(jdir.resolve("admin.sock"))));
            for (String path : new String[] {"/a", "/b", "/a"}) {
                String req = "GET " + path + " HTTP/1.1\r\nhost: x\r\n\r\n";
                String answer = RawHttp.exchange(jPort, req);
                if (h != null) {
                    assertEquals(RawHttp.exchange(hPort, req), answer);
                }
            }
            assertTrue(RawHttp.exchange(jPort, "GET /a HTTP/1.1\r\nhost: x\r\n\r\n").endsWith("n=4 g=3 c=2\n"));
            if (h != null) {
                RawHttp.exchange(hPort, "GET /a HTTP/1.1\r\nhost: x\r\n\r\n");
            }
            String list = same(jdir, hdir, h != null, "show table");
            assertEquals("# table: last, type: integer, size:5, used:0\n# table: mycluster/t2, type: ip, size:10, used:1\n"
                    + "# table: mycluster/t1, type: string, size:204800, used:2\n# table: first, type: ip, size:1, used:0\n\n", list);
            same(jdir, hdir, h != null, "show table mycluster/t1");
            same(jdir, hdir, h != null, "show table mycluster/t2");
            same(jdir, hdir, h != null, "show table t1");
            j.assertCleanOutput();
        }
    }

    private static String same(Path jdir, Path hdir, boolean withHaproxy, String command) {
        String j = normalised(jdir, command);
        if (withHaproxy) {
            assertEquals(normalised(hdir, command), j, "answer to " + command);
        }
        return j;
    }

    private static String normalised(Path dir, String command) {
        return EXP.matcher(ADDRESS.matcher(StatsCli.command(dir, command)).replaceAll("0xPTR:")).replaceAll("exp=X");
    }
}
