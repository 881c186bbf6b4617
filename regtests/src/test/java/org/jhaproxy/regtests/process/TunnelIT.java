package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jhaproxy.regtests.CaseLogs;
import org.junit.jupiter.api.Test;

/**
 * A WebSocket tunnel under load and under the runtime API: megabytes echoed both ways through a
 * client that reads slowly (back-pressure, no byte lost or reordered), the bytes counted in "show
 * stat" and in the log line, and "shutdown session" ending a tunnel. Compared with haproxy.
 */
class TunnelIT {
    private static final String UPGRADE = "GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    private static final String SWITCHED = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n";
    private static final int MEGABYTES = 4;

    @Test
    void tunnelsCarryBytesBothWaysCountThemAndEndOnShutdownSession() throws Exception {
        List<List<String>> runs = new ArrayList<>();
        for (Path program : ProcessModeIT.programs()) {
            runs.add(run(program));
        }
        List<String> jh = runs.get(0);
        assertTrue(jh.stream().anyMatch(l -> l.contains(" 101 ") && l.contains(" ---- ")), jh.toString());
        assertTrue(jh.stream().anyMatch(l -> l.contains(" 101 ") && l.contains(" K--- ")), jh.toString());
        assertFalse(String.join("\n", jh).contains("LEAK"), jh.toString());
        if (runs.size() > 1) {
            assertEquals(runs.get(1), jh);
        }
    }

    private static List<String> run(Path program) throws Exception {
        Path dir = ProcessIdentityIT.directory();
        Path sock = dir.resolve("s.sock");
        int fe = RunningProxy.freePort();
        List<String> seen = new ArrayList<>();
        try (AcceptingServer be = echoServer()) {
            String cfg = "global\n    nbthread 1\n    stats socket " + sock + " level admin\n\n"
                    + "defaults\n    mode http\n    log stdout format raw local0\n    option httplog\n"
                    + "    timeout connect 2s\n    timeout client 20s\n    timeout server 20s\n    timeout tunnel 20s\n\n"
                    + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    default_backend be\n\n"
                    + "backend be\n    server s1 127.0.0.1:" + be.port() + "\n";
            try (RunningProxy p = RunningProxy.start(program, cfg, "-db").listening(fe)) {
                assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> Files.exists(sock)), program + ": " + p.output());
                StatsCli.awaitNoConnections(sock, "fe");
                seen.add(echoed(fe, program));
                assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> logLines(p.output()).size() >= 1),
                        program + ": " + p.output());
                seen.add(counters(sock));
                seen.add(killed(fe, sock, program));
                assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> logLines(p.output()).size() >= 2),
                        program + ": " + p.output());
                seen.addAll(logLines(p.output()));
                if (p.output().contains("LEAK")) {
                    seen.add(p.output());
                }
            }
        } finally {
            ProcessIdentityIT.delete(dir);
        }
        return seen;
    }

    /** Sends MEGABYTES of random bytes through the tunnel, reading the echo slowly, then half-closes. */
    private static String echoed(int port, Path program) throws Exception {
        byte[] data = new byte[MEGABYTES << 20];
        new Random(42).nextBytes(data);
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            s.setReceiveBufferSize(16 << 10);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(UPGRADE.getBytes(StandardCharsets.ISO_8859_1));
            String head = TestBackend.readHead(in);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    out.write(data);
                    s.shutdownOutput();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            byte[] back = new byte[data.length];
            int n = 0;
            byte[] chunk = new byte[4096];
            int r;
            while ((r = in.read(chunk)) >= 0) {
                System.arraycopy(chunk, 0, back, n, Math.min(r, back.length - n));
                n += r;
                if (n % (256 << 10) < 4096) {
                    // a slow reader: the proxy must stop reading the server meanwhile
                    TimeUnit.MILLISECONDS.sleep(5);
                }
            }
            writer.get(20, TimeUnit.SECONDS);
            assertEquals(data.length, n, program + ": bytes echoed");
            assertArrayEquals(data, back, program + ": the echo differs");
            return head;
        }
    }

    /** bin and bout of the frontend, the backend and the server. */
    private static String counters(Path sock) {
        StringBuilder sb = new StringBuilder();
        for (String row : StatsCli.ask(sock, "show stat\n").split("\n")) {
            String[] f = row.split(",", -1);
            if (f.length > 9 && (f[0].equals("fe") || f[0].equals("be"))) {
                sb.append(f[0]).append('/').append(f[1]).append(" bin=").append(f[8]).append(" bout=").append(f[9]).append('\n');
            }
        }
        return sb.toString();
    }

    /** A tunnel that "shutdown session" ends: what its client gets. */
    private static String killed(int port, Path sock, Path program) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(UPGRADE.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            String head = TestBackend.readHead(in);
            s.getOutputStream().write("ping".getBytes(StandardCharsets.ISO_8859_1));
            byte[] pong = in.readNBytes(4);
            String id = null;
            for (String line : StatsCli.ask(sock, "show sess\n").split("\n")) {
                if (line.contains("fe=fe") && line.contains("be=be")) {
                    id = line.substring(0, line.indexOf(':'));
                }
            }
            assertTrue(id != null, program + ": no tunnel in show sess");
            assertEquals("\n", StatsCli.ask(sock, "shutdown session " + id + "\n"), program.toString());
            int after = in.read();
            return head + new String(pong, StandardCharsets.ISO_8859_1) + (after < 0 ? "<closed>" : "<data>");
        }
    }

    private static List<String> logLines(String output) {
        List<String> lines = new ArrayList<>();
        for (String l : output.split("\n")) {
            if (!l.isBlank() && !l.startsWith("[") && l.contains("\"GET /ws")) {
                lines.add(CaseLogs.normalise(l));
            }
        }
        return lines;
    }

    /** A WebSocket server that echoes what it gets after its 101, and closes when its client does. */
    private static AcceptingServer echoServer() throws IOException {
        return new AcceptingServer("tunnel-echo", c -> {
            try (c) {
                InputStream in = c.getInputStream();
                OutputStream out = c.getOutputStream();
                if (TestBackend.readHead(in) == null) {
                    return;
                }
                out.write(SWITCHED.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                in.transferTo(out);
            } catch (IOException gone) {
                // the tunnel was cut
            }
        });
    }
}
