package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * "stats maxconn" (configuration.txt 3.1): the CLI takes that many connections at once; the next
 * one is accepted by the kernel but not served until one of them closes. Run on jhaproxy and on
 * haproxy where it is installed. Also "show version", whose string is "show info"'s Version.
 */
class StatsMaxconnIT {

    @Test
    void aConnectionOverTheLimitWaitsForOneToClose() throws Exception {
        for (Path program : ProcessModeIT.programs()) {
            Path dir = ProcessIdentityIT.directory();
            Path sock = dir.resolve("s.sock");
            int port = RunningProxy.freePort();
            String cfg = "global\n    stats socket " + sock + " level admin\n    stats maxconn 1\n\n"
                    + "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n\n"
                    + "frontend fe\n    bind 127.0.0.1:" + port + "\n";
            try (RunningProxy p = RunningProxy.start(program, cfg, "-db").listening(port)) {
                assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> Files.exists(sock)), program + ": " + p.output());
                try (SocketChannel first = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    first.connect(UnixDomainSocketAddress.of(sock));
                    // interactive mode keeps the first connection, and its slot, after the answer
                    first.write(ByteBuffer.wrap("prompt\n".getBytes(StandardCharsets.US_ASCII)));
                    assertEquals("\n> ", readUntil(first, "> "));
                    SocketChannel second = SocketChannel.open(StandardProtocolFamily.UNIX);
                    second.connect(UnixDomainSocketAddress.of(sock));
                    second.write(ByteBuffer.wrap("show version\n".getBytes(StandardCharsets.US_ASCII)));
                    CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> readToEnd(second));
                    // the second connection is not served while the first holds the only slot
                    try {
                        String early = answer.get(1500, TimeUnit.MILLISECONDS);
                        throw new AssertionError(program + " answered over stats maxconn 1: " + early);
                    } catch (TimeoutException expected) {
                        // still waiting, as it must
                    }
                    first.close();
                    String version = answer.get(20, TimeUnit.SECONDS);
                    second.close();
                    assertTrue(version.matches("2\\.6\\.12\\S*\n\n"), program + ": " + version);
                    if (program.equals(RunningProxy.jhaproxy())) {
                        assertEquals("2.6.12-jhaproxy\n\n", version);
                    }
                }
            } finally {
                ProcessIdentityIT.delete(dir);
            }
        }
    }

    private static String readUntil(SocketChannel ch, String end) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        ByteBuffer b = ByteBuffer.allocate(4096);
        while (!got.toString(StandardCharsets.US_ASCII).endsWith(end)) {
            b.clear();
            if (ch.read(b) < 0) {
                break;
            }
            got.write(b.array(), 0, b.position());
        }
        return got.toString(StandardCharsets.US_ASCII);
    }

    private static String readToEnd(SocketChannel ch) {
        try {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            ByteBuffer b = ByteBuffer.allocate(4096);
            while (true) {
                b.clear();
                if (ch.read(b) < 0) {
                    return got.toString(StandardCharsets.US_ASCII);
                }
                got.write(b.array(), 0, b.position());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
