package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rings and log-forward sections (configuration.txt 3.9 and 3.10), differential: the same
 * configuration on haproxy and jhaproxy, the same syslog messages sent to the log-forward
 * section over UDP and TCP (rfc3164, rfc5424, a priority alone, no header at all; LF, CRLF and
 * octet-counted framing), and the bytes each UDP target receives compared, in rfc5424,
 * rfc3164, unset, raw and short formats. A request's log goes to two rings through "log
 * ring@": one in rfc5424 forwarded to a TCP syslog server, one raw that the log-forward section
 * also writes into; "show events" lists and dumps them. Timestamps the proxy makes itself,
 * pids and client ports are normalised.
 */
class LogForwardIT {
    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final String[] UDP_IN = {
        "<134>Nov 24 10:11:12 myhost app[123]: hello rfc3164",
        "<13>1 2026-11-24T10:11:12.123456+01:00 h5 app5 55 ID7 [x@1 a=\"b\"] hello rfc5424",
        "no header at all",
        "<30>just prio",
        "<14>Nov  4 10:11:12 myhost tagonly: msg two",
        "<14>1 - - - - - - nil",
        "<14>Nov 24 10:11:12 badtag[1]x: not a tag",
        "<14>a long message cut at 80 bytes by the short target: 0123456789012345678901234567890123456789"};
    private static final String TCP_IN = "<134>Nov 24 10:11:12 myhost app[123]: lf framed\n"
            + "<13>Nov 24 10:11:12 h crlf: x\r\n" + "29 <14>1 - h t p m - octet count" + "<15>tail one\n" + "bad frame\n";
    private static final int MESSAGES = UDP_IN.length + 4;

    @Test
    void relaysAndRingsAsHaproxy() throws Exception {
        Map<String, List<String>> ours = run(RunningProxy.jhaproxy());
        assertEquals(MESSAGES, ours.get("u1").size(), ours.toString());
        assertTrue(ours.get("u1").contains("<134>1 2026-11-24T10:11:12-00:00 myhost app 123 - - hello rfc3164\n"), ours.toString());
        if (Files.isExecutable(HAPROXY)) {
            Map<String, List<String>> theirs = run(HAPROXY);
            for (String k : theirs.keySet()) {
                assertEquals(theirs.get(k), ours.get(k), k);
            }
        } else {
            System.out.println("LogForwardIT: " + HAPROXY + " is not installed, jhaproxy alone is checked");
        }
    }

    /** post_sink_resolve(): "-c" accepts a target naming no ring, the start fails naming it. */
    @Test
    void unknownRingFailsTheStart() throws Exception {
        // the proxies in declaration order, then the internal HTTP client's (the global targets)
        String cfg = "global\n    log ring@nope local0\n"
                + "log-forward lf\n    dgram-bind 127.0.0.1:" + RunningProxy.freePort() + "\n    log ring@nowhere local0\n"
                + "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n"
                + "frontend fe\n    bind 127.0.0.1:" + RunningProxy.freePort() + "\n    log ring@other local0\n"
                + "backend be\n    log ring@stdout local0\n";
        String ours = refusal(RunningProxy.jhaproxy(), cfg);
        assertTrue(ours.contains("[ALERT]    (PID) : config : log server declared in proxy section 'fe' in file 't.cfg' at line 13 "
                + "uses unknown ring named 'other'.\n"), ours);
        if (Files.isExecutable(HAPROXY)) {
            assertEquals(refusal(HAPROXY, cfg), ours);
        }
    }

    private static String refusal(Path program, String cfg) throws Exception {
        try (RunningProxy p = RunningProxy.start(program, cfg, "-db")) {
            assertEquals(1, p.exitWithin(Duration.ofSeconds(20)));
            StringBuilder alerts = new StringBuilder();
            for (String l : p.output().split("\n")) {
                if (l.startsWith("[ALERT]")) {
                    alerts.append(l.replaceAll("\\(\\d+\\)", "(PID)")).append('\n');
                }
            }
            return alerts.toString();
        }
    }

    private static String config(Path sock, int ringServer, int fe, int in, int[] udp) {
        return "global\n    stats socket " + sock + " mode 600 level admin\n"
                + "ring r1\n    description \"my ring\"\n    format rfc5424\n    maxlen 200\n    size 32768\n"
                + "    timeout connect 1s\n    timeout server 5s\n    server s1 127.0.0.1:" + ringServer + "\n"
                + "ring r2\n    size 20000\n"
                + "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n"
                + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    log ring@r1 local0\n    log ring@r2 local1 info\n"
                + "    http-request return status 200\n"
                + "log-forward lf\n    dgram-bind 127.0.0.1:" + in + "\n    bind 127.0.0.1:" + in + "\n    timeout client 5s\n"
                + "    maxconn 10\n    backlog 10\n"
                + "    log 127.0.0.1:" + udp[0] + " format rfc5424 local0\n"
                + "    log 127.0.0.1:" + udp[1] + " format rfc3164 local1\n"
                + "    log 127.0.0.1:" + udp[2] + " local2\n"
                + "    log 127.0.0.1:" + udp[3] + " format raw local3\n"
                + "    log 127.0.0.1:" + udp[4] + " len 80 format short local3\n"
                + "    log ring@r2 local4\n";
    }

