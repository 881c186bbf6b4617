package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server resolved at run time by a "resolvers" section (configuration.txt 5.3.2): with
 * "init-addr none" it starts in maintenance, the nameserver's first answer gives it its IP
 * ("changed its IP from (none) to 127.0.0.2 by dns/ns1", "administratively READY thanks to
 * valid DNS answer"), and a new answer moves it in place: the traffic then goes to the new
 * address and "show servers state" shows it. A name gone (NXDOMAIN) for longer than "hold nx"
 * takes it to maintenance ("DNS NX status") until the name answers again. The nameserver is a fake one on a loopback UDP
 * port, the two backends listen on 127.0.0.2 and 127.0.0.3 with the same port. Compared with
 * haproxy when it is installed.
 */
class ResolversIT {
    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    record Result(List<String> messages, String before, String after, String stateAfter) {
    }

    @Test
    void serverFollowsItsName() throws Exception {
        Result ours = run(RunningProxy.jhaproxy(), " resolve-prefer ipv4");
        assertEquals(List.of("be/s1 changed its IP from (none) to 127.0.0.2 by dns/ns1.",
                "Server be/s1 ('app.jhaproxy.test') is UP/READY (resolves again).",
                "Server be/s1 administratively READY thanks to valid DNS answer.",
                "be/s1 changed its IP from 127.0.0.2 to 127.0.0.3 by dns/ns1.",
                "Server be/s1 is going DOWN for maintenance (DNS NX status). 0 active and 0 backup servers left. "
                        + "0 sessions active, 0 requeued, 0 remaining in queue.",
                "backend 'be' has no server available!",
                "be/s1 changed its IP from (none) to 127.0.0.3 by dns/ns1.",
                "Server be/s1 ('app.jhaproxy.test') is UP/READY (resolves again).",
                "Server be/s1 administratively READY thanks to valid DNS answer."), ours.messages());
        assertEquals("two", ours.before());
        assertEquals("three", ours.after());
        assertEquals("127.0.0.3", ours.stateAfter());
        if (Files.isExecutable(HAPROXY)) {
            assertEquals(run(HAPROXY, " resolve-prefer ipv4"), ours);
        } else {
            System.out.println("ResolversIT: " + HAPROXY + " is not installed, jhaproxy alone is checked");
        }
    }

    /** Without "resolve-prefer" AAAA is asked first; the name has none, the A record is taken. */
    @Test
    void ipv6FirstThenIpv4() throws Exception {
        Result ours = run(RunningProxy.jhaproxy(), "");
        assertEquals("be/s1 changed its IP from (none) to 127.0.0.2 by dns/ns1.", ours.messages().get(0));
        if (Files.isExecutable(HAPROXY)) {
            assertEquals(run(HAPROXY, ""), ours);
        }
    }

    private static String config(Path sock, int dns, int fe, int port) {
        return "global\n    stats socket " + sock + " mode 600 level admin\n"
                + "resolvers dns\n    nameserver ns1 127.0.0.1:" + dns + "\n    resolve_retries 3\n"
                + "    timeout resolve 100ms\n    timeout retry 500ms\n    hold valid 100ms\n    hold nx 300ms\n"
                + "    accepted_payload_size 1232\n"
                + "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n"
                + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    default_backend be\n"
                + "backend be\n    server s1 app.jhaproxy.test:" + port + " init-addr none resolvers dns resolve-prefer ipv4\n";
    }

    private static Result run(Path program, String prefer) throws Exception {
        Path sock = Files.createTempDirectory("resolvers").resolve("admin.sock");
        int port = RunningProxy.freePort();
        try (FakeNameserver dns = new FakeNameserver("app.jhaproxy.test", InetAddress.getByName("127.0.0.2"));
             Backend two = new Backend("127.0.0.2", port, "two");
             Backend three = new Backend("127.0.0.3", port, "three")) {
            int fe = RunningProxy.freePort();
            // its health check follows it: it passes on both addresses, so it reports nothing
            String cfg = config(sock, dns.port(), fe, port).replace(" resolve-prefer ipv4\n", prefer + " check inter 200ms\n");
            try (RunningProxy p = RunningProxy.start(program, cfg, "-db")) {
                p.listening(fe);
                assertTrue(RunningProxy.within(Duration.ofSeconds(10), () -> p.output().contains("READY thanks")),
                        "s1 never got its address:\n" + p.output());
                String before = get(fe);
                dns.answer(InetAddress.getByName("127.0.0.3"));
                assertTrue(RunningProxy.within(Duration.ofSeconds(10), () -> p.output().contains("to 127.0.0.3")),
                        "s1 never moved:\n" + p.output());
                String after = get(fe);
                // a name gone for longer than "hold nx" takes the server to maintenance, forgetting its IP
                dns.answer();
                assertTrue(RunningProxy.within(Duration.ofSeconds(10), () -> p.output().contains("DNS NX status")),
                        "s1 never entered maintenance:\n" + p.output());
                dns.answer(InetAddress.getByName("127.0.0.3"));
                assertTrue(RunningProxy.within(Duration.ofSeconds(10), () -> p.output().indexOf("READY thanks")
                        != p.output().lastIndexOf("READY thanks")), "s1 never came back:\n" + p.output());
                String state = AgentCheckIT.ask(sock, "show servers state be\n");
                String addr = "";
                for (String line : state.split("\n")) {
                    String[] f = line.split(" ");
                    if (f.length > 4 && f[3].equals("s1")) {
                        addr = f[4];
                    }
                }
                return new Result(messages(p.output()), before, after, addr);
            }
        }
    }

    /**
     * "server-template www 3 name:port": the three servers share the name's two A records, one
     * each (which one is haproxy's choice), the third waiting in maintenance; when one record
     * goes, the server that had it finds no IP left to take ("No IP for server ").
     */
    @Test
    void templateFillsItsSlots() throws Exception {
        Template ours = template(RunningProxy.jhaproxy(), "");
        assertEquals(2, ours.messages().stream().filter(m -> m.contains("changed its IP")).count(), ours.messages().toString());
        assertTrue(ours.messages().contains("be/www1 changed its IP from (none) to 127.0.0.2 by dns/ns1."), ours.messages().toString());
        assertTrue(ours.messages().get(ours.messages().size() - 1).contains("is going DOWN for maintenance (No IP for server ). "), ours.messages().toString());
        if (Files.isExecutable(HAPROXY)) {
            assertEquals(template(HAPROXY, ""), ours);
        }
    }

    /** "resolve-net": the record in the preferred network first, whatever the record order. */
    @Test
    void templatePrefersItsNetwork() throws Exception {
        Template ours = template(RunningProxy.jhaproxy(), " resolve-net 127.0.0.3/32");
        assertTrue(ours.messages().contains("be/www1 changed its IP from (none) to 127.0.0.3 by dns/ns1."), ours.messages().toString());
        if (Files.isExecutable(HAPROXY)) {
            assertEquals(template(HAPROXY, " resolve-net 127.0.0.3/32"), ours);
        }
    }

    record Template(List<String> messages, List<String> addresses) {
    }

    private static Template template(Path program, String options) throws Exception {
        Path sock = Files.createTempDirectory("resolvers").resolve("admin.sock");
        // answered in the order opposite to haproxy's (127.0.0.2's hash is the smaller): www1 gets 127.0.0.2
        try (FakeNameserver dns = new FakeNameserver("app.jhaproxy.test", InetAddress.getByName("127.0.0.3"),
                InetAddress.getByName("127.0.0.2"))) {
            int fe = RunningProxy.freePort();
            String cfg = config(sock, dns.port(), fe, 8000).replace("    server s1 app.jhaproxy.test:8000 init-addr none",
                    "    server-template www 3 app.jhaproxy.test:8000").replace("ipv4\n", "ipv4" + options + "\n");
            try (RunningProxy p = RunningProxy.start(program, cfg, "-db")) {
                p.listening(fe);
                assertTrue(RunningProxy.within(Duration.ofSeconds(10), () -> count(p.output(), "changed its IP") == 2),
                        "the servers never got their addresses:\n" + p.output());
                List<String> addresses = addresses(sock);
                dns.answer(InetAddress.getByName("127.0.0.2"));
                assertTrue(RunningProxy.within(Duration.ofSeconds(10), () -> p.output().contains("No IP for server")),
                        "no server lost its address:\n" + p.output());
                List<String> messages = messages(p.output()).stream()
                        .filter(m -> !m.contains("resolves again") && !m.contains("administratively READY")).toList();
                return new Template(messages, addresses);
            }
        }
    }

    private static int count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }

    /** "name addr admin" of each server in "show servers state be". */
    private static List<String> addresses(Path sock) {
        List<String> out = new ArrayList<>();
        for (String line : AgentCheckIT.ask(sock, "show servers state be\n").split("\n")) {
            String[] f = line.split(" ");
            if (f.length > 6 && f[1].equals("be")) {
                out.add(f[3] + " " + f[4] + " " + f[6]);
            }
        }
        return out;
    }

    /** The warnings and alerts about the backend, without their "[WARNING]  (pid) : " prefix. */
    private static List<String> messages(String output) {
        List<String> out = new ArrayList<>();
        for (String line : output.split("\n")) {
            int at = line.indexOf(") : ");
            if ((line.startsWith("[WARNING]") || line.startsWith("[ALERT]")) && at > 0 && (line.contains("be/") || line.contains("'be'"))) {
                out.add(line.substring(at + 4));
            }
        }
        return out;
    }

    private static String get(int port) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10000);
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String rsp = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return rsp.substring(rsp.indexOf("\r\n\r\n") + 4);
        }
    }

    /** A backend on one loopback address answering its name as the body. */
    private static final class Backend implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket();

        Backend(String ip, int port, String body) throws IOException {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(ip, port));
            Thread t = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket c = socket.accept()) {
                        if (TestBackend.readHead(c.getInputStream()) != null) {
                            OutputStream out = c.getOutputStream();
                            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                                    .getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                        }
                    } catch (IOException e) {
                        // closed at the end of the test, or a connection reset: next one
                    }
                }
            }, "backend-" + ip);
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
