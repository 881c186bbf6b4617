package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "server-template www 4 _http._tcp.app.jhaproxy.test resolvers dns" (configuration.txt 5.3,
 * DNS SRV records): each SRV record fills one server of the template with its target, port and
 * weight ((w + 255) / 256), its IP from the additional record ("by DNS additional record") or
 * from a resolution of the target ("by dns/ns1"); the unused servers wait in resolution
 * maintenance; a record gone for "hold obsolete" frees its server ("entry removed from SRV
 * record"), and a record coming back (on another port) takes the next free one. The same scripted nameserver
 * answers haproxy and jhaproxy: "show servers state" after each step, the warnings and the log
 * lines must be the same.
 */
class SrvRecordsIT {
    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final String SRV = "_http._tcp.app.jhaproxy.test";

    record Result(List<String> states, List<String> warnings, List<String> logs) {
    }

    @Test
    void recordsFillTheTemplate() throws Exception {
        Result ours = run(RunningProxy.jhaproxy());
        assertEquals(List.of(
                "www1 127.0.0.3 2 64 2 1 two.jhaproxy.test 8002 " + SRV,
                "www2 127.0.0.2 2 64 1 1 one.jhaproxy.test 8001 " + SRV,
                "www3 - 0 32 1 1 - 0 " + SRV,
                "www4 - 0 32 1 1 - 0 " + SRV), ours.states().subList(0, 4));
        assertTrue(ours.warnings().contains("Server be/www1 is going DOWN for maintenance (entry removed from SRV record). "
                + "1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue."), ours.warnings().toString());
        assertTrue(ours.logs().contains("<5>be/www2 changed its FQDN from (null) to one.jhaproxy.test by 'SRV record'"), ours.logs().toString());
        if (Files.isExecutable(HAPROXY)) {
            assertEquals(run(HAPROXY), ours);
        } else {
            System.out.println("SrvRecordsIT: " + HAPROXY + " is not installed, jhaproxy alone is checked");
        }
    }

    private static String config(Path sock, int dns, int fe) {
        return "global\n    stats socket " + sock + " mode 600 level admin\n    log stdout format short local0 notice\n"
                + "resolvers dns\n    nameserver ns1 127.0.0.1:" + dns + "\n    resolve_retries 3\n"
                + "    timeout resolve 100ms\n    timeout retry 500ms\n    hold valid 100ms\n    hold obsolete 600ms\n"
                + "    accepted_payload_size 1232\n"
                + "defaults\n    mode http\n    log global\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n"
                + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    default_backend be\n"
                + "backend be\n    server-template www 4 " + SRV + " resolvers dns resolve-prefer ipv4\n";
    }

    private static Result run(Path program) throws Exception {
        Path sock = Files.createTempDirectory("srv").resolve("admin.sock");
        InetAddress two = InetAddress.getByName("127.0.0.2");
        InetAddress three = InetAddress.getByName("127.0.0.3");
        FakeNameserver.Srv one = new FakeNameserver.Srv(0, 10, 8001, "one.jhaproxy.test", two);
        FakeNameserver.Srv other = new FakeNameserver.Srv(0, 300, 8002, "two.jhaproxy.test", null);
        try (FakeNameserver dns = new FakeNameserver("unused.jhaproxy.test")) {
            dns.srv(SRV, one, other);
            dns.host("two.jhaproxy.test", three);
            int fe = RunningProxy.freePort();
            try (RunningProxy p = RunningProxy.start(program, config(sock, dns.port(), fe), "-db")) {
                p.listening(fe);
                List<String> states = new ArrayList<>();
                assertTrue(RunningProxy.within(Duration.ofSeconds(10), () -> count(p.output(), "[WARNING]", "(resolves again)") == 2),
                        "the servers never got their addresses:\n" + p.output());
                states.addAll(states(sock));
                // the second record goes: after "hold obsolete" its server is freed
                dns.srv(SRV, one);
                assertTrue(RunningProxy.within(Duration.ofSeconds(10), () -> p.output().contains("entry removed from SRV record")),
                        "two never lost its record:\n" + p.output());
                states.addAll(states(sock));
                // back, on another port: the first free server takes it
                dns.srv(SRV, one, new FakeNameserver.Srv(0, 65535, 8003, "two.jhaproxy.test", null));
                assertTrue(RunningProxy.within(Duration.ofSeconds(10), () -> count(p.output(), "[WARNING]", "(resolves again)") == 3),
                        "no server took the record:\n" + p.output());
                states.addAll(states(sock));
                return new Result(states, lines(p.output(), "["), lines(p.output(), "<"));
            }
        }
    }

    private static long count(String output, String start, String what) {
        return output.lines().filter(l -> l.startsWith(start) && l.contains(what)).count();
    }

    /** Name, addr, op state, admin state, weights, fqdn, port and srvrecord of each server of "be". */
    private static List<String> states(Path sock) {
        List<String> out = new ArrayList<>();
        for (String line : AgentCheckIT.ask(sock, "show servers state be\n").split("\n")) {
            String[] f = line.split(" ");
            if (f.length > 19 && f[1].equals("be")) {
                out.add(String.join(" ", f[3], f[4], f[5], f[6], f[7], f[8], f[17], f[18], f[19]));
            }
        }
        return out;
    }

    /**
     * The warnings on stderr ("[WARNING]  (pid) : " cut) or the log lines on stdout ("<5>..."),
     * about the backend.
     */
    private static List<String> lines(String output, String start) {
        List<String> out = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (!line.startsWith(start) || !line.contains("be")) {
                continue;
            }
            int at = line.indexOf(") : ");
            out.add(start.equals("[") && at > 0 ? line.substring(at + 4) : line);
        }
        return out;
    }
}
