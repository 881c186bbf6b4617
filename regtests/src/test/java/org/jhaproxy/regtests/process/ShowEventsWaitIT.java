package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "show events &lt;ring&gt; -w" (management.txt 9.3), differential: a client holds the command on
 * the stats socket while requests write their log lines into "log ring@buf0", and the bytes it
 * receives are compared with haproxy's. Covered: the events kept then each new one, the end when
 * the client shuts its side ("\n", then the close), "-n -w" in prompt mode where typing ends the
 * command at the next event (what was typed is thrown away), "-nw" ended by the idle timeout
 * ("set timeout cli"), and commands pipelined after "-w", which end it at once unread.
 * Dates are normalised.
 */
class ShowEventsWaitIT {
    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @Test
    void streamsNewEventsAsHaproxy() throws Exception {
        Map<String, String> ours = run(RunningProxy.jhaproxy());
        assertTrue(ours.get("wait").endsWith("/a2 200 fe\n\n<EOF>"), ours.toString());
        if (Files.isExecutable(HAPROXY)) {
            assertEquals(run(HAPROXY), ours);
        } else {
            System.out.println("ShowEventsWaitIT: " + HAPROXY + " is not installed, jhaproxy alone is checked");
        }
    }

    private static Map<String, String> run(Path program) throws Exception {
        Path sock = Files.createTempDirectory("showevents").resolve("admin.sock");
        int fe = RunningProxy.freePort();
        String cfg = "global\n    stats socket " + sock + " mode 600 level admin\n"
                // dontlognull: the probe that waits for the port logs no "<BADREQ>", whose line
                // may come before or after the first request's on either program
                + "defaults\n    mode http\n    option dontlognull\n    timeout connect 1s\n    timeout client 5s\n"
                + "    timeout server 5s\n"
                + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    log ring@buf0 local0\n"
                + "    log-format \"%HU %ST %f\"\n    http-request return status 200\n";
        Map<String, String> out = new LinkedHashMap<>();
        try (RunningProxy p = RunningProxy.start(program, cfg, "-db")) {
            p.listening(fe);
            request(fe, "/a0");
            try (Follower f = new Follower(sock)) {
                f.send("show events buf0 -w\n");
                f.await("/a0 200 fe\n");
                request(fe, "/a1");
                f.await("/a1 200 fe\n");
                request(fe, "/a2");
                f.await("/a2 200 fe\n");
                f.shutdownOutput();
                out.put("wait", f.untilClosed());
            }
            try (Follower f = new Follower(sock)) {
                f.send("prompt\nshow events buf0 -n -w\n");
                f.await("\n> ");
                f.requestUntilShown(fe, "/b1");
                f.send("show info\n");
                request(fe, "/b2");
                f.await("/b2 200 fe\n\n> ");
                f.send("show events buf0 -nw\n");
                f.requestUntilShown(fe, "/b3");
                f.shutdownOutput();
                out.put("prompt, typed", f.untilClosed());
            }
            try (Follower f = new Follower(sock)) {
                f.send("prompt\nset timeout cli 1\nshow events buf0 -nw\n");
                f.requestUntilShown(fe, "/c1");
                out.put("timeout", f.untilClosed());
            }
            try (Follower f = new Follower(sock)) {
                f.send("show events buf0 -w;show info\n");
                out.put("pipelined", f.untilClosed());
            }
            if (program.equals(RunningProxy.jhaproxy())) {
                p.assertCleanOutput();
            }
        }
        return out;
    }

    private static void request(int port, String path) throws IOException {
        String r = RawHttp.exchange(port, "GET " + path + " HTTP/1.0\r\n\r\n");
        assertTrue(r.startsWith("HTTP/1.1 200"), r);
    }

    /** A stats socket connection whose answer is read as it comes, by a thread of its own. */
    private static final class Follower implements AutoCloseable {
        private final SocketChannel channel;
        private final StringBuffer received = new StringBuffer();
        private volatile boolean closed;
        private final Thread reader;

        Follower(Path sock) throws IOException {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(sock));
            reader = new Thread(() -> {
                ByteBuffer buf = ByteBuffer.allocate(1 << 16);
                try {
                    while (channel.read(buf) >= 0) {
                        buf.flip();
                        received.append(StandardCharsets.ISO_8859_1.decode(buf));
                        buf.clear();
                    }
                } catch (IOException ignored) {
                    // closed by the test
                }
                closed = true;
            });
            reader.setDaemon(true);
            reader.start();
        }

        void send(String s) throws IOException {
            channel.write(ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1)));
        }

        void shutdownOutput() throws IOException {
            channel.shutdownOutput();
        }

        void await(String tail) {
            assertTrue(RunningProxy.within(DEADLINE, () -> received.toString().endsWith(tail)),
                    "waited for " + tail + " after: " + received);
        }

        /**
         * Requests {@code path} until its event is shown: after "-n" the client cannot see when
         * the command has started to follow, and an event logged before is (rightly) skipped.
         * Repeated lines are folded by {@link #untilClosed()}.
         */
        void requestUntilShown(int port, String path) throws IOException {
            String tail = path + " 200 fe\n";
            long end = System.nanoTime() + DEADLINE.toNanos();
            do {
                request(port, path);
                if (RunningProxy.within(Duration.ofMillis(250), () -> received.toString().endsWith(tail))) {
                    return;
                }
            } while (System.nanoTime() < end);
            throw new AssertionError("never shown: " + path + " after: " + received);
        }

        /** Everything received, normalised, once the proxy closed the connection. */
        String untilClosed() {
            assertTrue(RunningProxy.within(DEADLINE, () -> closed), "not closed: " + received);
            return received.toString().replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}[+-]\\d\\d:\\d\\d", "DATE")
                    .replaceAll("(?m)^(.*\n)\\1+", "$1") + "<EOF>";
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
