package org.jhaproxy.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One-shot exchanges with a socket that behaves like haproxy's CLI: read a line, answer, close. */
class CliSocketTest {
    @TempDir
    Path dir;

    /** Serves one connection: reads up to the newline, writes {@code answer} in two writes, closes. */
    private static CompletableFuture<String> serveOnce(ServerSocketChannel server, String answer) {
        return CompletableFuture.supplyAsync(() -> {
            try (SocketChannel c = server.accept()) {
                StringBuilder line = new StringBuilder();
                ByteBuffer b = ByteBuffer.allocate(1);
                while (c.read(b) > 0 && b.get(0) != '\n') {
                    line.append((char) b.get(0));
                    b.clear();
                }
                byte[] bytes = answer.getBytes(StandardCharsets.ISO_8859_1);
                c.write(ByteBuffer.wrap(bytes, 0, bytes.length / 2));
                c.write(ByteBuffer.wrap(bytes, bytes.length / 2, bytes.length - bytes.length / 2));
                return line.toString();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
    }

    @Test
    void unixSocketAnswerUntilClose() throws Exception {
        Path path = dir.resolve("s.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
            CompletableFuture<String> received = serveOnce(server, "# name\nbe_app\n\n");
            CliSocket socket = CliSocket.of(path.toString(), Duration.ofSeconds(10));
            assertEquals("# name\nbe_app\n\n", socket.send("show backend"));
            assertEquals("show backend", received.get());
        }
    }

    @Test
    void tcpHostPort() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            serveOnce(server, "\u00e9\n");
            assertEquals("\u00e9\n", CliSocket.of("127.0.0.1:" + port, Duration.ofSeconds(10)).send("show info"));
            serveOnce(server, "ok\n");
            assertEquals("ok\n", CliSocket.of("ipv4@127.0.0.1:" + port, Duration.ofSeconds(10)).send("x"));
        }
    }

    @Test
    void aMissingPathNamesTheSystemReason() {
        CliSocket socket = CliSocket.of(dir.resolve("none.sock").toString(), Duration.ofSeconds(10));
        IOException e = assertThrows(IOException.class, () -> socket.send("show info"));
        assertEquals("cannot reach " + dir.resolve("none.sock") + ": No such file or directory", socket.describe(e));
    }

    @Test
    void aSilentSocketIsGivenUp() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            CliSocket socket = CliSocket.of("127.0.0.1:" + port, Duration.ofMillis(300));
            IOException e = assertThrows(IOException.class, () -> socket.send("show info"));
            assertEquals("cannot reach 127.0.0.1:" + port + ": no answer within 300 ms", socket.describe(e));
        }
    }
}
