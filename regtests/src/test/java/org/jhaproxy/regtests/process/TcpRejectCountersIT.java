package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the tcp-request rules and a TCP stream's inspection count in the stats, as haproxy 2.6
 * does: "connection" rejects are dcon, "session" rejects dses, "content" rejects dreq of the
 * frontend only (a backend's rules too, though the backend counts the stream in its stot), and a
 * client that times out ("cR") or resets ("CR") while the rules wait is a failed request of the
 * frontend (ereq) and a client abort of the backend the rules chose (cli_abrt). Every connection
 * accepted is in the frontend's conn_tot, a rejected one too (it is counted before the rules).
 * In HTTP mode too the content rejects are dreq of the frontend (jhaproxy does not count the
 * HTTP backends' stot or the frontend's req_tot as haproxy does there yet: those rows are left
 * out).
 */
class TcpRejectCountersIT {
    private static final List<String> EXPECTED = List.of(
            "fconn FRONTEND dreq=0 dcon=1 dses=0 ereq=0 stot=0 conn_tot=1",
            "fsess FRONTEND dreq=0 dcon=0 dses=1 ereq=0 stot=0 conn_tot=1",
            "fcont FRONTEND dreq=1 dcon=0 dses=0 ereq=0 stot=1 conn_tot=1",
            "fbe FRONTEND dreq=2 dcon=0 dses=0 ereq=0 stot=2 conn_tot=2",
            "ftimeout FRONTEND dreq=0 dcon=0 dses=0 ereq=1 stot=1 conn_tot=1",
            "freset FRONTEND dreq=0 dcon=0 dses=0 ereq=1 stot=1 conn_tot=1",
            "hcont FRONTEND dreq=1 dcon=0 dses=0 ereq=0 stot=1 conn_tot=1",
            "hbe FRONTEND dreq=1 dcon=0 dses=0 ereq=0 stot=1 conn_tot=1",
            "bdeny BACKEND stot=2 cli_abrt=0",
            "btimeout BACKEND stot=1 cli_abrt=1",
            "breset BACKEND stot=1 cli_abrt=1");

    @Test
    void rejectsAndInspectionAbortsAreCountedAsHaproxyCountsThem() throws Exception {
        ProcessModeIT.sameOnEach(EXPECTED, TcpRejectCountersIT::run);
    }

    private static List<String> run(Path program) throws Exception {
        Path dir = ProcessIdentityIT.directory();
        Path sock = dir.resolve("s.sock");
        List<Integer> ports = new ArrayList<>();
        for (int port : RunningProxy.freePorts(9)) {
            ports.add(port);
        }
        try (TestBackend be = new TestBackend(TestBackend.OK)) {
            String server = "    server s1 127.0.0.1:" + be.port() + "\n";
            String inspect = "    tcp-request inspect-delay 10s\n    tcp-request content accept if { req.len gt 10 }\n";
            String cfg = "global\n    stats socket " + sock + " level admin\n\n"
                    + "defaults\n    mode tcp\n    timeout connect 2s\n    timeout client 10s\n    timeout server 10s\n\n"
                    + frontend("fconn", ports.get(0), "    tcp-request connection reject\n", "be")
                    + frontend("fsess", ports.get(1), "    tcp-request session reject\n", "be")
                    + frontend("fcont", ports.get(2), "    tcp-request content reject\n", "be")
                    + frontend("fbe", ports.get(3), "", "bdeny")
                    + frontend("ftimeout", ports.get(4), "    timeout client 300ms\n" + inspect, "btimeout")
                    + frontend("freset", ports.get(5), inspect, "breset")
                    + frontend("probe", ports.get(6), "", "be")
                    + frontend("hcont", ports.get(7), "    mode http\n    tcp-request content reject\n", "hb")
                    + frontend("hbe", ports.get(8), "    mode http\n", "hbdeny")
                    + "backend be\n" + server + "backend bdeny\n    tcp-request content reject\n" + server
                    + "backend btimeout\n" + server + "backend breset\n" + server
                    + "backend hb\n    mode http\n" + server + "backend hbdeny\n    mode http\n    tcp-request content reject\n" + server;
            try (RunningProxy p = RunningProxy.start(program, cfg, "-db").listening(ports.get(6))) {
                assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> Files.exists(sock)), program + ": " + p.output());
                for (int i : List.of(0, 1, 2, 3, 3)) {
                    try (Socket c = connect(ports.get(i))) {
                        drain(c.getInputStream());
                    } catch (java.net.SocketException reset) {
                        // "tcp-request connection reject" resets, at times before connect() returned
                    }
                }
                try (Socket c = connect(ports.get(4))) {
                    c.getOutputStream().write("hi".getBytes(StandardCharsets.US_ASCII));
                    drain(c.getInputStream());
                }
                try (Socket c = connect(ports.get(5))) {
                    c.getOutputStream().write("hi".getBytes(StandardCharsets.US_ASCII));
                    // reset once the stream waits in the inspection
                    assertTrue(RunningProxy.within(Duration.ofSeconds(10),
                            () -> rows(StatsCli.ask(sock, "show stat\n"), "scur").contains("freset FRONTEND scur=1")));
                    c.setSoLinger(true, 0);
                }
                for (int i : List.of(7, 8)) {
                    try (Socket c = connect(ports.get(i))) {
                        c.getOutputStream().write("GET / HTTP/1.1\r\nhost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        drain(c.getInputStream());
                    } catch (java.net.SocketException reset) {
                        // a rejected request's connection is closed, at times reset
                    }
                }
                List<String> rows = new ArrayList<>();
                RunningProxy.within(Duration.ofSeconds(10), () -> {
                    rows.clear();
                    rows.addAll(rows(StatsCli.ask(sock, "show stat\n"), null));
                    return rows.equals(EXPECTED);
                });
                return rows;
            }
        } finally {
            ProcessIdentityIT.delete(dir);
        }
    }

    private static String frontend(String name, int port, String rules, String backend) {
        return "frontend " + name + "\n    bind 127.0.0.1:" + port + "\n" + rules + "    default_backend " + backend + "\n\n";
    }

    private static Socket connect(int port) throws IOException {
        Socket c = new Socket();
        c.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        c.setSoTimeout(10000);
        return c;
    }

    /** Reads until the proxy closes (a FIN or a reset). */
    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[512];
        try {
            while (in.read(buf) > 0) {
                // what the rejected stream gets does not matter here: its end does
            }
        } catch (java.net.SocketException reset) {
            // "tcp-request connection reject" resets
        }
    }

    /**
     * The rows of "show stat" the test looks at: {@code only} one field of the frontends, else
     * the denied and failed requests of the frontends and stot, cli_abrt of the backends.
     */
    private static List<String> rows(String csv, String only) {
        String[] lines = csv.split("\n");
        if (lines.length < 2 || !lines[0].startsWith("# ")) {
            return List.of();
        }
        List<String> head = List.of(lines[0].substring(2).split(","));
        List<String> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            if (f.length < head.size() || f[0].equals("probe") || f[0].equals("be") || f[0].startsWith("hb") && !f[0].equals("hbe")
                    || f[1].equals("s1")) {
                continue;
            }
            List<String> fields = only != null ? List.of(only)
                    : f[1].equals("FRONTEND") ? List.of("dreq", "dcon", "dses", "ereq", "stot", "conn_tot") : List.of("stot", "cli_abrt");
            StringBuilder sb = new StringBuilder(f[0] + " " + f[1]);
            for (String name : fields) {
                sb.append(' ').append(name).append('=').append(f[head.indexOf(name)]);
            }
            if (only == null || f[1].equals("FRONTEND")) {
                out.add(sb.toString());
            }
        }
        return out;
    }
}
