package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The timings of a TCP stream's timeouts (configuration.txt 4.2), which the runtime cases cannot
 * show (their logs hide the timers): the client's read timeout half-closes its direction and the
 * stream lasts until the server closes, here 1.5 s after it got the FIN, so "cD" with a total
 * time past both; and a client timeout shorter than "tcp-request inspect-delay" ends the stream
 * ("cR") long before the delay. Differential: haproxy's runs must land in the same buckets.
 */
class TcpTimeoutsIT {
    private static final Pattern TCPLOG = Pattern.compile(" fe (\\S+) (-?\\d+)/(-?\\d+)/(\\d+) (\\d+) (\\S\\S) ");
    private static final long SERVER_DELAY_MS = 1500;

    @Test
    void clientTimeoutLastsUntilTheServerCloses() throws Exception {
        for (Path program : ProcessModeIT.programs()) {
            String config = "frontend fe\n    bind 127.0.0.1:${FE}\n    default_backend be\n";
            Outcome o = run(program, config, "500ms");
            assertEquals("late<closed>", o.client, program.toString());
            assertEquals("be/s1 4 cD", o.summary(), program + ": " + o.line);
            assertTrue(o.total >= 500 + SERVER_DELAY_MS - 100, program + ": the stream ended before the server closed: " + o.line);
        }
    }

    @Test
    void clientTimeoutEndsTheInspection() throws Exception {
        for (Path program : ProcessModeIT.programs()) {
            String config = "frontend fe\n    bind 127.0.0.1:${FE}\n    tcp-request inspect-delay 10s\n"
                    + "    tcp-request content accept if { req.len gt 10 }\n    default_backend be\n";
            Outcome o = run(program, config, "500ms");
            assertEquals("<closed>", o.client, program.toString());
            assertEquals("be/<NOSRV> 0 cR", o.summary(), program + ": " + o.line);
            assertTrue(o.total >= 450 && o.total < 5000, program + ": not ended by the client timeout: " + o.line);
        }
    }

    /** What the client received, and the stream's log line (a client timeout: the probe of listening() closes at once). */
    private record Outcome(String client, String line, String backend, long total, long bytes, String state) {
        String summary() {
            return backend + " " + bytes + " " + state;
        }
    }

    private static Outcome run(Path program, String frontend, String clientTimeout) throws Exception {
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try (ServerSocket backend = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // the server answers the FIN of each connection (the probe's too) 1.5 s later with "late" and its close
            Thread acceptor = new Thread(() -> serve(backend, later), "tcp-timeouts-server");
            acceptor.setDaemon(true);
            acceptor.start();
            int fe = RunningProxy.freePort();
            String cfg = "global\n    log stdout format raw local0\n"
                    + "defaults\n    mode tcp\n    log global\n    option tcplog\n    timeout connect 2s\n"
                    + "    timeout client " + clientTimeout + "\n    timeout server 20s\n\n"
                    + frontend.replace("${FE}", Integer.toString(fe))
                    + "\nbackend be\n    server s1 127.0.0.1:" + backend.getLocalPort() + "\n";
            try (RunningProxy p = RunningProxy.start(program, cfg, "-db").listening(fe)) {
                String received;
                try (Socket c = new Socket()) {
                    c.connect(new InetSocketAddress("127.0.0.1", fe), 2000);
                    c.setSoTimeout(15000);
                    received = readUntilClose(c.getInputStream());
                }
                List<String> lines = new ArrayList<>();
                assertTrue(RunningProxy.within(Duration.ofSeconds(15), () -> {
                    lines.clear();
                    for (String l : p.output().split("\n")) {
                        Matcher m = TCPLOG.matcher(l);
                        if (m.find() && m.group(6).startsWith("c")) {
                            lines.add(l);
                        }
                    }
                    return !lines.isEmpty();
                }), program + ": no log line for the stream:\n" + p.output());
                if (program.equals(RunningProxy.jhaproxy())) {
                    p.assertCleanOutput();
                }
                Matcher m = TCPLOG.matcher(lines.get(0));
                assertTrue(m.find());
                return new Outcome(received, lines.get(0), m.group(1), Long.parseLong(m.group(4)),
                        Long.parseLong(m.group(5)), m.group(6));
            }
        } finally {
            later.shutdownNow();
        }
    }

    private static void serve(ServerSocket backend, ScheduledExecutorService later) {
        while (!backend.isClosed()) {
            try {
                Socket s = backend.accept();
                Thread t = new Thread(() -> {
                    try {
                        readUntilClose(s.getInputStream());
                        later.schedule(() -> {
                            try (s) {
                                s.getOutputStream().write("late".getBytes(StandardCharsets.US_ASCII));
                            } catch (IOException e) {
                                // the proxy closed it already: the client gets nothing
                            }
                        }, SERVER_DELAY_MS, TimeUnit.MILLISECONDS);
                    } catch (IOException e) {
                        closeQuietly(s);
                    }
                });
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** The bytes until the peer's FIN, then "<closed>" (or "<reset>"). */
    private static String readUntilClose(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                got.write(buf, 0, n);
            }
        } catch (java.net.SocketException e) {
            return got.toString(StandardCharsets.ISO_8859_1) + "<reset>";
        }
        return got.toString(StandardCharsets.ISO_8859_1) + "<closed>";
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