    private static Map<String, List<String>> run(Path program) throws Exception {
        Path sock = Files.createTempDirectory("logfwd").resolve("admin.sock");
        List<DatagramSocket> targets = new ArrayList<>();
        int[] udp = new int[5];
        for (int i = 0; i < udp.length; i++) {
            DatagramSocket d = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
            d.setSoTimeout(200);
            targets.add(d);
            udp[i] = d.getLocalPort();
        }
        int fe = RunningProxy.freePort();
        int in = RunningProxy.freePort();
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (ServerSocket syslogServer = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             RunningProxy p = RunningProxy.start(program, config(sock, syslogServer.getLocalPort(), fe, in, udp), "-db")) {
            p.listening(fe);
            RawHttp.exchange(fe, "GET / HTTP/1.0\r\n\r\n");
            syslogServer.setSoTimeout(10_000);
            try (Socket ringConn = syslogServer.accept()) {
                out.put("ring server", List.of(normalise(readLine(ringConn.getInputStream()))));
            }
            List<String> paced = new ArrayList<>();
            try (DatagramSocket client = new DatagramSocket()) {
                for (String m : UDP_IN) {
                    byte[] b = m.getBytes(StandardCharsets.ISO_8859_1);
                    client.send(new DatagramPacket(b, b.length, new InetSocketAddress("127.0.0.1", in)));
                    // one at a time: each arrives before the next is sent, whatever the threads
                    paced.addAll(receive(targets.get(4), 1));
                }
            }
            try (Socket c = new Socket("127.0.0.1", in)) {
                OutputStream os = c.getOutputStream();
                os.write(TCP_IN.getBytes(StandardCharsets.ISO_8859_1));
                os.flush();
                // the bad frame closes the connection
                c.setSoTimeout(10_000);
                assertEquals(-1, c.getInputStream().read());
            }
            for (int i = 0; i < targets.size(); i++) {
                List<String> got = new ArrayList<>();
                if (i == 4) {
                    got.addAll(paced);
                }
                got.addAll(receive(targets.get(i), i == 4 ? MESSAGES - UDP_IN.length : MESSAGES));
                // haproxy's threads may take two messages in parallel: the order is not compared
                java.util.Collections.sort(got);
                out.put("u" + (i + 1), got);
            }
            for (String cmd : List.of("show events", "show events r1", "show events r2", "show events nope",
                    "show events stdout", "show events r1 -x", "show events r2 -n")) {
                List<String> lines = new ArrayList<>(List.of(normalise(StatsCli.ask(sock, cmd + "\n")).split("\n", -1)));
                if (cmd.equals("show events r2")) {
                    java.util.Collections.sort(lines);
                }
                out.put(cmd, lines);
            }
        } finally {
            targets.forEach(DatagramSocket::close);
        }
        return out;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            sb.append((char) c);
            if (c == '\n') {
                break;
            }
        }
        return sb.toString();
    }

    /** {@code n} datagrams, normalised; fails past a deadline. */
    private static List<String> receive(DatagramSocket d, int n) throws IOException {
        List<String> got = new ArrayList<>();
        byte[] buf = new byte[65536];
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (got.size() < n && System.nanoTime() < deadline) {
            DatagramPacket pk = new DatagramPacket(buf, buf.length);
            try {
                d.receive(pk);
            } catch (SocketTimeoutException notYet) {
                continue;
            }
            got.add(normalise(new String(pk.getData(), 0, pk.getLength(), StandardCharsets.ISO_8859_1)));
        }
        assertTrue(got.size() == n, "got " + got);
        return got;
    }

    /** The proxy's own timestamps (not the received 10:11:12 ones), pids and client ports. */
    static String normalise(String s) {
        return s.replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}[+-]\\d\\d:\\d\\d", "ISOTIME")
                .replaceAll("[A-Z][a-z]{2} [ \\d]\\d (?!10:11:12)\\d\\d:\\d\\d:\\d\\d", "LEGACYTIME")
                .replaceAll("haproxy \\d+ ", "haproxy PID ")
                .replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT");
    }
}
