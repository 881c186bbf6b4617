package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The protocol checks haproxy builds in (configuration.txt 4 "option redis-check", "smtpchk",
 * "pgsql-check", "mysql-check", "ldap-check", "ssl-hello-chk"): each backend's fake server
 * answers wrong, then right, then wrong in another way; the transitions must name haproxy's
 * reasons, codes and infos ("Layer7 wrong status, code: 1045, info: \"#28000Access denied...\"").
 * A MySQL or LDAP success counts twice in the health (the parser's status, then the rule set's),
 * which "option log-health-checks" shows. The same scenario runs through haproxy where it is
 * installed and must print the same.
 */
class ProtocolCheckIT {
    private static final byte[] READ = ScriptedServer.READ;
    private static final String LEFT = ". 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.";
    private static final String ONLINE = ". 1 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.";

    private static final List<String> EXPECTED = List.of(
            "[WARNING]  (PID) : Server ldap/s1 is DOWN, reason: Layer7 wrong status, code: 49, info: \"See RFC: "
                    + "http://tools.ietf.org/html/rfc4511#section-4.1.9\", check duration: Nms" + LEFT,
            "[ALERT]    (PID) : backend 'ldap' has no server available!",
            "[WARNING]  (PID) : Server ldap/s1 is UP, reason: Layer7 check passed, code: 0, check duration: Nms" + ONLINE,
            "[WARNING]  (PID) : Server ldap/s1 is DOWN, reason: Layer7 invalid response, info: \"Not LDAPv3 protocol\", "
                    + "check duration: Nms" + LEFT,
            "[ALERT]    (PID) : backend 'ldap' has no server available!",
            "[WARNING]  (PID) : Server mysql/s1 is DOWN, reason: Layer7 wrong status, code: 1045, info: \"#28000Access denied "
                    + "for user\", check duration: Nms" + LEFT,
            "[ALERT]    (PID) : backend 'mysql' has no server available!",
            "[WARNING]  (PID) : Server mysql/s1 is UP, reason: Layer7 check passed, code: 0, check duration: Nms" + ONLINE,
            "[WARNING]  (PID) : Server mysql/s1 is DOWN, reason: Layer7 wrong status, code: 1130, info: \"Host is not allowed\", "
                    + "check duration: Nms" + LEFT,
            "[ALERT]    (PID) : backend 'mysql' has no server available!",
            "[WARNING]  (PID) : Server mysqlbare/s1 is DOWN, reason: Layer7 wrong status, code: 1130, info: \"Host is not "
                    + "allowed\", check duration: Nms" + LEFT,
            "[ALERT]    (PID) : backend 'mysqlbare' has no server available!",
            "[WARNING]  (PID) : Server mysqlbare/s1 is UP, reason: Layer7 check passed, code: 0, check duration: Nms" + ONLINE,
            "[WARNING]  (PID) : Health check for server mysqlold/s1 failed, reason: Layer7 wrong status, code: 1045, info: "
                    + "\"#28000Access denied for user\", check duration: Nms, status: 0/2 DOWN.",
            "[WARNING]  (PID) : Server mysqlold/s1 is DOWN" + LEFT,
            "[ALERT]    (PID) : backend 'mysqlold' has no server available!",
            "[WARNING]  (PID) : Health check for server mysqlold/s1 succeeded, reason: Layer7 check passed, code: 0, info: "
                    + "\"5.7.42-log\", check duration: Nms, status: 1/2 DOWN.",
            "[WARNING]  (PID) : Health check for server mysqlold/s1 succeeded, reason: Layer7 check passed, code: 0, "
                    + "check duration: Nms, status: 1/1 UP.",
            "[WARNING]  (PID) : Server mysqlold/s1 is UP" + ONLINE,
            "[WARNING]  (PID) : Server pgsql/s1 is DOWN, reason: Layer7 invalid response, info: \"FATAL\", check duration: Nms"
                    + LEFT,
            "[ALERT]    (PID) : backend 'pgsql' has no server available!",
            "[WARNING]  (PID) : Server pgsql/s1 is UP, reason: Layer7 check passed, code: 0, info: \"PostgreSQL server is ok\", "
                    + "check duration: Nms" + ONLINE,
            "[WARNING]  (PID) : Server pgsql/s1 is DOWN, reason: Layer7 wrong status, code: 0, info: \"PostgreSQL unknown "
                    + "error\", check duration: Nms" + LEFT,
            "[ALERT]    (PID) : backend 'pgsql' has no server available!",
            "[WARNING]  (PID) : Server redis/s1 is DOWN, reason: Layer7 wrong status, code: 0, info: \"-NOAUTH Authentication "
                    + "required.\", check duration: Nms" + LEFT,
            "[ALERT]    (PID) : backend 'redis' has no server available!",
            "[WARNING]  (PID) : Server redis/s1 is UP, reason: Layer7 check passed, code: 0, info: \"Redis server is ok\", "
                    + "check duration: Nms" + ONLINE,
            "[WARNING]  (PID) : Server smtp/s1 is DOWN, reason: Layer7 wrong status, code: 554, info: \"5.7.1 no service\", "
                    + "check duration: Nms" + LEFT,
            "[ALERT]    (PID) : backend 'smtp' has no server available!",
            "[WARNING]  (PID) : Server smtp/s1 is UP, reason: Layer7 check passed, code: 221, info: \"2.0.0 Bye\", "
                    + "check duration: Nms" + ONLINE,
            "[WARNING]  (PID) : Server smtp/s1 is DOWN, reason: Layer7 wrong status, code: 501, info: \"5.5.4 bad helo\", "
                    + "check duration: Nms" + LEFT,
            "[ALERT]    (PID) : backend 'smtp' has no server available!",
            "[WARNING]  (PID) : Server ssl/s1 is DOWN, reason: Layer6 invalid response, check duration: Nms" + LEFT,
            "[ALERT]    (PID) : backend 'ssl' has no server available!",
            "[WARNING]  (PID) : Server ssl/s1 is UP, reason: Layer6 check passed, check duration: Nms" + ONLINE);

