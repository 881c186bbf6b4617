package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * haproxy's signals, on a real process (management.txt section 4): SIGUSR1 soft-stops (the
 * listeners close at once, idle keep-alive connections are closed, a transaction in progress
 * ends with "connection: close", then exit 0); SIGTERM and SIGINT stop at once with status 143.
 */
class SignalIT {

    static String httpConfig(int port, int backend) {
        return "defaults\n    mode http\n    timeout connect 5s\n    timeout client 10s\n    timeout server 10s\n\n"
                + "frontend fe\n    bind 127.0.0.1:" + port + "\n    default_backend be\n\n"
                + "backend be\n    server s1 127.0.0.1:" + backend + "\n";
    }

    @Test
    void sigusr1FinishesTheTransactionsInProgressThenExits0() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        CountDownLatch slowArrived = new CountDownLatch(1);
        try (TestBackend be = new TestBackend((head, out) -> {
            if (head.startsWith("GET /slow")) {
                slowArrived.countDown();
                try {
                    answer.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    return false;
                }
            }
            return TestBackend.OK.respond(head, out);
        })) {
            int port = RunningProxy.freePort();
            try (RunningProxy p = RunningProxy.start(httpConfig(port, be.port()), "-db").listening(port);
                 Socket idle = new Socket("127.0.0.1", port);
                 Socket busy = new Socket("127.0.0.1", port)) {
                idle.setSoTimeout(10_000);
                busy.setSoTimeout(10_000);
                idle.getOutputStream().write("GET /a HTTP/1.1\r\nhost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertEquals("HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok", read(idle.getInputStream(), 41));
                busy.getOutputStream().write("GET /slow HTTP/1.1\r\nhost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertTrue(slowArrived.await(10, TimeUnit.SECONDS));

                p.signal("USR1");
                // the idle keep-alive connection is closed at once, the listener too
                assertEquals(-1, idle.getInputStream().read());
                assertTrue(RunningProxy.within(Duration.ofSeconds(10), () -> refused(port)), "still listening");
                answer.countDown();
                assertEquals("HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok",
                        read(busy.getInputStream(), 60));
                assertEquals(-1, busy.getInputStream().read());
                assertEquals(0, p.exitWithin(Duration.ofSeconds(20)), p.output());
                assertTrue(p.output().contains("Proxy fe stopped (cumulated conns: FE: "), p.output());
                p.assertCleanOutput();
            }
        }
    }

    @Test
    void sigtermStopsAtOnceWithStatus143() throws Exception {
        hardStop("TERM");
    }

    @Test
    void sigintStopsAtOnceWithStatus143() throws Exception {
        hardStop("INT");
    }

    private static void hardStop(String signal) throws Exception {
        try (TestBackend be = new TestBackend(TestBackend.OK)) {
            int port = RunningProxy.freePort();
            try (RunningProxy p = RunningProxy.start(httpConfig(port, be.port()), "-db").listening(port);
                 Socket open = new Socket("127.0.0.1", port)) {
                p.signal(signal);
                assertEquals(143, p.exitWithin(Duration.ofSeconds(20)), p.output());
                open.setSoTimeout(10_000);
                assertThrows(IOException.class, () -> {
                    if (open.getInputStream().read() == -1) {
                        throw new IOException("closed");
                    }
                });
                p.assertCleanOutput();
            }
        }
    }

    static boolean refused(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads until {@code max} bytes or the end of input, as text. */
    static String read(InputStream in, int max) throws IOException {
        byte[] buf = new byte[max];
        int n = 0;
        while (n < max) {
            int r = in.read(buf, n, max - n);
            if (r < 0) {
                break;
            }
            n += r;
            String s = new String(buf, 0, n, StandardCharsets.ISO_8859_1);
            if (s.contains("\r\n\r\n") && s.endsWith("ok")) {
                break;
            }
        }
        return new String(buf, 0, n, StandardCharsets.ISO_8859_1);
    }
}
