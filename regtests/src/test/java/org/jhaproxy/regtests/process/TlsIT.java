package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS on both sides (configuration.txt 5.1 "ssl", "crt", "verify", "alpn"; 5.2 "ssl", "verify",
 * "ca-file", "sni"; 7.3.4 ssl_fc*), differential: the same configuration runs on haproxy and
 * jhaproxy, the same TLS clients talk to it, and what the clients and the TLS backend get must
 * be the same: the certificate chosen by SNI, the response bytes, the request the backend
 * read and the SNI it was sent, the ssl_fc_* values, a plain request on the TLS port, a
 * client without the certificate "verify required" asks for, the %sslv/%sslc log fields.
 */
class TlsIT {
    private static TestPki pki;

    @BeforeAll
    static void pki() throws Exception {
        pki = TestPki.create();
    }

    @AfterAll
    static void cleanup() throws IOException {
        pki.delete();
    }

    @Test
    void jhaproxyServesTls() throws Exception {
        List<String> seen = scenario(RunningProxy.jhaproxy(), true);
        // the certificate follows the SNI, the first one serves the clients without one
        assertTrue(seen.get(0).startsWith("cert CN=b.example"), String.join("\n", seen));
        assertTrue(seen.get(1).startsWith("cert CN=a.example"), String.join("\n", seen));
        ProxyPair.onHaproxy("TlsIT", haproxy -> assertEquals(scenario(haproxy, false), seen));
    }

    /**
     * Health checks follow the server's "ssl": a TLS server passes (a plain connect check over
     * TLS is "Layer6 check passed"), one that closes during the handshake is down with "SSL
     * handshake failure"; "no-check-ssl" checks a TLS server in clear (it passes at layer 4).
     */
    @Test
    void checksOverTls() throws Exception {
        List<String> seen = checks(RunningProxy.jhaproxy());
        assertTrue(seen.stream().anyMatch(l -> l.contains("s2 is DOWN") && l.contains("SSL handshake failure")), String.join("\n", seen));
        Path haproxy = HealthCheckIT.haproxy();
        if (haproxy != null) {
            assertEquals(checks(haproxy), seen);
        }
    }

    private List<String> checks(Path program) throws Exception {
        try (TlsBackend be = new TlsBackend(pki.context("a"));
             java.net.ServerSocket closer = new java.net.ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (!closer.isClosed()) {
                    try (Socket c = closer.accept()) {
                        c.getInputStream().read();
                    } catch (IOException e) {
                        // closed: the next one
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            int port = RunningProxy.freePort();
            String cfg = "defaults\n    mode http\n    timeout connect 2s\n    timeout client 5s\n    timeout server 5s\n\n"
                    + "listen lst\n    bind 127.0.0.1:" + port + "\n    default-server ssl verify none check inter 200ms rise 1 fall 1\n"
                    + "    server s1 127.0.0.1:" + be.port() + "\n"
                    + "    server s2 127.0.0.1:" + closer.getLocalPort() + "\n"
                    + "    server s3 127.0.0.1:" + be.port() + " no-check-ssl\n";
            try (RunningProxy p = RunningProxy.start(program, cfg, "-db").listening(port)) {
                assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> HealthCheckIT.transitions(p.output()).size() >= 1),
                        p.output());
                // s1 and s3 stay up: nothing more is logged for them within a few more checks
                long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                RunningProxy.within(Duration.ofSeconds(3), () -> System.nanoTime() > until);
                return HealthCheckIT.transitions(p.output());
            }
        }
    }

