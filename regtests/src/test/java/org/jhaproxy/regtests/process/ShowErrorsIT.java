package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "show errors" (management guide 9.3), differential: jhaproxy and haproxy 2.6.12 run the same
 * configuration and get the same invalid requests (a bad request line, header names, a bare CR,
 * conflicting or invalid Content-Length, Transfer-Encoding a request may not have, a Host that
 * contradicts the URI, a WebSocket handshake without its key, HTTP/0.9, folded header lines,
 * a head larger than the buffer, one refused on the second request of a connection, a
 * pipelined one, a chunk size refused with its head or in a later read) and invalid responses
 * from the servers, one on a server connection that had answered before; after each, and at
 * the end with every filter, the stats socket's dump must be the same bytes. Only the dates and
 * the client's source ports are normalised: the event numbers, error positions, parser states
 * and flags and the dumped bytes are compared as they are.
 */
class ShowErrorsIT {
    /** Invalid requests, each sent on a new connection to the frontend named first. */
    private static final List<String[]> REQUESTS = List.of(
            new String[] {"fe", "GET/ HTTP/1.1 extra\r\nHost: x\r\n\r\n"},
            new String[] {"fe", "GET / HTTP/1.1\r\nHost: x\r\nBad Name: v\r\n\r\n"},
            new String[] {"fe2", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"},
            new String[] {"fe", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\nabc"},
            new String[] {"fe", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n"},
            new String[] {"fe", "GET / HTTP/1.1\r\nHost: x\r\nBadHeader\r\n\r\n"},
            new String[] {"fe", "GET / HTTP/1.1\r\nHost: x\r\nX@Y: 1\r\n\r\n"},
            new String[] {"fe2", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"},
            new String[] {"fe", "GET http://www.example.com:8080/x HTTP/1.1\r\nHost: www.example.com\r\n\r\n"},
            new String[] {"fe", "GET /x HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"},
            new String[] {"fe", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n"},
            new String[] {"fe", "GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"},
            new String[] {"fe", "GET / HTTP/1.x\r\nHost: x\r\n\r\n"},
            new String[] {"fe", "GET /\r\n\r\n"},
            new String[] {"fe", "GET /a#b HTTP/1.1\r\nHost: x\r\n\r\n"},
            new String[] {"fe", "GET /caf\u00e9 HTTP/1.1\r\nHost: x\r\n\r\n"},
            new String[] {"fe", "GET /x\u007fy/\u0001 HTTP/1.1\r\nHost: x\r\n\r\n"},
            new String[] {"fe", "GET / HTTP/1.1\r\nHost: x\r\nX-F: a\r\n b\r\nX-G:\r\n\tc\r\nBad Name: v\r\n\r\n"},
            new String[] {"fe", "GET / HTTP/1.0\r\nConnection: keep-alive\r\nX-A: \u00ff\u001b\\\r\nBad\u007f: v\r\n\r\n"},
            new String[] {"fe", "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(17000) + "\r\n\r\n"},
            new String[] {"fe", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n5z\r\nabcde\r\n"},
            new String[] {"fe2", "POST / HTTP/1.0\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n3 ;e\r\nabc\r\nzz\r\n"});

    private static final String CHUNKED = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n";
    /** The client of /rc2 read the first chunk: the server may send the bad one. */
    private static java.util.concurrent.CountDownLatch firstChunkRead;

    private static final String RESPONSE = "HTTP/1.1 200 OK\r\nBad Header: 1\r\nContent-Length: 2\r\n\r\nok";

    static String config(Path dir, int fe, int fe2, int good, int bad, int slow, int reuse) {
        return "global\n    stats socket " + dir.resolve("admin.sock") + " level admin\n\n"
                + "defaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n\n"
                + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    use_backend bad if { path /bad }\n"
                + "    use_backend slow if { path /slow }\n    use_backend reuse if { path_beg /r }\n"
                + "    default_backend be\n\n"
                + "backend be\n    server s1 127.0.0.1:" + good + "\n\n"
                + "frontend fe2\n    bind 127.0.0.1:" + fe2 + "\n    default_backend bad\n\n"
                + "backend bad\n    server other 127.0.0.1:9 disabled\n    server liar 127.0.0.1:" + bad + "\n\n"
                + "backend slow\n    server s1 127.0.0.1:" + slow + "\n\n"
                + "backend reuse\n    server r1 127.0.0.1:" + reuse + "\n";
    }

    @Test
    void invalidMessagesAreDumpedAsHaproxyDoes() throws Exception {
        String j = transcript(RunningProxy.jhaproxy());
        assertTrue(j.contains("frontend fe (#2): invalid request\n  backend <NONE> (#-1), server <NONE> (#-1), event #0,"), j);
        assertTrue(j.contains("  len 32, wraps at 16336, error at position 3\n"), j);
        assertTrue(j.contains("backend bad (#5): invalid response\n  frontend fe (#2), server liar (#2), event #"), j);
        assertTrue(j.contains("  backend slow (#6), server <NONE> (#-1), event #"), j);
        assertTrue(j.contains("  len 7, wraps at 16336, error at position 0\n  H1 connection flags 0x00002200"), j);
        Path haproxy = HealthCheckIT.haproxy();
        if (haproxy == null) {
            System.out.println("ShowErrorsIT: haproxy is not installed, the differential half is skipped");
            return;
        }
        assertEquals(transcript(haproxy), j);
    }

    /** The dumps after each message and at the end, as {@code program} answers them. */
    private static String transcript(Path program) throws Exception {
        Path dir = Files.createTempDirectory("showerrors");
        firstChunkRead = new java.util.concurrent.CountDownLatch(1);
        int[] ports = RunningProxy.freePorts(2);
        // the slow server holds each request until the end of the run
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try (AutoCloseable released = release::countDown;
             TestBackend good = new TestBackend(TestBackend.OK);
             TestBackend liar = new TestBackend((head, out) -> {
                 out.write(RESPONSE.getBytes(StandardCharsets.ISO_8859_1));
                 out.flush();
                 // no FIN after it: haproxy notes one read with the response (H1S_F_REOS) or not,
                 // as the timing goes; the proxy closes the connection itself
                 return true;
             });
             TestBackend slow = new TestBackend((head, out) -> {
                 try {
                     release.await();
                 } catch (InterruptedException e) {
                     Thread.currentThread().interrupt();
                 }
                 return false;
             });
             TestBackend reuse = new TestBackend((head, out) -> {
                 if (head.startsWith("GET /rc")) {
                     // chunks turning invalid in the head's read (rc1), or in a later read (rc2)
                     if (head.startsWith("GET /rc1 ")) {
                         // one write, so that the proxy reads it whole
                         out.write((CHUNKED + "zz\r\n").getBytes(StandardCharsets.ISO_8859_1));
                         out.flush();
                         return true;
                     }
                     out.write(CHUNKED.getBytes(StandardCharsets.ISO_8859_1));
                     out.flush();
                     if (head.startsWith("GET /rc2 ")) {
                         try {
                             firstChunkRead.await(10, java.util.concurrent.TimeUnit.SECONDS);
                         } catch (InterruptedException e) {
                             Thread.currentThread().interrupt();
                         }
                     }
                     out.write("zz\r\n".getBytes(StandardCharsets.ISO_8859_1));
                     out.flush();
                     return true;
                 }
                 // a valid answer first, then an invalid one on the same connection
                 boolean second = head.startsWith("GET /r2 ");
                 out.write((second ? "HTTP/1.1 200 OK\r\nX:1\r\nBad Header: 1\r\n\r\n" : "HTTP/1.1 200 OK\r\n"
                         + "Content-Length: 2\r\n\r\nok").getBytes(StandardCharsets.ISO_8859_1));
                 out.flush();
                 return true; // no FIN with the invalid answer (see the liar)
             });
             RunningProxy p = RunningProxy.start(program, config(dir, ports[0], ports[1], good.port(), liar.port(),
                     slow.port(), reuse.port()), "-db").listening(ports[0])) {
            StatsCli.awaitSocket(dir, "admin.sock");
            StringBuilder out = new StringBuilder();
            out.append(ask(dir, "show errors"));
            for (String[] r : REQUESTS) {
                int port = r[0].equals("fe") ? ports[0] : ports[1];
                out.append("== ").append(r[1].substring(0, Math.min(40, r[1].length())).replace("\r\n", "\\r\\n"))
                        .append('\n');
                out.append(status(exchange(port, List.of(r[1]))));
                out.append(ask(dir, "show errors " + r[0] + " request"));
            }
            // refused as the second request of a connection, then as the second of one read
            out.append(status(exchange(ports[0], List.of("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello",
                    "GET / HTTP/1.1\r\nHost: x\r\nBad Name: v\r\n\r\n"))));
            out.append(ask(dir, "show errors fe"));
            out.append(status(exchange(ports[0], List.of("GET / HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET / HTTP/1.1\r\nHost: x\r\nBad\tName: v\r\n\r\n"))));
            out.append(ask(dir, "show errors fe"));
            out.append(status(exchange(ports[0], List.of("GET /bad HTTP/1.1\r\nHost: x\r\n\r\n"))));
            out.append(status(exchange(ports[0], List.of("GET /r1 HTTP/1.1\r\nHost: x\r\n\r\n",
                    "GET /r2 HTTP/1.1\r\nHost: x\r\n\r\n"))));
            out.append(ask(dir, "show errors reuse"));
            out.append(status(exchange(ports[0], List.of("GET /rc1 HTTP/1.1\r\nHost: x\r\n\r\n"))));
            out.append(ask(dir, "show errors reuse response"));
            out.append(cutChunk(ports[0]));
            out.append(ask(dir, "show errors reuse response"));
            out.append(laterChunk(ports[0], slow));
            out.append(ask(dir, "show errors fe request"));
            for (String c : List.of("show errors", "show errors fe", "show errors fe request", "show errors fe response",
                    "show errors bad response", "show errors bad", "show errors -1", "show errors 5", "show errors 2 request",
                    "show errors 4", "show errors 99", "show errors nosuch", "show errors 0")) {
                out.append(ask(dir, c));
            }
            p.assertCleanOutput();
            return out.toString();
        }
    }

    /**
     * A chunked request whose head and first chunk the server got, then a chunk size the parser
     * refuses in a later read: the stream is attached to its backend by then.
     */
    private static String laterChunk(int port, TestBackend slow) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("POST /slow HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(RunningProxy.within(java.time.Duration.ofSeconds(10), () -> slow.requests() == 1));
            s.getOutputStream().write("zz\r\nabc".getBytes(StandardCharsets.ISO_8859_1));
            return status(response(s.getInputStream()));
        }
    }

    /** A chunked response whose chunk size turns invalid once its first chunk reached the client. */
    private static String cutChunk(int port) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GET /rc2 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            StringBuilder got = new StringBuilder();
            while (got.indexOf("abc\r\n") < 0) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                got.append((char) b);
            }
            firstChunkRead.countDown();
            return status(got.toString()) + (in.read() < 0 ? "<closed>\n" : "<more>\n");
        }
    }

    /** A stats socket answer, its dates and client ports normalised. */
    private static String ask(Path dir, String command) {
        return "> " + command + "\n" + StatsCli.command(dir, command)
                .replaceAll("\\[\\d\\d/\\w{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\]", "[DATE]")
                .replaceAll("src 127\\.0\\.0\\.1:\\d+", "src 127.0.0.1:PORT");
    }

    private static String status(String response) {
        int eol = response.indexOf("\r\n");
        return (eol < 0 ? "<no response>" : response.substring(0, eol)) + "\n";
    }

    /**
     * Sends each of {@code writes} on one connection, each after the answer to the previous one,
     * and returns the last answer: read up to the proxy's close, or up to the end of a response
     * with a Content-Length, the connection then being left open as a client would.
     */
    private static String exchange(int port, List<String> writes) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            String last = "";
            for (String w : writes) {
                s.getOutputStream().write(w.getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                last = response(s.getInputStream());
            }
            return last;
        }
    }

    /** One response: its head, then its Content-Length worth of body; what came before a close. */
    private static String response(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                got.write(b);
                String s = got.toString(StandardCharsets.ISO_8859_1);
                int end = s.indexOf("\r\n\r\n");
                if (end >= 0) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\r\ncontent-length: *(\\d+)").matcher(s);
                    if (m.find() && s.length() >= end + 4 + Integer.parseInt(m.group(1))) {
                        return s;
                    }
                }
            }
        } catch (SocketTimeoutException e) {
            // no close nor a whole response within the timeout: what came is the answer
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }
}
