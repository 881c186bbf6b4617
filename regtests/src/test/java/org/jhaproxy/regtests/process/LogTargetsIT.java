package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jhaproxy.regtests.CaseLogs;
import org.junit.jupiter.api.Test;

/**
 * Log targets other than an IPv4 address (configuration.txt 3.1 "log"): a UNIX datagram socket
 * given by its path (as /dev/log is), an IPv6 address in brackets with a minimum level, and an
 * "ipv6@" address. With "option log-separate-errors" the errors go at "err" level, so the target
 * limited to "notice" gets only those. Each target must get haproxy's lines (dates, pids, client
 * ports and timers aside).
 */
class LogTargetsIT {
    private static final List<String> UNIX = List.of(
            "<134>DATE haproxy[PID]: 127.0.0.1:CPORT [DATE] fe fe/<NOSRV> N/-1/-1/-1/N 200 49 - - LR-- N/N/N/N/0 0/0 \"GET /ok HTTP/1.1\"",
            "<131>DATE haproxy[PID]: 127.0.0.1:CPORT [DATE] fe fe/<NOSRV> N/-1/-1/-1/N 403 192 - - PR-- N/N/N/N/0 0/0 \"GET /no HTTP/1.1\"");

    @Test
    void unixAndIpv6TargetsGetHaproxysLines() throws Exception {
        if (!Socat.available()) {
            System.out.println("LogTargetsIT: socat is not installed (it receives the UNIX datagrams), skipped");
            return;
        }
        InetAddress v6 = InetAddress.getByName("::1");
        if (!bindable(v6)) {
            System.out.println("LogTargetsIT: this host has no IPv6 loopback, skipped");
            return;
        }
        List<List<String>> runs = new ArrayList<>();
        for (Path program : ProcessModeIT.programs()) {
            runs.add(run(program, (Inet6Address) v6));
        }
        List<String> jh = runs.get(0);
        assertEquals(UNIX, jh.subList(0, 2), jh.toString());
        if (runs.size() > 1) {
            assertEquals(runs.get(1), jh);
        }
    }

    private static List<String> run(Path program, Inet6Address v6) throws Exception {
        Path dir = ProcessIdentityIT.directory();
        Path logSocket = dir.resolve("log.sock");
        Path received = dir.resolve("log.txt");
        int[] ports = RunningProxy.freePorts(2);
        int fe = ports[0];
        try (Receiver notice = new Receiver(v6); Receiver all = new Receiver(v6);
                Socat unix = Socat.start("-u", "UNIX-RECV:" + logSocket, "OPEN:" + received + ",creat")) {
            assertTrue(RunningProxy.within(Duration.ofSeconds(10), () -> Files.exists(logSocket)), "socat did not bind");
            String cfg = "global\n    log " + logSocket + " local0\n    log [::1]:" + notice.port() + " local1 notice\n"
                    + "    log ipv6@::1:" + all.port() + " local2\n\n"
                    + "defaults\n    mode http\n    log global\n    option httplog\n    option log-separate-errors\n"
                    + "    timeout connect 2s\n    timeout client 5s\n    timeout server 5s\n\n"
                    + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    http-request return status 200 if { path /ok }\n"
                    + "    http-request deny\n\nfrontend probe\n    bind 127.0.0.1:" + ports[1] + "\n    no log\n"
                    + "    http-request deny\n";
            try (RunningProxy p = RunningProxy.start(program, cfg, "-db").listening(ports[1])) {
                get(fe, "/ok");
                get(fe, "/no");
                boolean all3 = RunningProxy.within(Duration.ofSeconds(10),
                        () -> lines(received).size() >= 2 && notice.lines().size() >= 1 && all.lines().size() >= 2);
                assertTrue(all3, program + ": unix " + lines(received) + " notice " + notice.lines() + " all " + all.lines()
                        + "\n" + p.output());
                List<String> seen = new ArrayList<>(normalised(lines(received)));
                seen.add("-- [::1] notice");
                seen.addAll(normalised(notice.lines()));
                seen.add("-- ipv6@");
                seen.addAll(normalised(all.lines()));
                return seen;
            }
        } finally {
            ProcessIdentityIT.delete(dir);
        }
    }

    private static List<String> normalised(List<String> lines) {
        return lines.stream().map(CaseLogs::normalise).toList();
    }

    private static List<String> lines(Path file) {
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            // haproxy ends each datagram with a newline, so the file reads as lines
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void get(int port, String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            s.getInputStream().readAllBytes();
        }
    }

    private static boolean bindable(InetAddress a) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(a, 0))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A UDP syslog receiver on the IPv6 loopback, each datagram a line. */
    private static final class Receiver implements AutoCloseable {
        private final DatagramSocket socket;
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        Receiver(InetAddress address) throws IOException {
            socket = new DatagramSocket(new InetSocketAddress(address, 0));
            Thread t = new Thread(() -> {
                byte[] buf = new byte[65536];
                while (!socket.isClosed()) {
                    DatagramPacket d = new DatagramPacket(buf, buf.length);
                    try {
                        socket.receive(d);
                    } catch (IOException closed) {
                        return;
                    }
                    lines.add(new String(d.getData(), 0, d.getLength(), StandardCharsets.UTF_8).stripTrailing());
                }
            }, "log-receiver");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        List<String> lines() {
            synchronized (lines) {
                return new ArrayList<>(lines);
            }
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    /** A socat process, stopped (and waited for) on close. */
    private static final class Socat implements AutoCloseable {
        private final Process process;

        private Socat(Process process) {
            this.process = process;
        }

        static boolean available() {
            for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                if (Files.isExecutable(Path.of(d, "socat"))) {
                    return true;
                }
            }
            return false;
        }

        static Socat start(String... args) throws IOException {
            List<String> cmd = new ArrayList<>(List.of("socat"));
            cmd.addAll(List.of(args));
            return new Socat(new ProcessBuilder(cmd).redirectErrorStream(true).start());
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
