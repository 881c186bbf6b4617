package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The failure counters of the stats and of the stick tables, differential: "eresp" (a response
 * that failed: invalid, the server closing or silent before its head, a server abort mid-body),
 * "cli_abrt" and "srv_abrt" (a side that aborted or timed out in the data phase, HTTP and TCP),
 * and a tracked client's http_fail_cnt (a 5xx but 501 and 505, a 502 or 504 of haproxy's) and
 * http_err_cnt (a 4xx), each scenario in a backend of its own, then what the fetches and
 * converters read of it. Normal ends count nothing. A server that resets its connection before
 * the response counts eresp twice (the connection's error, then the read error), and once
 * during an upload, which it ends without a reply ("SD", a server abort); a client that reset
 * its connection while the response was awaited makes haproxy's 504 a client abort too; the
 * bytes of haproxy's own replies and of a held body count on the server.
 */
class AbortCountersIT {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    /** The scenarios in TCP mode, each a "listen" of its own; the others are backends of "fe". */
    private static final java.util.Set<String> TCP = java.util.Set.of("trst", "tsto", "tfin", "tcrst", "tcto");

    /** What each backend (BACKEND row, the server row is the same) counts: eresp cli_abrt srv_abrt. */
    private static final Map<String, String> EXPECTED = expected();

    @Test
    void failuresAreCountedAsHaproxyCountsThem() throws Exception {
        List<String> ours = null;
        for (Path program : ProcessModeIT.programs()) {
            List<String> got = run(program);
            if (ours == null) {
                ours = got;
            } else {
                assertEquals(got, ours, "jhaproxy against " + program);
            }
        }
    }

    private static Map<String, String> expected() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("invalid", "1 0 0");
        m.put("close", "1 0 0");
        m.put("timeout", "1 0 0");
        m.put("srvabort", "1 0 1");
        m.put("srvstall", "0 0 1");
        m.put("s500", "0 0 0");
        m.put("s501", "0 0 0");
        m.put("s404", "0 0 0");
        m.put("cliabort", "0 1 0");
        m.put("upload", "0 1 0");
        m.put("cligone", "1 1 0");
        m.put("uprst", "1 0 1");
        m.put("upfin", "1 0 0");
        m.put("getrst", "2 0 0");
        m.put("badchunk", "1 0 0");
        m.put("cutchunk", "1 0 0");
        m.put("trst", "1 0 1");
        m.put("tsto", "0 0 1");
        m.put("tfin", "0 0 0");
        m.put("tcrst", "0 1 0");
        m.put("tcto", "0 1 0");
        return m;
    }

    private static List<String> run(Path program) throws Exception {
        Path dir = ProcessIdentityIT.directory();
        Path sock = dir.resolve("s.sock");
        int fe = RunningProxy.freePort();
        Map<String, Integer> listens = new LinkedHashMap<>();
        try (Backends be = new Backends()) {
            StringBuilder cfg = new StringBuilder("global\n    stats socket " + sock + " level admin\n"
                    + "defaults\n    log stdout format raw local0\n    timeout connect 1s\n    timeout client 5s\n    timeout server 1s\n"
                    + "frontend fe\n    mode http\n    option httplog\n    bind 127.0.0.1:" + fe + "\n"
                    + "    stick-table type ip size 10 store http_err_cnt,http_fail_cnt,http_fail_rate(10s)\n"
                    + "    http-request track-sc0 src\n"
                    + "    http-request return status 200 content-type text/plain lf-string \"fail=%[sc0_http_fail_cnt] rate=%[sc_http_fail_rate(0)]"
                    + " src=%[src_http_fail_cnt] t=%[src,table_http_fail_cnt(fe)]/%[src,table_http_fail_rate(fe)]\" if { path /show }\n"
                    + "    use_backend %[path,field(2,/)]\n");
            for (String name : EXPECTED.keySet()) {
                int port = be.start(name);
                if (TCP.contains(name)) {
                    int listen = RunningProxy.freePort();
                    listens.put(name, listen);
                    cfg.append("listen ").append(name).append("\n    mode tcp\n    bind 127.0.0.1:").append(listen).append('\n');
                    if (name.equals("tcto")) {
                        cfg.append("    timeout client 1s\n    timeout server 5s\n");
                    }
                } else {
                    cfg.append("backend ").append(name).append("\n    mode http\n");
                }
                cfg.append("    server s 127.0.0.1:").append(port).append('\n');
            }
            try (RunningProxy p = RunningProxy.start(program, cfg.toString(), "-db").listening(fe)) {
                for (String name : List.of("invalid", "close", "timeout", "srvabort", "srvstall", "s500", "s501", "s404", "getrst")) {
                    String r = request(fe, "/" + name);
                    assertTrue(r.startsWith("HTTP/1.1 "), program + " /" + name + ": " + r + "\n" + p.output());
                }
                assertTrue(request(fe, "/badchunk").startsWith("HTTP/1.1 502 "), program + ": /badchunk");
                cutMidBody(fe, be);
                clientAbortsResponse(fe);
                clientAbortsUpload(fe, be);
                clientResetsWhileAwaited(fe, be);
                for (String name : List.of("uprst", "upfin")) {
                    upload(fe, name);
                }
                for (String name : List.of("trst", "tsto", "tfin")) {
                    tcpExchange(listens.get(name));
                }
                tcpClientReset(listens.get("tcrst"), be);
                tcpExchangeIdle(listens.get("tcto"));
                List<String> want = new ArrayList<>();
                EXPECTED.forEach((n, v) -> want.add(n + " " + v));
                want.add("http_err_cnt=1 http_fail_cnt=9");
                List<String> got = new ArrayList<>();
                boolean settled = RunningProxy.within(DEADLINE, () -> {
                    got.clear();
                    got.addAll(counters(sock));
                    return got.equals(want);
                });
                assertTrue(settled, program + ": " + got + "\n" + p.output());
                got.addAll(serverBytes(sock));
                String shown = request(fe, "/show");
                got.add(shown.substring(shown.indexOf("\r\n\r\n") + 4));
                return got;
            }
        } finally {
            ProcessIdentityIT.delete(dir);
        }
    }

    /**
     * A GET answered before the proxy closes ("connection: close"); the client does not shut its
     * side, which a silent server would see.
     */
    private static String request(int fe, String path) throws IOException {
        try (Socket c = new Socket(InetAddress.getLoopbackAddress(), fe)) {
            c.setSoTimeout((int) DEADLINE.toMillis());
            c.getOutputStream().write(ascii("GET " + path + " HTTP/1.1\r\nhost: a\r\nconnection: close\r\n\r\n"));
            return new String(c.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * The server's chunks turn invalid once the head and a first chunk reached the client: the
     * server is told to go on only then, so the bad chunk comes in a later read ("SD", a failed
     * response but no server abort).
     */
    private static void cutMidBody(int fe, Backends be) throws IOException {
        try (Socket c = new Socket(InetAddress.getLoopbackAddress(), fe)) {
            c.setSoTimeout((int) DEADLINE.toMillis());
            c.getOutputStream().write(ascii("GET /cutchunk HTTP/1.1\r\nhost: a\r\n\r\n"));
            readUntil(c.getInputStream(), "abc\r\n");
            be.bodyRead.countDown();
            drain(c.getInputStream());
        }
    }

    /** The client reads the response head then resets its connection while the body flows ("CD"). */
    private static void clientAbortsResponse(int fe) throws IOException {
        try (Socket c = new Socket(InetAddress.getLoopbackAddress(), fe)) {
            c.getOutputStream().write(ascii("GET /cliabort HTTP/1.1\r\nhost: a\r\n\r\n"));
            readUntil(c.getInputStream(), "\r\n\r\n");
            c.setSoLinger(true, 0);
        }
    }

    /** The client sends 10 of 100 body bytes, and once the server has the request, resets ("CD"). */
    private static void clientAbortsUpload(int fe, Backends be) throws Exception {
        try (Socket c = new Socket(InetAddress.getLoopbackAddress(), fe)) {
            c.getOutputStream().write(ascii("POST /upload HTTP/1.1\r\nhost: a\r\ncontent-length: 100\r\n\r\n0123456789"));
            assertTrue(be.received("upload").await(DEADLINE.toSeconds(), TimeUnit.SECONDS), "the server got no request");
            c.setSoLinger(true, 0);
        }
    }

    /** The client resets its connection once the server has its request, which it does not answer. */
    private static void clientResetsWhileAwaited(int fe, Backends be) throws Exception {
        try (Socket c = new Socket(InetAddress.getLoopbackAddress(), fe)) {
            c.getOutputStream().write(ascii("GET /cligone HTTP/1.1\r\nhost: a\r\n\r\n"));
            assertTrue(be.received("cligone").await(DEADLINE.toSeconds(), TimeUnit.SECONDS), "the server got no request");
            c.setSoLinger(true, 0);
        }
    }

    /** 10 of 100 body bytes, then what comes back until the proxy closes (a 502, or nothing). */
    private static void upload(int fe, String name) throws IOException {
        try (Socket c = new Socket(InetAddress.getLoopbackAddress(), fe)) {
            c.setSoTimeout((int) DEADLINE.toMillis());
            c.getOutputStream().write(ascii("POST /" + name + " HTTP/1.1\r\nhost: a\r\ncontent-length: 100\r\n\r\n0123456789"));
            drain(c.getInputStream());
        }
    }

    /** What the server rows of the scenarios ending in haproxy's reply or with a held body count in bytes. */
    private static List<String> serverBytes(Path sock) {
        String[] lines = StatsCli.ask(sock, "show stat\n").split("\n");
        List<String> head = List.of(lines[0].substring(2).split(","));
        List<String> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            if (f.length >= head.size() && List.of("timeout", "close", "cligone", "uprst", "upfin", "getrst").contains(f[0])
                    && f[1].equals("s")) {
                out.add(f[0] + " bin=" + f[head.indexOf("bin")] + " bout=" + f[head.indexOf("bout")]);
            }
        }
        return out;
    }

    private static void tcpExchange(int port) throws IOException {
        try (Socket c = new Socket(InetAddress.getLoopbackAddress(), port)) {
            c.setSoTimeout((int) DEADLINE.toMillis());
            c.getOutputStream().write(ascii("hi"));
            drain(c.getInputStream());
        }
    }

    /** A TCP client that sends nothing: the client timeout ends its stream ("cD"). */
    private static void tcpExchangeIdle(int port) throws IOException {
        try (Socket c = new Socket(InetAddress.getLoopbackAddress(), port)) {
            c.setSoTimeout((int) DEADLINE.toMillis());
            drain(c.getInputStream());
        }
    }

    private static void tcpClientReset(int port, Backends be) throws Exception {
        try (Socket c = new Socket(InetAddress.getLoopbackAddress(), port)) {
            c.getOutputStream().write(ascii("hi"));
            assertTrue(be.received("tcrst").await(DEADLINE.toSeconds(), TimeUnit.SECONDS), "the server got nothing");
            c.setSoLinger(true, 0);
        }
    }

    /** "name eresp cli_abrt srv_abrt" per backend (its server row must agree), then the tracked entry. */
    private static List<String> counters(Path sock) {
        String[] lines = StatsCli.ask(sock, "show stat\n").split("\n");
        List<String> head = List.of(lines[0].substring(2).split(","));
        Map<String, String> rows = new LinkedHashMap<>();
        List<String> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            if (f.length < head.size() || !EXPECTED.containsKey(f[0]) || f[1].equals("FRONTEND")) {
                continue;
            }
            String v = f[head.indexOf("eresp")] + " " + f[head.indexOf("cli_abrt")] + " " + f[head.indexOf("srv_abrt")];
            String before = rows.put(f[0], v);
            if (before != null && !before.equals(v)) {
                out.add(f[0] + " server " + before + " backend " + v);
            }
        }
        rows.forEach((n, v) -> out.add(n + " " + v));
        Matcher m = Pattern.compile("http_err_cnt=\\d+ http_fail_cnt=\\d+").matcher(StatsCli.ask(sock, "show table fe\n"));
        out.add(m.find() ? m.group() : "no entry");
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static void readUntil(InputStream in, String end) throws IOException {
        StringBuilder seen = new StringBuilder();
        int b;
        while (seen.indexOf(end) < 0 && (b = in.read()) >= 0) {
            seen.append((char) b);
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[8192];
        try {
            while (in.read(buf) >= 0) {
                // until the proxy closes
            }
        } catch (java.net.SocketException reset) {
            // a reset forwarded as such ends it too
        }
    }

    /** One raw server per scenario, each connection handled by its own thread. */
    private static final class Backends implements AutoCloseable {
        private final List<ServerSocket> sockets = new ArrayList<>();
        private final Map<String, CountDownLatch> received = new LinkedHashMap<>();
        /** The client of "cutchunk" read the first chunk. */
        final CountDownLatch bodyRead = new CountDownLatch(1);

        int start(String name) throws IOException {
            ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            sockets.add(s);
            received.put(name, new CountDownLatch(1));
            Thread t = new Thread(() -> {
                while (!s.isClosed()) {
                    try {
                        Socket c = s.accept();
                        Thread h = new Thread(() -> handle(name, c), "abort-backend");
                        h.setDaemon(true);
                        h.start();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "abort-backend-accept");
            t.setDaemon(true);
            t.start();
            return s.getLocalPort();
        }

        CountDownLatch received(String name) {
            return received.get(name);
        }

        private void handle(String name, Socket c) {
            try (c) {
                InputStream in = c.getInputStream();
                OutputStream out = c.getOutputStream();
                if (TCP.contains(name)) {
                    if (!name.equals("tcto")) {
                        in.read(new byte[100]);
                    }
                    received.get(name).countDown();
                    switch (name) {
                        case "trst" -> c.setSoLinger(true, 0);
                        case "tfin" -> out.write(ascii("bye"));
                        default -> drain(in); // silent until the proxy closes
                    }
                    return;
                }
                readUntil(in, "\r\n\r\n");
                received.get(name).countDown();
                switch (name) {
                    case "invalid" -> out.write(ascii("HTTP/1.1 abc\r\nfoo\r\n\r\n"));
                    case "close" -> {
                    }
                    case "timeout", "upload", "cligone" -> drain(in);
                    case "uprst", "getrst" -> c.setSoLinger(true, 0);
                    case "upfin" -> in.readNBytes(10); // all that came, so that the close is a FIN
                    case "srvabort" -> out.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789"));
                    case "badchunk" -> {
                        out.write(ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\nzz\r\n"));
                        drain(in);
                    }
                    case "cutchunk" -> {
                        out.write(ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n"));
                        out.flush();
                        try {
                            bodyRead.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        out.write(ascii("zz\r\n"));
                        drain(in);
                    }
                    case "srvstall" -> {
                        out.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789"));
                        drain(in);
                    }
                    case "s500" -> out.write(ascii("HTTP/1.1 500 Oops\r\nContent-Length: 0\r\n\r\n"));
                    case "s501" -> out.write(ascii("HTTP/1.1 501 No\r\nContent-Length: 0\r\n\r\n"));
                    case "s404" -> out.write(ascii("HTTP/1.1 404 Nope\r\nContent-Length: 0\r\n\r\n"));
                    case "cliabort" -> {
                        out.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 100000000\r\n\r\n"));
                        byte[] chunk = new byte[65536];
                        for (int i = 0; i < 1500; i++) {
                            out.write(chunk);
                        }
                    }
                    default -> throw new IllegalStateException(name);
                }
            } catch (IOException gone) {
                // the proxy closed or reset the connection: the scenario wanted it
            }
        }

        @Override
        public void close() throws IOException {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
    }
}
