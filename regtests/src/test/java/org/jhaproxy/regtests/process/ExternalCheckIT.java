package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "option external-check" (configuration.txt 4 "external-check command", "external-check
 * path"): the command gets haproxy's four arguments and only its environment (PATH from
 * "external-check path", "" by default), exit 0 passes, another status fails with it as the
 * code, and a command running past "inter" is killed ("kill PID" warning, "External check
 * timeout"). The same scenario runs through haproxy where it is installed and must give the same.
 */
class ExternalCheckIT {
    private static final String LEFT = ". 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.";
    private static final List<String> EXPECTED = List.of(
            "[WARNING]  (PID) : Server bk/s2 is DOWN, reason: External check error, code: 3, check duration: Nms" + LEFT,
            "[ALERT]    (PID) : backend 'bk' has no server available!",
            "[WARNING]  (PID) : Server bk/s2 is UP, reason: External check passed, code: 0, check duration: Nms. 1 active and "
                    + "0 backup servers online. 0 sessions requeued, 0 total in queue.",
            "[WARNING]  (PID) : Server lst/s1 is DOWN, reason: External check error, code: 4, check duration: Nms" + LEFT,
            "[ALERT]    (PID) : proxy 'lst' has no server available!",
            "[WARNING]  (PID) : Server slow/s3 is DOWN, reason: External check timeout, code: 0, check duration: Nms" + LEFT,
            "[ALERT]    (PID) : backend 'slow' has no server available!",
            "DIR/check.sh|127.0.0.1 PORT 127.0.0.1 1111|PATH=|lst|ID|127.0.0.1|PORT|s1|1|127.0.0.1|1111|7|0|0|h1",
            "DIR/check.sh|NOT_USED NOT_USED 127.0.0.2 2222|PATH=/nonexistent:DIR|bk|ID|||s2|1|127.0.0.2|2222|0|0|0|tcp");

    @Test
    void jhaproxyRunsTheCommand() throws Exception {
        assertEquals(EXPECTED, scenario(RunningProxy.jhaproxy()));
    }

    @Test
    void haproxyDoesTheSame() throws Exception {
        ProxyPair.onHaproxy("ExternalCheckIT", haproxy -> assertEquals(EXPECTED, scenario(haproxy)));
    }

    private List<String> scenario(Path program) throws Exception {
        Path dir = Files.createTempDirectory("extchk");
        try {
            // only shell builtins: the command's PATH is the configured one, empty by default
            Path script = dir.resolve("check.sh");
            Files.writeString(script, "#!/bin/sh\nread c < " + dir + "/code.$HAPROXY_SERVER_NAME\n"
                    + "echo \"$0|$*|PATH=$PATH|$HAPROXY_PROXY_NAME|$HAPROXY_PROXY_ID|$HAPROXY_PROXY_ADDR|$HAPROXY_PROXY_PORT|"
                    + "$HAPROXY_SERVER_NAME|$HAPROXY_SERVER_ID|$HAPROXY_SERVER_ADDR|$HAPROXY_SERVER_PORT|$HAPROXY_SERVER_MAXCONN|"
                    + "$HAPROXY_SERVER_CURCONN|$HAPROXY_SERVER_SSL|$HAPROXY_SERVER_PROTO\" > " + dir + "/seen.$HAPROXY_SERVER_NAME\n"
                    + "if [ \"$c\" = slow ]; then exec /bin/sleep 10; fi\nexit $c\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            code(dir, "s1", "0");
            code(dir, "s2", "3");
            code(dir, "s3", "slow");
            int port = RunningProxy.freePort();
            String srv = " check inter 300ms rise 1 fall 1";
            String cfg = "global\n    external-check\n\ndefaults\n    mode http\n    timeout connect 2s\n    timeout client 5s\n"
                    + "    timeout server 5s\n\nlisten lst\n    bind 127.0.0.1:" + port + "\n    option external-check\n"
                    + "    external-check command " + script + "\n    server s1 127.0.0.1:1111" + srv + " maxconn 7\n\n"
                    + "backend bk\n    mode tcp\n    option external-check\n    external-check command check.sh\n"
                    + "    external-check path \"/nonexistent:" + dir + "\"\n    server s2 127.0.0.2:2222" + srv + "\n\n"
                    + "backend slow\n    option external-check\n    external-check command " + script + "\n"
                    + "    server s3 127.0.0.3:3333" + srv + "\n";
            try (RunningProxy p = RunningProxy.start(program, cfg, "-db").listening(port)) {
                assertTrue(RunningProxy.within(Duration.ofSeconds(30), () -> count(p, " is DOWN") >= 2
                        && Files.exists(dir.resolve("seen.s1"))), p.output());
                code(dir, "s1", "4");
                code(dir, "s2", "0");
                assertTrue(RunningProxy.within(Duration.ofSeconds(30), () -> count(p, " is DOWN") >= 3
                        && count(p, " is UP") >= 1), p.output());
                assertTrue(p.output().matches("(?s).*\\[WARNING\\]  \\(\\d+\\) : kill \\d+\n.*"), p.output());
                if (program.equals(RunningProxy.jhaproxy())) {
                    p.assertCleanOutput();
                }
                List<String> out = new ArrayList<>();
                HealthCheckIT.transitions(p.output()).stream().sorted((a, b) -> name(a).compareTo(name(b))).forEach(out::add);
                for (String s : List.of("s1", "s2")) {
                    out.add(Files.readString(dir.resolve("seen." + s), StandardCharsets.ISO_8859_1).trim()
                            .replace(dir.toString(), "DIR").replace(String.valueOf(port), "PORT"));
                }
                return normaliseIds(out);
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    /** The proxy ids depend on a stats socket's "GLOBAL" proxy: the env lines show ID in their place. */
    private static List<String> normaliseIds(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            String[] f = l.split("\\|", -1);
            if (f.length > 4 && !l.startsWith("[")) {
                f[4] = "ID";
                l = String.join("|", f);
            }
            out.add(l);
        }
        return out;
    }

    /** A transition's server or backend, to order them; within one, the order printed stays. */
    private static String name(String line) {
        int s = line.indexOf("Server ");
        if (s >= 0) {
            return line.substring(s + 7, line.indexOf('/', s));
        }
        int q = line.indexOf('\'');
        return line.substring(q + 1, line.indexOf('\'', q + 1));
    }

    private static long count(RunningProxy p, String what) {
        return HealthCheckIT.transitions(p.output()).stream().filter(l -> l.contains(what)).count();
    }

    private static void code(Path dir, String server, String code) throws IOException {
        Path tmp = dir.resolve("code." + server + ".tmp");
        Files.writeString(tmp, code + "\n");
        Files.move(tmp, dir.resolve("code." + server), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
