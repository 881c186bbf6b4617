package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;

/**
 * HTTP compression (configuration.txt 4.2 "compression", the compression filter), on jhaproxy
 * and haproxy where installed: the same requests (Accept-Encoding forms and weights, HTTP/1.0,
 * HEAD, an old Mozilla/4) for responses of every kind haproxy treats apart (length or chunks,
 * Content-Length 0, types listed or not, multipart, no-transform, already encoded, ETags
 * strong, weak, invalid, a 404). Each answer's head must be the same bytes and its body decode
 * to the same bytes; the compressed bytes themselves may differ (haproxy's libslz against
 * zlib's deflate). "compression offload" hides Accept-Encoding from the server, and the stats
 * count what went through the compressor the same way (comp_in, comp_byp, comp_rsp).
 */
class CompressionIT {
    private static final String BODY = "hello compression ".repeat(200);

    private static String config(Path dir, int port, int backend) {
        String server = "    server s1 127.0.0.1:" + backend + "\n";
        return "global\n    stats socket " + dir.resolve("admin.sock") + " level admin\n\n"
                + "defaults\n    mode http\n    timeout connect 5s\n    timeout client 10s\n    timeout server 10s\n"
                + "    compression algo gzip deflate\n    compression type text/html text/plain\n"
                + "    log stdout format raw local0\n    option dontlognull\n    log-format \"%ST %B %U %{+Q}r\"\n\n"
                + "frontend fe\n    bind 127.0.0.1:" + port + "\n    log global\n"
                + "    http-response set-header x-comp %[res.comp]/%[res.comp_algo]\n"
                + "    use_backend offload if { path_beg /offload }\n"
                + "    use_backend raw if { path_beg /raw }\n"
                + "    use_backend identity if { path_beg /identity }\n"
                + "    default_backend be\n\n"
                + "backend be\n" + server + "\n"
                + "backend offload\n    compression offload\n" + server + "\n"
                + "backend raw\n    compression algo raw-deflate\n    compression type application/\n" + server + "\n"
                + "backend identity\n    compression algo identity\n" + server;
    }

    /** The server's answer to a path: its head lines and body by the path's last word. */
    private static String answer(String path) {
        String kind = path.substring(path.lastIndexOf('/') + 1);
        String cl = "Content-Length: " + BODY.length() + "\r\n\r\n" + BODY;
        return switch (kind) {
            case "chunked" -> "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n"
                    + "ETag: \"c1\"\r\n\r\n" + chunk(BODY.substring(0, 1500)) + chunk(BODY.substring(1500))
                    + "0\r\nX-Trailer: t\r\n\r\n";
            case "json" -> "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + cl;
            case "empty" -> "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 0\r\n\r\n";
            case "notransform" -> "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nCache-Control: public, no-transform\r\n" + cl;
            case "encoded" -> "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n" + cl;
            case "multipart" -> "HTTP/1.1 200 OK\r\nContent-Type: multipart/mixed; boundary=x\r\n" + cl;
            case "weak" -> "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nETag: W/\"w1\"\r\n" + cl;
            case "badetag" -> "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nETag: abc\r\n" + cl;
            case "twoetags" -> "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nETag: \"a\"\r\nETag: \"b\"\r\n" + cl;
            case "notfound" -> "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n" + cl;
            case "created" -> "HTTP/1.1 201 Created\r\nContent-Type: TEXT/PLAIN;charset=utf-8\r\n" + cl;
            case "notype" -> "HTTP/1.1 200 OK\r\n" + cl;
            default -> "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nVary: Origin\r\nETag: \"x1\"\r\n" + cl;
        };
    }

    private static String chunk(String s) {
        return Integer.toHexString(s.length()) + "\r\n" + s + "\r\n";
    }

