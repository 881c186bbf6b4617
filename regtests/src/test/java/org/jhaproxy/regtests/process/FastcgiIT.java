package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * FastCGI applications (manual chapter 10), differential against haproxy: a backend with
 * "use-fcgi-app" and a "proto fcgi" server in front of a test responder. The same requests go
 * through both; the records the application receives (BEGIN_REQUEST with FCGI_KEEP_CONN, the
 * PARAMS with the headers, set-param values and CGI variables, STDIN), the bytes the client
 * gets back (the CGI head made an HTTP response: Status removed, Date and Content-Length added,
 * Location as a 302) and the log lines (the application's STDERR, the bytes counted) must be
 * the same, ports, dates and the version in SERVER_SOFTWARE normalised.
 */
class FastcgiIT {
    static String config(int fe, int app) {
        return "global\n    log stdout format raw local0\n"
                + "defaults\n    mode http\n    log global\n    timeout connect 2s\n    timeout client 5s\n    timeout server 5s\n"
                + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    log-format \"%ST %B %s\"\n    default_backend php\n"
                + "backend php\n    use-fcgi-app app\n    server fpm 127.0.0.1:" + app + " proto fcgi\n"
                + "fcgi-app app\n    docroot /var/www/html\n    index index.php\n    log-stderr global\n"
                + "    path-info ^(/.+\\.php)(/.*)?$\n    set-param FOO bar%[src]\n    set-param X-Name \"a b\"\n"
                + "    pass-header Authorization\n    option keep-conn\n    acl local src 127.0.0.1\n";
    }

    /** What the application answers, by script. */
    private static byte[] answer(Map<String, String> params) {
        String script = params.getOrDefault("SCRIPT_NAME", "");
        return switch (script) {
            case "/redirect.php" -> FastcgiResponder.response(null, "Location: /elsewhere\r\n\r\n");
            case "/empty.php" -> FastcgiResponder.response(null, "Status: 204 No Content\r\nX-Empty: 1\r\n\r\n");
            case "/length.php" -> FastcgiResponder.response(null, "Content-Type: text/plain\r\nContent-Length: 3\r\n\r\nabc");
            case "/echo.php" -> FastcgiResponder.response(null, "Status: 201 Created\r\n\r\ngot " + params.get("CONTENT_LENGTH"));
            default -> FastcgiResponder.response("error from " + script + "\n",
                    "Status: 404 Not Found\r\nContent-Type: text/plain\r\nX-A: b\r\n\r\nnot here");
        };
    }

    private static final String KEEP_ALIVE = "GET /y.php/extra/x%41?q=1 HTTP/1.1\r\nHost: example.com:81\r\n"
            + "Authorization: Basic dTpw\r\nTE: trailers, gzip\r\nUser-Agent: t\r\nConnection: keep-alive\r\n\r\n"
            + "GET /dir/ HTTP/1.1\r\nHost: h\r\n\r\n"
            + "POST /echo.php HTTP/1.1\r\nHost: h\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello"
            + "GET /redirect.php HTTP/1.1\r\nHost: h\r\n\r\n"
            + "GET /empty.php HTTP/1.1\r\nHost: h\r\n\r\n"
            + "GET http://h:99/length.php HTTP/1.1\r\nHost: h:99\r\nConnection: close\r\n\r\n";
    private static final String HTTP10 = "GET /old.php HTTP/1.0\r\n\r\n";

    @Test
    void sameRecordsResponsesAndLogsAsHaproxy() throws Exception {
        List<String> j = scenario(RunningProxy.jhaproxy());
        assertTrue(j.get(0).startsWith("HTTP/1.1 404 Not Found\r\ncontent-type: text/plain\r\nx-a: b\r\ndate: DATE\r\n"
                + "content-length: 8\r\n\r\nnot here"), j.get(0));
        Path haproxy = HealthCheckIT.haproxy();
        if (haproxy == null) {
            System.out.println("FastcgiIT: haproxy is not installed, the differential run is skipped");
            return;
        }
        List<String> h = scenario(haproxy);
        for (int i = 0; i < h.size(); i++) {
            assertEquals(h.get(i), j.get(i), "part " + i);
        }
    }

    private static List<String> scenario(Path program) throws Exception {
        int fe = RunningProxy.freePort();
        try (FastcgiResponder app = new FastcgiResponder(FastcgiIT::answer);
             RunningProxy p = RunningProxy.start(program, config(fe, app.port()), "-db").listening(fe)) {
            List<String> out = new ArrayList<>();
            out.add(normalise(untilClosed(fe, KEEP_ALIVE)));
            out.add(normalise(untilClosed(fe, HTTP10)));
            assertTrue(RunningProxy.within(Duration.ofSeconds(10), () -> p.output().split("\n").length >= 9), p.output());
            out.add(p.output());
            List<String> received = new ArrayList<>();
            for (String line : app.transcript()) {
                received.add(line.replaceAll("^  (REMOTE_PORT|SERVER_PORT)=\\d+", "  $1=PORT")
                        .replaceAll("^  SERVER_SOFTWARE=HAProxy 2\\.6\\.12.*", "  SERVER_SOFTWARE=HAProxy 2.6.12"));
            }
            out.add(String.join("\n", received));
            p.assertCleanOutput();
            return out;
        }
    }

    /** The requests in one write, then every byte until the proxy closes. */
    private static String untilClosed(int port, String requests) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream o = s.getOutputStream();
            o.write(requests.getBytes(StandardCharsets.ISO_8859_1));
            o.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String normalise(String response) {
        return response.replaceAll("date: [A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT", "date: DATE");
    }
}