    /** The backends, each with its check option, server options and three scripts: wrong, right, wrong again. */
    private static final Map<String, Object[]> BACKENDS = new TreeMap<>(Map.of(
            "redis", new Object[] {"option redis-check", "",
                script(READ, text("-NOAUTH Authentication required.\r\n")), script(READ, text("+PONG\r\n")),
                script(READ, text("+PONG\r\n"))},
            "smtp", new Object[] {"option smtpchk EHLO jh.example", "",
                script(text("554 5.7.1 no service\r\n")),
                script(text("220 mx.example.com ESMTP ready\r\n"), READ, text("250-mx.example.com Hello\r\n250 SIZE 100\r\n"),
                        READ, text("221 2.0.0 Bye\r\n")),
                script(text("220 mx ESMTP\r\n"), READ, text("501 5.5.4 bad helo\r\n"))},
            "pgsql", new Object[] {"option pgsql-check user bob", "",
                script(READ, pgsql('E', "SFATAL\0VFATAL\0C28000\0Mno pg_hba.conf entry\0\0")),
                script(READ, pgsql('R', "\0\0\0\0")), script(READ, text("Nxxxxxxxxxx"))},
            "ldap", new Object[] {"option ldap-check", "",
                script(READ, hex("300c02010161070a013104000400")), script(READ, hex("300c02010161070a010004000400")),
                script(READ, hex("300c02010265070a010004000400"))},
            "ssl", new Object[] {"option ssl-hello-chk", "",
                script(READ, text("HTTP/1.0 400\r\n")), script(READ, hex("160303002a0200002603030000000000")),
                script(READ, hex("160303002a0200002603030000000000"))},
            "mysql", new Object[] {"option mysql-check user haproxy", "",
                script(mysqlGreeting(), READ, mysql(2, "\u00ff\u0015\u0004#28000Access denied for user")),
                script(mysqlGreeting(), READ, mysql(2, "\0\0\0\u0002\0\0\0")), script(mysql(0, "\u00ff\u006a\u0004Host is not allowed"))},
            "mysqlold", new Object[] {"option mysql-check user haproxy pre-41\n    option log-health-checks", " rise 2",
                script(mysqlGreeting(), READ, mysql(2, "\u00ff\u0015\u0004#28000Access denied for user")),
                script(mysqlGreeting(), READ, mysql(2, "\0\0\0\u0002\0\0\0")),
                script(mysqlGreeting(), READ, mysql(2, "\0\0\0\u0002\0\0\0"))},
            "mysqlbare", new Object[] {"option mysql-check", "",
                script(mysql(0, "\u00ff\u006a\u0004Host is not allowed")), script(mysqlGreeting()), script(mysqlGreeting())}));

    @Test
    void jhaproxyReportsTheProtocolChecks() throws Exception {
        assertEquals(EXPECTED, scenario(RunningProxy.jhaproxy()));
    }