    /** The requests: path, request line version and method, extra header lines. */
    private static final List<String[]> REQUESTS = List.of(
            new String[] {"GET", "/html", "HTTP/1.1", "Accept-Encoding: gzip\r\n"},
            new String[] {"GET", "/html", "HTTP/1.1", "Accept-Encoding: deflate;q=0.5, gzip;q=0.4\r\n"},
            new String[] {"GET", "/html", "HTTP/1.1", "Accept-Encoding: br, *\r\n"},
            new String[] {"GET", "/html", "HTTP/1.1", "Accept-Encoding: gzip;q=0, identity\r\n"},
            new String[] {"GET", "/html", "HTTP/1.1", "Accept-Encoding: GZIP\r\nAccept-Encoding: deflate\r\n"},
            new String[] {"GET", "/html", "HTTP/1.1", ""},
            new String[] {"GET", "/html", "HTTP/1.0", "Accept-Encoding: gzip\r\n"},
            new String[] {"HEAD", "/html", "HTTP/1.1", "Accept-Encoding: gzip\r\n"},
            new String[] {"GET", "/html", "HTTP/1.1", "Accept-Encoding: gzip\r\nUser-Agent: Mozilla/4.0 (compatible; x)\r\n"},
            new String[] {"GET", "/html", "HTTP/1.1", "Accept-Encoding: gzip\r\n"
                    + "User-Agent: Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 5.1)\r\n"},
            new String[] {"GET", "/chunked", "HTTP/1.1", "Accept-Encoding: gzip\r\n"},
            new String[] {"GET", "/json", "HTTP/1.1", "Accept-Encoding: gzip\r\n"},
            new String[] {"GET", "/empty", "HTTP/1.1", "Accept-Encoding: deflate\r\n"},
            new String[] {"GET", "/notransform", "HTTP/1.1", "Accept-Encoding: gzip\r\n"},
            new String[] {"GET", "/encoded", "HTTP/1.1", "Accept-Encoding: gzip\r\n"},
            new String[] {"GET", "/multipart", "HTTP/1.1", "Accept-Encoding: gzip\r\n"},
            new String[] {"GET", "/weak", "HTTP/1.1", "Accept-Encoding: gzip\r\n"},
            new String[] {"GET", "/badetag", "HTTP/1.1", "Accept-Encoding: gzip\r\n"},
            new String[] {"GET", "/twoetags", "HTTP/1.1", "Accept-Encoding: gzip\r\n"},
            new String[] {"GET", "/notfound", "HTTP/1.1", "Accept-Encoding: gzip\r\n"},
            new String[] {"GET", "/created", "HTTP/1.1", "Accept-Encoding: deflate\r\n"},
            new String[] {"GET", "/notype", "HTTP/1.1", "Accept-Encoding: gzip\r\n"},
            new String[] {"GET", "/offload/html", "HTTP/1.1", "Accept-Encoding: gzip\r\n"},
            new String[] {"GET", "/raw/json", "HTTP/1.1", "Accept-Encoding: deflate\r\n"},
            new String[] {"GET", "/raw/notype", "HTTP/1.1", "Accept-Encoding: deflate\r\n"},
            new String[] {"GET", "/identity/html", "HTTP/1.1", ""},
            new String[] {"GET", "/identity/html", "HTTP/1.1", "Accept-Encoding: gzip\r\n"});

    @Test
    void sameHeadsSameDecodedBodiesSameCounters() throws Exception {
        ProxyPair.sameRuns("CompressionIT", CompressionIT::run);
    }

    private static List<String> run(Path program) throws Exception {
        List<String> seen = new ArrayList<>();
        Path dir = ProcessIdentityIT.directory();
        try (Backend backend = new Backend()) {
            int port = RunningProxy.freePort();
            try (RunningProxy p = RunningProxy.start(program, config(dir, port, backend.port()), "-db").listening(port)) {
                for (String[] r : REQUESTS) {
                    String request = r[0] + " " + r[1] + " " + r[2] + "\r\nHost: x\r\n" + r[3] + "\r\n";
                    seen.add(r[0] + " " + r[1] + " " + r[2] + " " + r[3].replace("\r\n", " | ") + "\n"
                            + decoded(RawHttp.exchange(port, request), r[0].equals("HEAD")));
                    String atServer = backend.heads.poll();
                    seen.add("server saw Accept-Encoding: " + (atServer == null ? "-"
                            : atServer.lines().filter(l -> l.toLowerCase().startsWith("accept-encoding")).toList()));
                }
                // the log counts the body as the server sent it, before compression
                assertTrue(RunningProxy.within(java.time.Duration.ofSeconds(20),
                        () -> logLines(p.output()).size() == REQUESTS.size()), p.output());
                seen.addAll(logLines(p.output()));
                String stat = StatsCli.command(dir, "show stat");
                seen.add(counters(stat, "fe,FRONTEND"));
                seen.add(counters(stat, "be,BACKEND"));
                seen.add(counters(stat, "raw,BACKEND"));
                if (program.equals(RunningProxy.jhaproxy())) {
                    p.assertCleanOutput();
                }
            }
        } finally {
            ProcessIdentityIT.delete(dir);
        }
        return seen;
    }

    /**
     * Applets' answers are compressed as servers' are (the stats page, a service, a cache hit);
     * haproxy's own replies ("http-request return") never are.
     */
    @Test
    void appletAnswersButNotOwnReplies() throws Exception {
        ProxyPair.sameRuns("CompressionIT", CompressionIT::applets);
    }