    private List<String> scenario(Path program, boolean clean) throws Exception {
        List<String> out = new ArrayList<>();
        try (TlsBackend be = new TlsBackend(pki.context("a"))) {
            int port = RunningProxy.freePort();
            int plain = RunningProxy.freePort();
            int mutual = RunningProxy.freePort();
            String cfg = "global\n    ca-base " + pki.dir + "\n    crt-base " + pki.dir + "\n"
                    + "    ssl-default-bind-ciphers ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384\n"
                    + "    ssl-default-bind-options ssl-min-ver TLSv1.2\n\n"
                    + "defaults\n    mode http\n    timeout connect 2s\n    timeout client 5s\n    timeout server 5s\n"
                    + "    log stdout format raw local0\n\n"
                    + "frontend fe\n    bind 127.0.0.1:" + port + " ssl crt a.pem crt b.pem alpn h2,http/1.1\n"
                    + "    bind 127.0.0.1:" + plain + "\n"
                    + "    bind 127.0.0.1:" + mutual + " ssl crt a.pem verify required ca-file ca.pem\n"
                    + "    log-format \"TLS %sslv %sslc %[ssl_fc_sni] %[ssl_c_used] %{+Q}r\"\n"
                    + "    http-request redirect scheme https unless { ssl_fc }\n"
                    + "    http-request set-header x-tls \"%[ssl_fc] %[ssl_fc_sni] %[ssl_fc_protocol] %[ssl_fc_cipher] "
                    + "%[ssl_fc_alpn] %[ssl_c_used] %[ssl_c_verify] %[ssl_c_s_dn] %[ssl_c_i_dn]\"\n"
                    + "    default_backend be\n\n"
                    + "backend be\n    server s1 127.0.0.1:" + be.port() + " ssl verify required ca-file ca.pem sni req.hdr(host)\n";
            try (RunningProxy p = RunningProxy.start(program, cfg, "-db").listening(plain)) {
                out.add(request(port, "b.example", null, "TLSv1.3", "TLS_AES_128_GCM_SHA256"));
                out.add(request(port, null, null, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
                out.add(be.lastSni());
                out.add(request(mutual, "a.example", "client", "TLSv1.3", "TLS_AES_128_GCM_SHA256"));
                out.add(request(mutual, "a.example", null, "TLSv1.3", "TLS_AES_128_GCM_SHA256"));
                out.add(plainRequest(port));
                out.add(plainRequest(plain));
                assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> logLines(p).stream().anyMatch(l -> l.contains("GET /p"))), p.output());
                out.addAll(logLines(p));
                if (clean) {
                    p.assertCleanOutput();
                }
            }
        }
        return out;
    }

    private static List<String> logLines(RunningProxy p) {
        return p.output().lines().filter(l -> l.startsWith("TLS ")).toList();
    }

    /** One HTTPS request: the certificate's subject CN, then the response as received (or how the handshake failed). */
    private String request(int port, String sni, String clientKey, String protocol, String cipher) throws Exception {
        SSLContext ctx = pki.context(clientKey);
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            SSLParameters params = s.getSSLParameters();
            params.setProtocols(new String[] {protocol});
            params.setCipherSuites(new String[] {cipher});
            params.setApplicationProtocols(new String[] {"http/1.1"});
            params.setServerNames(sni == null ? List.of() : List.<SNIServerName>of(new SNIHostName(sni)));
            s.setSSLParameters(params);
            String cert;
            try {
                s.startHandshake();
                cert = "cert " + s.getSession().getPeerPrincipal().getName().replaceAll(",.*", "");
                String host = sni == null ? "a.example" : sni;
                OutputStream o = s.getOutputStream();
                o.write(("GET /x HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                o.flush();
                return cert + "\n" + readAll(s.getInputStream());
            } catch (IOException e) {
                // haproxy and jhaproxy both refuse a missing certificate during the handshake or just after it
                return "refused";
            }
        }
    }

    /** A plain HTTP request: what comes back before the connection ends. */
    private static String plainRequest(int port) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            s.getOutputStream().write("GET /p HTTP/1.1\r\nHost: h\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] got = new byte[4096];
            int n = 0;
            try {
                InputStream in = s.getInputStream();
                int r;
                while (n < got.length && (r = in.read(got, n, got.length - n)) > 0) {
                    n += r;
                    if (new String(got, 0, n, StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                        break;
                    }
                }
            } catch (IOException reset) {
                return "plain: reset after " + n;
            }
            return "plain: " + new String(got, 0, n, StandardCharsets.ISO_8859_1);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            in.transferTo(b);
        } catch (IOException e) {
            b.write("<error>".getBytes(StandardCharsets.US_ASCII));
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    /** A TLS HTTP/1.1 server answering each request with the head it read and the SNI it was sent. */
    private static final class TlsBackend implements AutoCloseable {
        private final SSLServerSocket socket;
        private volatile String lastSni = "none";

        TlsBackend(SSLContext ctx) throws IOException {
            socket = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(this::serve, "tls-backend");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        String lastSni() {
            return "backend sni " + lastSni;
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (SSLSocket c = (SSLSocket) socket.accept()) {
                    c.setSoTimeout(5000);
                    c.startHandshake();
                    List<SNIServerName> names = ((ExtendedSSLSession) c.getSession()).getRequestedServerNames();
                    lastSni = names.isEmpty() ? "none" : ((SNIHostName) names.get(0)).getAsciiName();
                    String head = TestBackend.readHead(c.getInputStream());
                    if (head == null) {
                        continue;
                    }
                    byte[] body = ("sni=" + lastSni + "\n" + head).getBytes(StandardCharsets.ISO_8859_1);
                    OutputStream o = c.getOutputStream();
                    o.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    o.write(body);
                    o.flush();
                } catch (IOException e) {
                    // a connection that failed: the next one
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
