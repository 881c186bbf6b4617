package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The address forms of a "bind" line (manual section 5.1): several comma-separated addresses,
 * a port range (one listener per port), "ipv6@" and "unix@" (a UNIX stream socket).
 */
class BindFormsIT {
    private static final String GET = "GET / HTTP/1.1\r\nhost: x\r\n\r\n";
    private static final String OK = "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok";

    @Test
    void everyAddressOfTheBindLinesIsServed() throws Exception {
        Path dir = Files.createTempDirectory("bindforms");
        Path sock = dir.resolve("fe.sock");
        try (TestBackend be = new TestBackend(TestBackend.OK)) {
            int a = RunningProxy.freePort();
            int r = RunningProxy.freePortPair();
            int v6 = RunningProxy.freePort();
            String cfg = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 10s\n    timeout server 10s\n\n"
                    + "frontend fe\n    bind 127.0.0.1:" + a + ",127.0.0.1:" + r + "-" + (r + 1) + "\n"
                    + "    bind ipv6@[::1]:" + v6 + "\n    bind unix@" + sock + "\n    default_backend be\n\n"
                    + "backend be\n    server s1 127.0.0.1:" + be.port() + "\n";
            try (RunningProxy p = RunningProxy.start(cfg, "-db").listening(a)) {
                assertEquals(OK, get("127.0.0.1", a));
                assertEquals(OK, get("127.0.0.1", r));
                assertEquals(OK, get("127.0.0.1", r + 1));
                assertEquals(OK, get("::1", v6));
                try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    ch.connect(UnixDomainSocketAddress.of(sock));
                    ch.write(ByteBuffer.wrap(GET.getBytes(StandardCharsets.US_ASCII)));
                    ByteBuffer buf = ByteBuffer.allocate(100);
                    while (buf.position() < OK.length() && ch.read(buf) >= 0) {
                        // until the whole answer is in
                    }
                    assertEquals(OK, new String(buf.array(), 0, buf.position(), StandardCharsets.ISO_8859_1));
                }
                p.assertCleanOutput();
            }
        } finally {
            Files.deleteIfExists(sock);
            Files.deleteIfExists(dir);
        }
    }

    private static String get(String host, int port) throws IOException {
        try (Socket s = new Socket(host, port)) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(GET.getBytes(StandardCharsets.US_ASCII));
            return SignalIT.read(s.getInputStream(), OK.length());
        }
    }
}
