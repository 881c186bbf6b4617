package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
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
    /** A server that never answers: TCP data is read and kept, an HTTP request is held until the end. */
    private static TestBackend hold;
    private static final java.util.concurrent.CountDownLatch RELEASE = new java.util.concurrent.CountDownLatch(1);
    private static int jFt;
    private static int jFh;
    private static int hFt;
    private static int hFh;
    private static ProxyPair cli;

    static String config(Path sockets, int cliPort, int fePort, int lbPort, int ftPort, int fhPort) {
        return "global\n    nbthread 1\n"
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
                + "backend st\n    balance static-rr\n    server s1 127.0.0.1:9\n\n"
                + "frontend ft\n    mode tcp\n    log stdout format raw local0\n    option tcplog\n"
                + "    bind 127.0.0.1:" + ftPort + "\n    default_backend bt\n\n"
                + "backend bt\n    mode tcp\n    server s1 127.0.0.1:" + hold.port() + "\n\n"
                + "frontend fh\n    log stdout format raw local0\n    option httplog\n"
                + "    bind 127.0.0.1:" + fhPort + "\n    default_backend bh\n\n"
                + "backend bh\n    server s1 127.0.0.1:" + hold.port() + "\n";
    }

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("statssock");
        Files.createDirectories(dir.resolve("j"));
        lb1 = new TestBackend(TestBackend.OK);
        lb2 = new TestBackend(TestBackend.OK);
        hold = new TestBackend((head, out) -> {
            try {
                RELEASE.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        });
        jFt = RunningProxy.freePort();
        jFh = RunningProxy.freePort();
        jTcp = RunningProxy.freePort();
        int jFe = RunningProxy.freePort();
        jLb = RunningProxy.freePort();
        jhaproxy = RunningProxy.start(config(dir.resolve("j"), jTcp, jFe, jLb, jFt, jFh), "-db").listening(jFe);
        if (Files.isExecutable(HAPROXY)) {
            Files.createDirectories(dir.resolve("h"));
            hTcp = RunningProxy.freePort();
            int hFe = RunningProxy.freePort();
            hFt = RunningProxy.freePort();
            hFh = RunningProxy.freePort();
            Files.writeString(dir.resolve("h/t.cfg"), config(dir.resolve("h"), hTcp, hFe, RunningProxy.freePort(), hFt, hFh));
            haproxy = new ProcessBuilder(HAPROXY.toString(), "-f", "t.cfg", "-db").directory(dir.resolve("h").toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("h/output").toFile()).start();
            assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> Files.exists(dir.resolve("h/admin.sock"))),
                    "haproxy did not start");
        } else {
            System.out.println("StatsSocketIT: " + HAPROXY + " is not installed, the haproxy half is skipped");
        }
        assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> Files.exists(dir.resolve("j/admin.sock"))));
        cli = new ProxyPair(socket -> address("j", socket), haproxy == null ? null : socket -> address("h", socket),
                StatsSocketIT::normalised);
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
        RELEASE.countDown();
        hold.close();
    }

    /** A socket of jhaproxy (side "j") or haproxy ("h"): "admin.sock", ..., or "tcp". */
    private static SocketAddress address(String side, String socket) {
        if (socket.equals("tcp")) {
            return new InetSocketAddress("127.0.0.1", side.equals("j") ? jTcp : hTcp);
        }
        return UnixDomainSocketAddress.of(dir.resolve(side).resolve(socket));
    }

    /** Sends {@code request} on a socket of one side, shuts the write side, reads to the end. */
    static String exchange(String side, String socket, String request) throws IOException {
        return StatsCli.exchange(address(side, socket), request);
    }

    /** The answer of jhaproxy, checked equal to haproxy's when it is installed. */
    static String same(String socket, String request) throws IOException {
        return cli.same(socket, request);
    }

    /** Values that name the process or its timings, its load (Idle_pct, Run_queue) and its counters become "N". */
    static String normalised(String answer) {
        List<String> out = new ArrayList<>();
        for (String l : answer.split("\n", -1)) {
            int colon = l.indexOf(": ");
            String k = colon < 0 ? "" : l.substring(0, colon);
            if (List.of("Version", "Release_date", "Build info", "Pid", "Uptime", "Uptime_sec", "Ulimit-n", "Maxsock",
                    "Maxconn", "Hard_maxconn", "CurrConns", "CumConns", "CumReq", "Tasks", "Jobs", "TotalBytesOut",
                    "BytesOutRate", "ConnRate", "MaxConnRate", "SessRate", "MaxSessRate", "Idle_pct", "Run_queue", "PoolAlloc_bytes", "PoolUsed_bytes", "Start_time_sec", "node").contains(k)) {
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

    /**
     * One line for every worker command jhaproxy runs (as -dKcli lists them), with arguments that
     * name real proxies and servers: on a "user" and on an "operator" socket, each is refused or
     * run as haproxy refuses or runs it, with haproxy's exact answer where the answer is not the
     * process's live data. "clear counters" on the operator socket is left to clearCountersByLevel,
     * and "add server" to DynamicServerIT: haproxy 2.6 sets its message prefix "CLI" before that
     * command checks the level, and a refusal leaves it set, so every later state message of
     * haproxy would read "CLI : ..." and the message checks of this class would compare that.
     */
    @Test
    void everyCommandIsRefusedOrRunAsHaproxyDoesAtEachLevel() throws IOException {
        List<String> lines = List.of("add acl #0 x", "add map #0 k v",
                "clear acl #0", "clear counters all", "clear map #0", "clear table t", "commit acl @1 #0",
                "commit map @1 #0", "del acl #0 x", "del map #0 k", "del server adm/s4", "disable agent adm/s1",
                "disable frontend fe2", "disable health adm/s1", "disable server adm/s1", "enable agent adm/s1",
                "enable frontend fe2", "enable health adm/s1", "enable server adm/s3", "get acl #0 x", "get map #0 k",
                "get weight adm/s2", "prepare acl #0", "prepare map #0", "set map #0 k v", "set maxconn frontend fe2 50",
                "set maxconn global 100", "set maxconn server adm/s1 10", "set rate-limit connections global 10",
                "set server adm/s1 state drain", "set server adm/s1 weight 5", "set table t key k data.gpc0 1",
                "set timeout cli 30", "set weight adm/s2 7", "show acl", "show activity", "show backend", "show cache",
                "show cli level", "show env", "show errors", "show events", "show info", "show map", "show pools",
                "show schema json", "show servers conn adm", "show servers state adm", "show sess", "show stat",
                "show table", "show version", "shutdown frontend fe9", "shutdown session 0x1",
                "shutdown sessions server adm/s4", "_getsocks");
        // answers that show the process's own live data: only whether the command ran is compared
        List<String> live = List.of("show activity", "show info", "show pools", "show stat", "show version",
                "show schema json", "show servers conn adm", "show servers state adm", "show sess", "show errors",
                "show env", "show backend", "show cache", "show table", "show events", "get weight adm/s2");
        List<String> differ = new ArrayList<>();
        for (String socket : List.of("user.sock", "op.sock")) {
            for (String line : lines) {
                if (socket.equals("op.sock") && line.startsWith("clear counters")) {
                    continue;
                }
                String j = exchange("j", socket, line + "\n");
                if (haproxy == null) {
                    assertTrue(!j.isEmpty(), line);
                    continue;
                }
                String h = exchange("h", socket, line + "\n");
                boolean same = live.stream().anyMatch(line::startsWith)
                        ? denied(j) == denied(h)
                        : j.equals(h);
                if (!same) {
                    differ.add(socket + " '" + line + "': jhaproxy " + j.strip() + " | haproxy " + h.strip());
                }
            }
        }
        assertEquals(List.of(), differ);
    }

    private static boolean denied(String answer) {
        return answer.startsWith("Permission denied") || answer.contains("\nPermission denied");
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
        assertEquals("# name\nb\nlb\nadm\nst\nbt\nbh\n\n", same("admin.sock", "show backend\n"));
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
        return cli.same("admin.sock", request, t -> t.replaceAll("(?m)^((?:\\S+ ){9})\\d+ ", "$1N "));
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

    /**
     * "show sess" with what only names this run normalised: stream addresses, client ports,
     * epochs, ages, call counts, channel and connector flags, timers and file descriptors.
     */
    static String sess(String answer) {
        return answer.replaceAll("(?m)^0x[0-9a-f]+:", "PTR:").replaceAll("(src|source|addr)=([\\d.]+):\\d+", "$1=$2:P")
                .replaceAll("epoch=\\w+", "epoch=E").replaceAll("age=\\w+", "age=A").replaceAll("calls=\\d+", "calls=C")
                .replaceAll(" rate=\\d+", " rate=R").replaceAll("f=[0-9a-f]+h", "f=F").replaceAll("(rx|wx|ax)=[^,\\]]*", "$1=T")
                .replaceAll("(sc[fb])=\\[(\\d+),[0-9a-f]+h,fd=\\d+\\]", "$1=[$2,F,fd=N]").replaceAll("(sc[fb])=\\[(\\d+),[0-9a-f]+h,", "$1=[$2,F,")
                .replaceAll(" (c_)?exp=\\S*", " $1exp=T").replaceAll("\\[\\d\\d/\\w{3}/\\d{4}:[\\d:.]+\\]", "[DATE]")
                .replaceAll("(srv_conn|task)=0x[0-9a-f]+", "$1=PTR");
    }

    /** The address "show sess" gives the stream of frontend {@code fe}. */
    static String pointerOf(String sess, String fe) {
        return sess.lines().filter(l -> l.contains(" fe=" + fe + " ")).map(l -> l.substring(0, l.indexOf(':')))
                .findFirst().orElseThrow(() -> new AssertionError("no stream of " + fe + " in\n" + sess));
    }

    /**
     * Reads what the proxy sends until it closes, or until nothing came for {@code quietMs};
     * "<open>" is appended when it did not close (a kept-alive connection).
     */
    static String readToEnd(java.net.Socket c, int quietMs) throws IOException {
        c.setSoTimeout(quietMs);
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        try {
            byte[] b = new byte[4096];
            int n;
            while ((n = c.getInputStream().read(b)) >= 0) {
                got.write(b, 0, n);
            }
        } catch (java.net.SocketTimeoutException e) {
            return got.toString(StandardCharsets.ISO_8859_1) + "<open>";
        } catch (java.net.SocketException reset) {
            return got.toString(StandardCharsets.ISO_8859_1) + "<reset>";
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }

    /** A TCP stream with data on its held server connection, then an HTTP request the server holds. */
    static java.net.Socket[] holdStreams(int ft, int fh) throws IOException {
        int conns = hold.connections();
        java.net.Socket tcp = new java.net.Socket("127.0.0.1", ft);
        tcp.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
        assertTrue(RunningProxy.within(Duration.ofSeconds(5), () -> hold.connections() > conns), "tcp stream not connected");
        int reqs = hold.requests();
        java.net.Socket http = new java.net.Socket("127.0.0.1", fh);
        http.getOutputStream().write("GET /held HTTP/1.1\r\nhost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertTrue(RunningProxy.within(Duration.ofSeconds(5), () -> hold.requests() > reqs), "http request not forwarded");
        return new java.net.Socket[] {tcp, http};
    }

    /** The lines of a process's output (its logs) that contain {@code needle}. */
    static List<String> logged(String side, String needle) throws IOException {
        String out = side.equals("j") ? jhaproxy.output() : Files.readString(dir.resolve("h/output"));
        return out.lines().filter(l -> l.contains(needle)).toList();
    }

    @Test
    void showSessListsStreamsAndShutdownKillsThem() throws IOException {
        List<String> sides = haproxy == null ? List.of("j") : List.of("j", "h");
        List<String> shown = new ArrayList<>();
        List<String> dumps = new ArrayList<>();
        List<String> httpGot = new ArrayList<>();
        for (String side : sides) {
            java.net.Socket[] held = holdStreams(side.equals("j") ? jFt : hFt, side.equals("j") ? jFh : hFh);
            try (java.net.Socket tcp = held[0]; java.net.Socket http = held[1]) {
                String list = exchange(side, "admin.sock", "show sess\n");
                shown.add(sess(list));
                // the detailed dump: its first section (stream, frontend, backend, server, task)
                String dump = exchange(side, "admin.sock", "show sess " + pointerOf(list, "ft") + "\n");
                dumps.add(sess(String.join("\n", dump.lines().limit(6).toList())));
                assertEquals("\n", exchange(side, "admin.sock", "shutdown session " + pointerOf(list, "fh") + "\n"));
                httpGot.add(readToEnd(http, 1000));
                assertEquals("\n", exchange(side, "admin.sock", "shutdown sessions server bt/s1\n"));
                assertEquals("", readToEnd(tcp, 5000), "the killed tcp stream's client sees its connection closed");
            }
        }
        String list = shown.get(0);
        assertTrue(list.matches("PTR: proto=tcpv4 src=127.0.0.1:P fe=ft be=bt srv=s1 ts=00 epoch=E age=A calls=C rate=R cpu=0 lat=0 "
                + "rq\\[f=F,i=0,an=00h,rx=T,wx=T,ax=T\\] rp\\[f=F,i=0,an=00h,rx=T,wx=T,ax=T\\] scf=\\[8,F,fd=N\\] "
                + "scb=\\[8,F,fd=N\\] exp=T rc=0 c_exp=T\n(?s).*"), list);
        assertTrue(list.contains(" fe=fh be=bh srv=s1 ") && list.contains("fe=GLOBAL be=<NONE> srv=<none>"), list);
        assertTrue(dumps.get(0).startsWith("PTR: [DATE] id="), dumps.get(0));
        assertTrue(httpGot.get(0).startsWith("HTTP/1.1 502 Bad Gateway\r\n"), httpGot.get(0));
        if (haproxy != null) {
            assertEquals(shown.get(1), shown.get(0), "show sess");
            assertEquals(dumps.get(1).replaceAll("id=\\d+", "id=N"), dumps.get(0).replaceAll("id=\\d+", "id=N"), "show sess <id>");
            assertEquals(httpGot.get(1), httpGot.get(0), "what the client of a killed HTTP stream gets");
        }
        for (String side : sides) {
            assertTrue(RunningProxy.within(Duration.ofSeconds(5), () -> {
                try {
                    return !logged(side, " KH-- ").isEmpty() && !logged(side, " K- ").isEmpty();
                } catch (IOException e) {
                    return false;
                }
            }), side + " logs the killed streams with K:\n" + logged(side, "127.0.0.1"));
            assertTrue(logged(side, " KH-- ").get(0).matches(".* fh bh/s1 \\d+/\\d+/\\d+/-1/\\d+ 502 209 - - KH-- .*"),
                    logged(side, " KH-- ").toString());
            assertTrue(logged(side, " K- ").get(0).matches(".* ft bt/s1 \\d+/\\d+/\\d+ 0 K- .*"), logged(side, " K- ").toString());
        }
    }

    @Test
    void sessionCommandsErrorsAndLevels() throws IOException {
        same("admin.sock", "shutdown session;shutdown session 0;shutdown session foo;shutdown session 0x1234\n");
        same("admin.sock", "show sess 0x1234;show sess 12;shutdown sessions server bt/x;shutdown sessions server bt\n");
        same("admin.sock", "shutdown sessions server x/s1;shutdown sessions server\n");
        assertEquals("Permission denied\n\n", same("op.sock", "shutdown session 0x1\n"));
        assertEquals("Permission denied\n\n", same("op.sock", "shutdown sessions server bt/s1\n"));
        assertEquals("Permission denied\n\n", same("user.sock", "show sess\n"));
    }

    /** The value of {@code field} in the "show stat" line of {@code proxy}/{@code sv} on jhaproxy. */
    static String stat(String proxy, String sv, String field) throws IOException {
        List<String> lines = exchange("j", "admin.sock", "show stat\n").lines().toList();
        List<String> names = List.of(lines.get(0).substring(2).split(",", -1));
        for (String l : lines) {
            String[] f = l.split(",", -1);
            if (f.length > 1 && f[0].equals(proxy) && f[1].equals(sv)) {
                return f[names.indexOf(field)];
            }
        }
        throw new AssertionError("no " + proxy + "/" + sv + " in show stat");
    }

    @Test
    void clearCountersByLevel() throws IOException {
        assertEquals("\n", same("op.sock", "clear counters\n"));
        assertEquals("Permission denied\n\n", same("op.sock", "clear counters all\n"));
        assertEquals("Permission denied\n\n", same("user.sock", "clear counters\n"));
        assertTrue(getThroughLb());
        assertTrue(Long.parseLong(stat("fe2", "FRONTEND", "stot")) > 0);
        assertEquals("1", stat("fe2", "FRONTEND", "smax"));
        // the maximums only: the totals stay
        assertEquals("\n", same("admin.sock", "clear counters\n"));
        assertEquals("0", stat("fe2", "FRONTEND", "smax"));
        assertEquals("0", stat("lb", "BACKEND", "smax"));
        assertTrue(Long.parseLong(stat("fe2", "FRONTEND", "stot")) > 0);
        assertTrue(Long.parseLong(stat("lb", "BACKEND", "stot")) > 0);
        // everything
        assertEquals("\n", same("admin.sock", "clear counters all\n"));
        assertEquals("0", stat("fe2", "FRONTEND", "stot"));
        assertEquals("0", stat("lb", "BACKEND", "stot"));
        assertEquals("0", stat("lb", "s1", "stot"));
        assertEquals("0", stat("lb", "s2", "stot"));
    }
}
