package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "proxy-v2-options" over a TLS frontend (manual 5.2), differential: the PROXY v2 header a raw
 * backend receives carries the same TLVs from haproxy and jhaproxy, byte for byte: ALPN, the
 * AUTHORITY of the client's SNI, and the SSL TLV with its client flags (a client certificate
 * used), the version, the client certificate's CN, the key and signature algorithms of the
 * frontend's certificate and the cipher; a client without certificate and one without SNI too.
 */
class ProxyV2TlvIT {
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
    void tlvsAreHaproxys() throws Exception {
        List<String> seen = scenario(RunningProxy.jhaproxy(), true);
        assertTrue(seen.get(0).contains("RSA-SHA256") && seen.get(0).contains("client"), String.join("\n", seen));
        Path haproxy = HealthCheckIT.haproxy();
        if (haproxy == null) {
            System.out.println("ProxyV2TlvIT: haproxy is not installed, the differential run is skipped");
            return;
        }
        assertEquals(scenario(haproxy, false), seen);
    }

    private List<String> scenario(Path program, boolean clean) throws Exception {
        List<String> out = new ArrayList<>();
        try (RawBackend be = new RawBackend()) {
            int port = RunningProxy.freePort();
            String cfg = "global\n    ca-base " + pki.dir + "\n    crt-base " + pki.dir + "\n\n"
                    + "defaults\n    mode http\n    timeout connect 2s\n    timeout client 5s\n    timeout server 5s\n\n"
                    + "frontend fe\n    bind 127.0.0.1:" + port + " ssl crt a.pem verify optional ca-file ca.pem alpn http/1.1\n"
                    + "    default_backend be\n\n"
                    + "backend be\n    server s1 127.0.0.1:" + be.port() + " send-proxy-v2 proxy-v2-options "
                    + "ssl,cert-cn,ssl-cipher,cert-sig,cert-key,authority\n";
            try (RunningProxy p = RunningProxy.start(program, cfg, "-db").listening(port)) {
                request(port, "a.example", "client");
                out.add(be.next());
                request(port, "a.example", null);
                out.add(be.next());
                request(port, null, null);
                out.add(be.next());
                if (clean) {
                    p.assertCleanOutput();
                }
            }
        }
        return out;
    }

    /** One HTTPS request over TLS 1.3 with the given SNI and client certificate (null: none). */
    private static void request(int port, String sni, String clientKey) throws Exception {
        SSLContext ctx = pki.context(clientKey);
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            SSLParameters params = s.getSSLParameters();
            params.setProtocols(new String[] {"TLSv1.3"});
            params.setCipherSuites(new String[] {"TLS_AES_128_GCM_SHA256"});
            params.setApplicationProtocols(new String[] {"http/1.1"});
            params.setServerNames(sni == null ? List.of() : List.<SNIServerName>of(new SNIHostName(sni)));
            s.setSSLParameters(params);
            s.startHandshake();
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: a.example\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            s.getInputStream().readAllBytes();
        }
    }

    /**
     * A backend reading the PROXY v2 header of each connection and answering 200: it reports
     * the header's TLVs (after the 16 fixed bytes and the 12 of the IPv4 addresses), in hex and
     * with their printable characters.
     */
    private static final class RawBackend implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final LinkedBlockingQueue<String> headers = new LinkedBlockingQueue<>();

        RawBackend() throws IOException {
            Thread t = new Thread(this::serve, "raw-backend");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        String next() throws InterruptedException {
            String h = headers.poll(10, TimeUnit.SECONDS);
            return h == null ? "<no connection>" : h;
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket c = socket.accept()) {
                    c.setSoTimeout(5000);
                    InputStream in = c.getInputStream();
                    byte[] fixed = in.readNBytes(16);
                    int len = ((fixed[14] & 0xff) << 8) | (fixed[15] & 0xff);
                    byte[] rest = in.readNBytes(len);
                    byte[] tlvs = java.util.Arrays.copyOfRange(rest, Math.min(12, rest.length), rest.length);
                    headers.add(HexFormat.of().formatHex(tlvs) + " " + printable(tlvs));
                    TestBackend.readHead(in);
                    c.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // a connection that failed: the next one
                }
            }
        }

        private static String printable(byte[] b) {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            for (byte x : b) {
                o.write(x >= 0x20 && x < 0x7f ? x : '.');
            }
            return o.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