    private static List<String> applets(Path program) throws Exception {
        List<String> seen = new ArrayList<>();
        Path dir = ProcessIdentityIT.directory();
        try (Backend backend = new Backend()) {
            int port = RunningProxy.freePort();
            String config = "global\n    stats socket " + dir.resolve("admin.sock") + " level admin\n\n"
                    + "defaults\n    mode http\n    timeout connect 5s\n    timeout client 10s\n    timeout server 10s\n"
                    + "    compression algo gzip\n\n"
                    + "cache c\n    total-max-size 4\n\n"
                    + "frontend fe\n    bind 127.0.0.1:" + port + "\n"
                    + "    stats enable\n    stats uri /stats\n"
                    + "    http-request use-service prometheus-exporter if { path /metrics }\n"
                    + "    http-request return status 200 content-type text/html string \"" + BODY + "\" if { path /return }\n"
                    + "    http-request cache-use c\n    http-response cache-store c\n"
                    + "    http-after-response set-header x-after %[res.comp]\n"
                    + "    default_backend be\n\n"
                    + "backend be\n    server s1 127.0.0.1:" + backend.port() + "\n";
            try (RunningProxy p = RunningProxy.start(program, config, "-db").listening(port)) {
                for (String path : List.of("/stats", "/metrics", "/return", "/cached/chunked", "/cached/chunked")) {
                    String response = RawHttp.exchange(port, "GET " + path + " HTTP/1.1\r\nHost: x\r\n"
                            + "Accept-Encoding: gzip\r\n\r\n");
                    String d = decoded(response, false).replaceAll("(?m)^age: \\d+\r$", "age: N\r");
                    // the stats page and the metrics differ in their figures: their length and bytes are not compared
                    seen.add(path + "\n" + (path.equals("/stats") || path.equals("/metrics")
                            ? d.replaceAll("\\[\\d+ bytes, other\\]", "[a body]") : d));
                }
                seen.add(counters(StatsCli.command(dir, "show stat"), "fe,FRONTEND").replaceAll("comp_in=\\d+ ", ""));
            }
        } finally {
            ProcessIdentityIT.delete(dir);
        }
        return seen;
    }

    private static List<String> logLines(String output) {
        return output.lines().filter(l -> l.matches("\\d{3} \\d+ \\d+ \".*")).toList();
    }

    /** comp_in, comp_byp, comp_rsp of a stats row; comp_out only as "some" (its bytes are the encoder's). */
    private static String counters(String stat, String row) {
        List<String> names = List.of(stat.lines().findFirst().orElseThrow().substring(2).split(","));
        String line = stat.lines().filter(l -> l.startsWith(row + ",")).findFirst().orElseThrow(() -> new AssertionError(stat));
        String[] v = line.split(",", -1);
        Map<String, String> f = new java.util.HashMap<>();
        for (int i = 0; i < names.size() && i < v.length; i++) {
            f.put(names.get(i), v[i]);
        }
        return row + " comp_in=" + f.get("comp_in") + " comp_byp=" + f.get("comp_byp") + " comp_rsp=" + f.get("comp_rsp")
                + " comp_out=" + (Long.parseLong(f.get("comp_out")) > 0 ? "some" : "0");
    }

    /** The head as sent; the body dechunked, decoded by its Content-Encoding, and its trailers. */
    private static String decoded(String response, boolean head) throws IOException {
        int eoh = response.indexOf("\r\n\r\n");
        assertTrue(eoh > 0, response);
        String heads = response.substring(0, eoh + 4);
        String body = response.substring(eoh + 4);
        String lower = heads.toLowerCase();
        String trailers = "";
        if (!head && lower.contains("\r\ntransfer-encoding: chunked\r\n")) {
            String data = RawHttp.dechunk(body);
            int end = body.indexOf("\r\n0\r\n");
            trailers = end < 0 ? "?" : body.substring(end + 5);
            body = data;
        }
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        String coding = lower.contains("\r\ncontent-encoding: gzip\r\n") ? "gzip"
                : lower.contains("\r\ncontent-encoding: deflate\r\n") ? "deflate" : "";
        if (!head && !coding.isEmpty()) {
            bytes = inflate(bytes, coding, lower.contains("x-comp: 1/raw-deflate"));
        }
        return heads + "[" + bytes.length + " bytes, "
                + (new String(bytes, StandardCharsets.ISO_8859_1).equals(BODY) ? "the body" : "other") + "] " + trailers;
    }

    private static byte[] inflate(byte[] in, String coding, boolean raw) throws IOException {
        try (InputStream z = coding.equals("gzip") ? new GZIPInputStream(new ByteArrayInputStream(in))
                : new InflaterInputStream(new ByteArrayInputStream(in), new Inflater(raw))) {
            return z.readAllBytes();
        }
    }

    /** An HTTP/1.1 server answering each request by its path, one request per connection; it keeps the heads it read. */
    private static final class Backend implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final ConcurrentLinkedQueue<String> heads = new ConcurrentLinkedQueue<>();
        private final Thread thread = new Thread(this::serve, "compression-backend");

        Backend() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket c = socket.accept()) {
                    InputStream in = c.getInputStream();
                    ByteArrayOutputStream head = new ByteArrayOutputStream();
                    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                        int b = in.read();
                        if (b < 0) {
                            break;
                        }
                        head.write(b);
                    }
                    String h = head.toString(StandardCharsets.ISO_8859_1);
                    heads.add(h);
                    String path = h.isEmpty() ? "/" : h.split(" ")[1];
                    OutputStream out = c.getOutputStream();
                    String a = answer(path);
                    // a HEAD's answer is its head
                    out.write((h.startsWith("HEAD ") ? a.substring(0, a.indexOf("\r\n\r\n") + 4) : a)
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    c.shutdownOutput();
                    while (in.read() >= 0) {
                        // until the proxy closes its side
                    }
                } catch (IOException e) {
                    // the socket closed: the test is over
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