    @Test
    void haproxyPrintsTheSame() throws Exception {
        ProxyPair.onHaproxy("ProtocolCheckIT", haproxy -> assertEquals(EXPECTED, scenario(haproxy)));
    }

    @SuppressWarnings("unchecked")
    private List<String> scenario(Path program) throws Exception {
        Map<String, ScriptedServer> servers = new TreeMap<>();
        try {
            int port = RunningProxy.freePort();
            StringBuilder cfg = new StringBuilder("defaults\n    mode tcp\n    timeout connect 2s\n    timeout client 5s\n"
                    + "    timeout server 5s\n    timeout check 3s\n\nfrontend fe\n    bind 127.0.0.1:" + port
                    + "\n    default_backend redis\n");
            for (Map.Entry<String, Object[]> b : BACKENDS.entrySet()) {
                ScriptedServer s = new ScriptedServer((List<byte[]>) b.getValue()[2]);
                servers.put(b.getKey(), s);
                cfg.append("\nbackend ").append(b.getKey()).append("\n    ").append(b.getValue()[0]).append("\n    server s1 127.0.0.1:")
                        .append(s.port()).append(" check inter 200ms rise 1 fall 1").append(b.getValue()[1]).append('\n');
            }
            try (RunningProxy p = RunningProxy.start(program, cfg.toString(), "-db").listening(port)) {
                String why = "phase 1 (all down)";
                assertTrue(RunningProxy.within(Duration.ofSeconds(30), () -> count(p, " is DOWN") >= 8), why + p.output());
                servers.forEach((name, s) -> s.play((List<byte[]>) BACKENDS.get(name)[3]));
                assertTrue(RunningProxy.within(Duration.ofSeconds(30), () -> count(p, " is UP") >= 8), "phase 2" + p.output());
                servers.forEach((name, s) -> s.play((List<byte[]>) BACKENDS.get(name)[4]));
                assertTrue(RunningProxy.within(Duration.ofSeconds(30), () -> count(p, " is DOWN") >= 12), "phase 3" + p.output());
                if (program.equals(RunningProxy.jhaproxy())) {
                    p.assertCleanOutput();
                }
                return byBackend(p.output());
            }
        } finally {
            for (ScriptedServer s : servers.values()) {
                s.close();
            }
        }
    }

    private static long count(RunningProxy p, String what) {
        return HealthCheckIT.transitions(p.output()).stream().filter(l -> l.contains(what)).count();
    }

    /** The check lines of each backend in the order printed, the backends by name. */
    private static List<String> byBackend(String output) {
        Map<String, List<String>> lines = new TreeMap<>();
        for (String l : output.split("\n")) {
            String norm = l.replaceFirst("\\((\\d+)\\)", "(PID)").replaceAll("check duration: \\d+ms", "check duration: Nms");
            for (String b : BACKENDS.keySet()) {
                if (l.contains("server " + b + "/") || l.contains("Server " + b + "/") || l.contains("backend '" + b + "'")) {
                    lines.computeIfAbsent(b, k -> new ArrayList<>()).add(norm);
                }
            }
        }
        List<String> out = new ArrayList<>();
        lines.values().forEach(out::addAll);
        return out;
    }

    private static List<byte[]> script(byte[]... steps) {
        return List.of(steps);
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    /** A PostgreSQL backend message: its type, a 4-byte length, the body. */
    private static byte[] pgsql(char type, String body) {
        int len = body.length() + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(type);
        out.writeBytes(new byte[] {(byte) (len >> 24), (byte) (len >> 16), (byte) (len >> 8), (byte) len});
        out.writeBytes(text(body));
        return out.toByteArray();
    }

    /** A MySQL packet: 3 bytes of length, the sequence number, the payload. */
    private static byte[] mysql(int seq, String payload) {
        byte[] p = text(payload);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) p.length, (byte) (p.length >> 8), (byte) (p.length >> 16), (byte) seq});
        out.writeBytes(p);
        return out.toByteArray();
    }

    /** A MySQL 5.7 server's greeting (protocol 10, version "5.7.42-log"). */
    private static byte[] mysqlGreeting() {
        return mysql(0, "\n5.7.42-log\0\u0001\0\0\0abcdefgh\0\u00ff\u00f7\u0021\u0002\0\u00ff\u0081\u0015"
                + "\0\0\0\0\0\0\0\0\0\0ijklmnopqrst\0mysql_native_password\0");
    }
}
