package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stats socket (management.txt section 9.3), differential: the same commands, sent as the
 * same bytes to jhaproxy and to haproxy 2.6.12 running the same configuration, get the same
 * answer bytes. Only the process's identity and timings (pid, uptime, version, counters of
 * "show info") are normalised. Without haproxy installed, the haproxy half is skipped and only
 * the answers known by heart are checked.
 */
class StatsSocketIT {
    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    private static Path dir;
    private static RunningProxy jhaproxy;
    private static Process haproxy;
    private static int jTcp;
    private static int hTcp;
    private static int jLb;
    private static TestBackend lb1;
    private static TestBackend lb2;

    static String config(Path sockets, int cliPort, int fePort, int lbPort) {
        return "global\n"
                + "    stats socket " + sockets.resolve("admin.sock") + " mode 600 level admin\n"
                + "    stats socket " + sockets.resolve("user.sock") + " level user\n"
                + "    stats socket " + sockets.resolve("op.sock") + " level operator\n"
                + "    stats socket ipv4@127.0.0.1:" + cliPort + "\n"
                + "    stats timeout 30s\n\n"
                + "defaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n\n"
                + "frontend fe\n    bind 127.0.0.1:" + fePort + "\n    default_backend b\n\n"
                + "backend b\n    server s1 127.0.0.1:9\n    server s2 127.0.0.1:9 weight 20\n\n"
                + "frontend fe2\n    bind 127.0.0.1:" + lbPort + "\n    default_backend lb\n\n"
                + "backend lb\n    server s1 127.0.0.1:" + lb1.port() + "\n    server s2 127.0.0.1:" + lb2.port() + "\n\n"
                + "backend adm\n    server s1 127.0.0.1:9\n    server s2 127.0.0.1:9 weight 20\n"
                + "    server s3 127.0.0.1:9 disabled\n    server s4 127.0.0.1:9 backup\n\n"
                + "backend st\n    balance static-rr\n    server s1 127.0.0.1:9\n";
    }

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("statssock");
        Files.createDirectories(dir.resolve("j"));
        lb1 = new TestBackend(TestBackend.OK);
        lb2 = new TestBackend(TestBackend.OK);
        jTcp = RunningProxy.freePort();
        int jFe = RunningProxy.freePort();
        jLb = RunningProxy.freePort();
        jhaproxy = RunningProxy.start(config(dir.resolve("j"), jTcp, jFe, jLb), "-db").listening(jFe);
        if (Files.isExecutable(HAPROXY)) {
            Files.createDirectories(dir.resolve("h"));
            hTcp = RunningProxy.freePort();
            int hFe = RunningProxy.freePort();
            Files.writeString(dir.resolve("h/t.cfg"), config(dir.resolve("h"), hTcp, hFe, RunningProxy.freePort()));
            haproxy = new ProcessBuilder(HAPROXY.toString(), "-f", "t.cfg", "-db").directory(dir.resolve("h").toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("h/output").toFile()).start();
            assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> Files.exists(dir.resolve("h/admin.sock"))),
                    "haproxy did not start");
        } else {
            System.out.println("StatsSocketIT: " + HAPROXY + " is not installed, the haproxy half is skipped");
        }
        assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> Files.exists(dir.resolve("j/admin.sock"))));
    }

    @AfterAll
    static void stop() throws Exception {
        if (haproxy != null) {
            haproxy.destroy();
            haproxy.waitFor(10, TimeUnit.SECONDS);
        }
        if (jhaproxy != null) {
            jhaproxy.assertCleanOutput();
            jhaproxy.close();
        }
        lb1.close();
        lb2.close();
    }

    /** Sends {@code request} on a socket ("admin.sock", ..., or "tcp"), shuts the write side, reads to the end. */
    static String exchange(String side, String socket, String request) throws IOException {
        SocketChannel ch;
        if (socket.equals("tcp")) {
            ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", side.equals("j") ? jTcp : hTcp));
        } else {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(dir.resolve(side).resolve(socket)));
        }
        try (ch) {
            ch.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.ISO_8859_1)));
            ch.shutdownOutput();
            // read until the proxy closes, within a deadline
            ch.configureBlocking(false);
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            StringBuilder out = new StringBuilder();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            try (Selector sel = Selector.open()) {
                ch.register(sel, SelectionKey.OP_READ);
                while (System.nanoTime() < end) {
                    sel.select(200);
                    int n = ch.read(buf);
                    if (n < 0) {
                        return out.toString();
                    }
                    buf.flip();
                    out.append(StandardCharsets.ISO_8859_1.decode(buf));
                    buf.clear();
                }
            }
            return out + "<not closed>";
        }
    }

    /** The answer of jhaproxy, checked equal to haproxy's when it is installed. */
    static String same(String socket, String request) throws IOException {
        String j = normalised(exchange("j", socket, request));
        if (haproxy != null) {
            assertEquals(normalised(exchange("h", socket, request)), j, "answer to " + request.replace("\n", "\\n") + " on " + socket);
        }
        return j;
    }

    /** Values that name the process or its timings, and the process's counters, become "N". */
    static String normalised(String answer) {
        List<String> out = new ArrayList<>();
        for (String l : answer.split("\n", -1)) {
            int colon = l.indexOf(": ");
            String k = colon < 0 ? "" : l.substring(0, colon);
            if (List.of("Version", "Release_date", "Build info", "Pid", "Uptime", "Uptime_sec", "Ulimit-n", "Maxsock",
                    "Maxconn", "Hard_maxconn", "CurrConns", "CumConns", "CumReq", "Tasks", "Jobs", "TotalBytesOut",
                    "BytesOutRate", "PoolAlloc_bytes", "PoolUsed_bytes", "Start_time_sec", "node").contains(k)) {
                l = k + ": N";
            }
            out.add(l);
        }
        return String.join("\n", out);
    }

    @Test
    void helpIsHaproxysCommandList() throws IOException {
        String help = same("admin.sock", "help\n");
        assertTrue(help.startsWith("The following commands are valid at this level:\n  abort ssl ca-file"), help);
        assertTrue(help.endsWith("  quit                                    : disconnect\n\n"), help);
    }

    @Test
    void unknownCommandsGetHaproxysSuggestions() throws IOException {
        assertTrue(same("admin.sock", "foo\n").startsWith("Unknown command, but maybe one of the following ones is a better match:\n"));
        same("admin.sock", "show inf\n");
        same("admin.sock", "shoow servers state\n");
        same("admin.sock", "help show servers\n");
        assertTrue(same("admin.sock", "\n").startsWith("Unknown command. Please enter one of the following commands only:\n"));
        same("admin.sock", "debug dev exit\n");
    }

    @Test
    void levelsAreEnforced() throws IOException {
        assertEquals("admin\n\n", same("admin.sock", "show cli level\n"));
        assertEquals("user\n\n", same("user.sock", "show cli level\n"));
        assertEquals("operator\n\n", same("op.sock", "show cli level\n"));
        assertEquals("operator\n\n", same("tcp", "show cli level\n"));
        assertEquals("Permission denied\n\n", same("user.sock", "operator\n"));
        assertEquals("\nuser\n\nPermission denied\n\n", same("admin.sock", "user;show cli level;operator\n"));
    }

    @Test
    void chainsEscapesAndIncompleteLines() throws IOException {
        assertEquals("admin\n\nadmin\n\n", same("admin.sock", "show cli level;show cli level\n"));
        assertEquals("admin\n\nadmin\n\n", same("admin.sock", "show cli level\nshow cli level\n"));
        same("admin.sock", "show cli level\\;x\n");
        same("admin.sock", "show\\ cli level\n");
        assertEquals("", same("admin.sock", "show cli level"));
        assertEquals("admin\n\n", same("admin.sock", "show cli level\r\n"));
    }

    @Test
    void promptModeFramesEachAnswer() throws IOException {
        assertEquals("\n> admin\n\n> ", same("admin.sock", "prompt\nshow cli level\n"));
        assertEquals("\n> admin\n\n> ", same("admin.sock", "prompt\nshow cli level\nquit\n"));
        assertEquals("\n> \nadmin\n\n", same("admin.sock", "prompt\nprompt\nshow cli level\n"));
        same("user.sock", "prompt\noperator\nfoo bar\n");
    }

    @Test
    void setTimeoutCli() throws IOException {
        assertEquals("\n", same("admin.sock", "set timeout cli 5\n"));
        same("admin.sock", "set timeout cli\n");
        same("admin.sock", "set timeout cli 0\n");
        same("admin.sock", "set timeout server 5\n");
    }

    @Test
    void showInfoFieldsInHaproxysOrder() throws IOException {
        String info = same("admin.sock", "show info\n");
        assertTrue(info.startsWith("Name: HAProxy\nVersion: N\n"), info);
        assertTrue(info.endsWith("Tainted: 0\n\n"), info);
    }

    @Test
    void backendsWeightsAndEnvironment() throws IOException {
        assertEquals("# name\nb\nlb\nadm\nst\n\n", same("admin.sock", "show backend\n"));
        assertEquals("20 (initial 20)\n\n", same("user.sock", "get weight b/s2\n"));
        same("admin.sock", "get weight b/x;get weight x/s1;get weight b;get weight;get weight fe/s1;get weight b/#1\n");
        assertEquals("Variable not found\n\n", same("admin.sock", "show env JHAPROXY_NO_SUCH_VARIABLE\n"));
        assertEquals("Permission denied\n\n", same("user.sock", "show env\n"));
    }

    /**
     * The lines jhaproxy printed on stderr that mention {@code needle}, pid normalised, checked
     * equal to haproxy's once both printed as many (within a deadline).
     */
    static List<String> messages(String needle) throws IOException {
        java.util.function.Function<String, List<String>> pick = out -> out.lines().filter(l -> l.contains(needle))
                .map(l -> l.replaceFirst("\\(\\d+\\)", "(PID)")).toList();
        if (haproxy == null) {
            return pick.apply(jhaproxy.output());
        }
        Path hOut = dir.resolve("h/output");
        RunningProxy.within(Duration.ofSeconds(5), () -> {
            try {
                return pick.apply(jhaproxy.output()).size() >= pick.apply(Files.readString(hOut)).size();
            } catch (IOException e) {
                return false;
            }
        });
        List<String> j = pick.apply(jhaproxy.output());
        assertEquals(pick.apply(Files.readString(hOut)), j, "messages about " + needle);
        return j;
    }

    /** Sends a GET through the "lb" frontend of jhaproxy; true when it was answered 200. */
    static boolean getThroughLb() throws IOException {
        try (java.net.Socket c = new java.net.Socket("127.0.0.1", jLb)) {
            c.setSoTimeout(5000);
            c.getOutputStream().write("GET / HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String head = new String(c.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return head.startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void maintenanceAndDrainWithHaproxysMessages() throws IOException {
        for (String c : List.of("set server adm/s1 state drain", "set server adm/s1 health down",
                "set server adm/s1 health up", "set server adm/s1 state maint", "set server adm/s1 state drain",
                "set server adm/s1 state ready", "set server adm/s1 health down", "set server adm/s1 state maint",
                "set server adm/s1 state ready", "set server adm/s1 health up", "set server adm/s1 state drain",
                "set weight adm/s1 3", "set server adm/s1 health stopping", "set server adm/s1 state ready",
                "set server adm/s1 health up", "enable server adm/s3", "disable server adm/s3",
                "set server adm/s4 state maint", "set server adm/s1 state maint", "set server adm/s2 state maint",
                "set server adm/s4 state ready", "set server adm/s1 state ready", "enable server adm/s2")) {
            assertEquals("\n", same("admin.sock", c + "\n"), c);
        }
        List<String> m = messages("adm");
        assertTrue(m.contains("[WARNING]  (PID) : Server adm/s1 is going DOWN for maintenance. 1 active and 1 backup servers"
                + " left. 0 sessions active, 0 requeued, 0 remaining in queue."), String.join("\n", m));
        assertTrue(m.contains("[WARNING]  (PID) : Server adm/s1 is UP/READY (leaving forced maintenance)."), String.join("\n", m));
        assertTrue(m.contains("[ALERT]    (PID) : backend 'adm' has no server available!"), String.join("\n", m));
    }

    @Test
    void weightsAndTheirErrors() throws IOException {
        same("admin.sock", "set weight adm/s2 50%;get weight adm/s2;set weight adm/s2 abc;set weight adm/s2 1x\n");
        same("admin.sock", "set weight adm/s2 -1;set weight adm/s2 257;set weight adm/s2 -5%;set weight adm/s2 300000%\n");
        same("admin.sock", "get weight adm/s2;set weight adm/s2;set server adm/#2 weight 7;get weight adm/s2\n");
        same("admin.sock", "set weight st/s1 5;set weight st/s1 0;set weight st/s1 100%;set server adm/s2 weight 100%\n");
        assertEquals("20 (initial 20)\n\n", same("admin.sock", "get weight adm/s2\n"));
        assertEquals("Permission denied\n\n", same("op.sock", "set weight adm/s2 1\n"));
        messages("'st'");
    }

    @Test
    void setServerErrors() throws IOException {
        same("admin.sock", "set server adm/s1 foo;set server adm/s1;set server adm/s1 state;set server adm/s1 health\n");
        same("admin.sock", "set server adm/s1 agent up;set server /s1 state ready;set server adm/ state ready\n");
        same("admin.sock", "set server x/s1 state ready;set server adm/x state ready;disable server adm\n");
        same("admin.sock", "set maxconn server adm/s1;set maxconn server adm/s1 x;set maxconn server adm/s1 5x\n");
        same("admin.sock", "enable agent adm/s1;disable agent adm/s1;set maxconn server adm/s3 10\n");
        assertEquals("Permission denied\n\n", same("op.sock", "disable server adm/s1\n"));
        assertEquals("Permission denied\n\n", same("user.sock", "set server adm/s1 state ready\n"));
    }

    @Test
    void theBalancerSkipsAServerInMaintenance() throws IOException {
        same("admin.sock", "disable server lb/s1\n");
        int before1 = lb1.requests();
        int before2 = lb2.requests();
        for (int i = 0; i < 4; i++) {
            assertTrue(getThroughLb());
        }
        assertEquals(before1, lb1.requests());
        assertEquals(before2 + 4, lb2.requests());
        same("admin.sock", "enable server lb/s1;set server lb/s2 state drain\n");
        for (int i = 0; i < 4; i++) {
            assertTrue(getThroughLb());
        }
        assertEquals(before1 + 4, lb1.requests());
        same("admin.sock", "set server lb/s2 state ready;set weight lb/s1 0\n");
        for (int i = 0; i < 2; i++) {
            assertTrue(getThroughLb());
        }
        assertEquals(before1 + 4, lb1.requests());
        same("admin.sock", "set weight lb/s1 100%\n");
        messages("lb/");
    }

    @Test
    void frontendsAndMaxconn() throws IOException {
        same("admin.sock", "set maxconn frontend fe 10;set maxconn frontend fe;set maxconn frontend x 10\n");
        same("admin.sock", "set maxconn frontend fe abc;set maxconn frontend b 10;set maxconn frontend;set maxconn frontend fe -3\n");
        same("admin.sock", "set maxconn global 100;set maxconn global;set maxconn global 0;set maxconn global 99999999\n");
        same("admin.sock", "set maxconn global x;set maxconn global -5;set maxconn server adm/s2 3\n");
        same("admin.sock", "disable frontend fe2;disable frontend fe2;disable frontend x;disable frontend\n");
        same("admin.sock", "enable frontend fe2;enable frontend fe2;enable frontend b;set maxconn frontend fe 0\n");
        assertTrue(getThroughLb());
        same("admin.sock", "set maxconn frontend fe 1000\n");
        assertEquals("Permission denied\n\n", same("op.sock", "disable frontend fe2\n"));
        assertEquals("Permission denied\n\n", same("op.sock", "set maxconn global 10\n"));
        assertEquals(List.of("[WARNING]  (PID) : Paused frontend fe2.", "[WARNING]  (PID) : Resumed frontend fe2."),
                messages("frontend fe2"));
    }

    /** "show servers state" with the seconds since each server's last change (column 10) as "N". */
    static String serversState(String request) throws IOException {
        String a = exchange("j", "admin.sock", request);
        java.util.function.UnaryOperator<String> norm = t -> t.replaceAll("(?m)^((?:\\S+ ){9})\\d+ ", "$1N ");
        if (haproxy != null) {
            assertEquals(norm.apply(exchange("h", "admin.sock", request)), norm.apply(a), request);
        }
        return norm.apply(a);
    }

    @Test
    void showServersStateAndConn() throws IOException {
        String st = serversState("set server lb/s2 state drain;show servers state st;set server lb/s2 state ready\n");
        assertTrue(st.contains("\n# be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state srv_uweight"), st);
        assertTrue(st.endsWith("\n7 st 1 s1 127.0.0.1 2 0 1 1 N 1 0 2 0 0 0 0 - 9 - 0 0 - - 0\n\n\n"), st);
        serversState("disable server lb/s1;show servers state lb;enable server lb/s1;show servers state lb\n");
        serversState("show servers state x;show servers state fe\n");
        same("admin.sock", "show servers conn st;show servers conn x;show servers conn lb\n");
        same("user.sock", "show servers conn b\n");
    }

    @Test
    void showErrorsEmpty() throws IOException {
        String date = "\\[\\d\\d/\\w\\w\\w/\\d{4}:\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\]";
        String j = exchange("j", "admin.sock", "show errors;show errors fe;show errors x;show errors 3;show errors fe request\n");
        if (haproxy != null) {
            String h = exchange("h", "admin.sock", "show errors;show errors fe;show errors x;show errors 3;show errors fe request\n");
            assertEquals(h.replaceAll(date, "[D]"), j.replaceAll(date, "[D]"));
        }
        assertTrue(j.matches("Total events captured on " + date + " : 0\n\n(?s).*"), j);
        assertEquals("Permission denied\n\n", same("user.sock", "show errors\n"));
    }
}
