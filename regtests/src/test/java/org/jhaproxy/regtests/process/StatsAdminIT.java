package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "stats admin if <cond>" (configuration.txt 4.2): the POSTs of the stats page's admin form, sent
 * to jhaproxy and to haproxy 2.6 on the same configuration. Each 303 answer ("location:
 * /stats;st=DONE" and the others) must be the same bytes, and the server state messages the
 * actions print the same lines, pids aside.
 */
class StatsAdminIT {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static String config(int stats, int denied) {
        return """
                defaults
                    mode http
                    timeout connect 1s
                    timeout client 5s
                    timeout server 5s
                listen stats
                    bind 127.0.0.1:%d
                    stats enable
                    stats uri /stats
                    stats refresh 5s
                    stats admin if { src 127.0.0.1 }
                listen readonly
                    bind 127.0.0.1:%d
                    stats uri /
                    stats admin if FALSE
                backend be_app
                    server web1 127.0.0.1:9
                    server web2 127.0.0.1:9
                """.formatted(stats, denied);
    }

    private static String post(String uri, String version, String headers, String body) {
        return "POST " + uri + " HTTP/" + version + "\r\nHost: a\r\n" + headers + "Content-Length: " + body.length()
                + "\r\n\r\n" + body;
    }

    /** The requests, in order: each changes the state the next one finds. */
    private static final List<String> ADMIN = List.of(
            // both servers to maintenance: the options of the page's URI come back in the location
            post("/stats;norefresh;up?scope=be_", "1.1", "", "s=web1&s=web2&action=maint&b=be_app"),
            // already in maintenance: still DONE, as srv_adm_set_maint() counts it
            post("/stats", "1.1", "", "s=web1&action=maint&b=be_app"),
            post("/stats", "1.1", "", "s=web1&action=ready&b=be_app"),
            // a server unknown to the backend: PART
            post("/stats", "1.1", "", "s=web2&s=nope&action=enable&b=be_app"),
            post("/stats", "1.1", "", "s=web2&action=bogus&b=be_app"),
            post("/stats", "1.1", "", "s=web2&action=ready&b=nobe"),
            // no health check on web2: nothing counts
            post("/stats", "1.1", "", "s=web2&action=dhlth&b=be_app"),
            post("/stats", "1.1", "", "s=web2&action=hdown&b=be_app"),
            post("/stats", "1.1", "", "s=web2&action=hrunn&b=be_app"),
            post("/stats", "1.1", "", "s=web1&action=drain&b=be_app"),
            // the form in chunks
            "POST /stats HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\ns=web\r\n17\r\n1&action=ready&b=be_app\r\n0\r\n\r\n",
            post("/stats", "1.1", "", "action=shutdown&b=be_app&s=web2"),
            // no server named; then the connection header of the H1 mux
            post("/stats", "1.0", "", ""),
            post("/stats", "1.1", "Connection: close\r\n", ""),
            post("/stats", "1.0", "Connection: keep-alive\r\n", ""));

    private record Outcome(List<String> answers, List<String> messages) {
    }

    private static Outcome scenario(Path program) throws Exception {
        int stats = RunningProxy.freePort();
        int denied = RunningProxy.freePort();
        try (RunningProxy p = RunningProxy.start(program, config(stats, denied), "-db")) {
            List<String> answers = new ArrayList<>();
            answers.add(RawHttp.exchangeOnceBound(denied, post("/", "1.1", "", "s=web1&action=maint&b=be_app"), DEADLINE));
            answers.add(RawHttp.exchangeOnceBound(stats, ADMIN.get(0), DEADLINE));
            for (String r : ADMIN.subList(1, ADMIN.size())) {
                answers.add(RawHttp.exchange(stats, r));
            }
            // the messages of 8 changes: 2 to maintenance (and the backend down), back up, down, up, drain, ready
            assertTrue(RunningProxy.within(DEADLINE, () -> p.output().lines().filter(l -> l.contains("Server be_app/")).count() >= 8),
                    p.output());
            List<String> messages = p.output().lines().filter(l -> l.startsWith("[WARNING]") || l.startsWith("[ALERT]"))
                    .map(l -> l.replaceFirst("\\(\\d+\\)", "(pid)")).toList();
            return new Outcome(answers, messages);
        }
    }

    @Test
    void adminPostsAnswerAndChangeAsHaproxy() throws Exception {
        Outcome jh = scenario(RunningProxy.jhaproxy());
        assertEquals("HTTP/1.1 303 See Other\r\ncache-control: no-cache\r\ncontent-type: text/plain\r\ncontent-length: 0\r\n"
                + "location: /;st=DENY\r\n\r\n", jh.answers().get(0));
        assertEquals("HTTP/1.1 303 See Other\r\ncache-control: no-cache\r\ncontent-type: text/plain\r\ncontent-length: 0\r\n"
                + "location: /stats;st=DONE;up;norefresh?scope=be_\r\n\r\n", jh.answers().get(1));
        assertTrue(jh.messages().contains("[WARNING]  (pid) : Server be_app/web2 is DOWN, changed from Web interface. "
                + "1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue."), jh.messages().toString());
        Path haproxy = haproxy();
        if (haproxy == null) {
            System.out.println("StatsAdminIT: haproxy not installed, the answers are not compared with it");
            return;
        }
        Outcome ha = scenario(haproxy);
        for (int i = 0; i < ha.answers().size(); i++) {
            assertEquals(ha.answers().get(i), jh.answers().get(i), "the answer to request " + i);
        }
        assertEquals(ha.messages(), jh.messages(), "the state change messages");
    }

    private static Path haproxy() {
        for (String d : (System.getenv("PATH") + ":/usr/sbin:/usr/local/sbin").split(":")) {
            Path p = Path.of(d, "haproxy");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
