package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * tcp-check comments (configuration.txt 4 "tcp-check comment", and each rule's "comment"
 * option): a "tcp-check comment" line names the next rule and takes a step number; the failure
 * reason ends with " comment: TEXT" for an expect rule and " comment: 'TEXT'" for a connection
 * error. The same config runs through haproxy where it is installed and must print the same.
 */
class HealthCheckCommentIT {
    private static final String TAIL = ", check duration: Nms. 0 active and 0 backup servers left. "
            + "0 sessions active, 0 requeued, 0 remaining in queue.";
    private static final List<String> EXPECTED = List.of(
            "[WARNING]  (PID) : Server b1/s1 is DOWN, reason: Layer7 invalid response, info: \"TCPCHK did not match content "
                    + "'+PONG' at step 3\"" + TAIL,
            "[WARNING]  (PID) : Server b2/s2 is DOWN, reason: Layer7 invalid response, info: \"TCPCHK did not match content "
                    + "'+PONG' at step 3 comment: expect phase\"" + TAIL,
            "[WARNING]  (PID) : Server b3/s3 is DOWN, reason: Layer7 invalid response, info: \"TCPCHK did not match content "
                    + "'+PONG' at step 2 comment: inline one\"" + TAIL,
            "[WARNING]  (PID) : Server b4/s4 is DOWN, reason: Layer4 connection problem, info: \"Connection refused at step 1 "
                    + "of tcp-check (connect port CLOSED) comment: 'conn c'\"" + TAIL);

    static String config(int port, int err, int closed) {
        String srv = " check inter 100ms rise 1 fall 1\n\n";
        return "defaults\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n    timeout check 2s\n\n"
                + "frontend fe\n    bind 127.0.0.1:" + port + "\n    default_backend bx\n\n"
                // the readiness probe's connection goes to a backend without checks, not counted below
                + "backend bx\n    server x 127.0.0.1:" + closed + "\n\n"
                + "backend b1\n    option tcp-check\n    tcp-check comment \"ping phase\"\n    tcp-check send PING\\r\\n\n"
                + "    tcp-check expect string +PONG\n    server s1 127.0.0.1:" + err + srv
                + "backend b2\n    option tcp-check\n    tcp-check send PING\\r\\n\n    tcp-check comment \"expect phase\"\n"
                + "    tcp-check expect string +PONG\n    server s2 127.0.0.1:" + err + srv
                + "backend b3\n    option tcp-check\n    tcp-check send PING\\r\\n comment sending\n"
                + "    tcp-check expect string +PONG comment \"inline one\"\n    server s3 127.0.0.1:" + err + srv
                + "backend b4\n    option tcp-check\n    tcp-check connect port " + closed + " comment \"conn c\"\n"
                + "    server s4 127.0.0.1:" + err + srv;
    }

    @Test
    void jhaproxyNamesTheComments() throws Exception {
        assertEquals(EXPECTED, scenario(RunningProxy.jhaproxy()));
    }

    @Test
    void haproxyPrintsTheSame() throws Exception {
        ProxyPair.onHaproxy("HealthCheckCommentIT", haproxy -> assertEquals(EXPECTED, scenario(haproxy)));
    }

    private List<String> scenario(Path program) throws Exception {
        try (ServerSocket err = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (!err.isClosed()) {
                    try (Socket c = err.accept()) {
                        c.getInputStream().read(new byte[64]);
                        c.getOutputStream().write("-ERR\r\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "err-backend");
            t.setDaemon(true);
            t.start();
            int port = RunningProxy.freePort();
            int closed = RunningProxy.freePort();
            try (RunningProxy p = RunningProxy.start(program, config(port, err.getLocalPort(), closed), "-db").listening(port)) {
                assertTrue(RunningProxy.within(Duration.ofSeconds(15), () -> HealthCheckIT.transitions(p.output()).stream()
                        .filter(l -> l.contains(" is DOWN")).count() >= 4), p.output());
                List<String> out = new ArrayList<>();
                for (String l : HealthCheckIT.transitions(p.output())) {
                    if (l.contains(" is DOWN")) {
                        out.add(l.replace("port " + closed + ")", "port CLOSED)"));
                    }
                }
                Collections.sort(out);
                if (program.equals(RunningProxy.jhaproxy())) {
                    p.assertCleanOutput();
                }
                return out;
            }
        }
    }
}
