package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The listen backlog of a listener (bind "backlog", else the frontend's "backlog", else its
 * "maxconn": listener_backlog()), as the kernel shows it for the listening socket (ss Send-Q),
 * and "v6only" / "v4v6" on a "::" listener: whether an IPv4 client gets in. Each case runs on
 * jhaproxy and, where it is installed, on haproxy, with the same result.
 */
class BindOptionsIT {

    @Test
    void backlogAndAddressFamiliesAreThoseOfHaproxy() throws Exception {
        for (Path program : ProcessModeIT.programs()) {
            int[] p = RunningProxy.freePorts(5);
            String cfg = "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n\n"
                    + "frontend a\n    backlog 99\n    bind 127.0.0.1:" + p[0] + " backlog 33\n\n"
                    + "frontend b\n    backlog 77\n    bind 127.0.0.1:" + p[1] + "\n\n"
                    + "frontend c\n    maxconn 55\n    bind 127.0.0.1:" + p[2] + "\n\n"
                    + "frontend d\n    bind :::" + p[3] + " v6only\n\n"
                    + "frontend e\n    bind :::" + p[4] + " v4v6\n";
            try (RunningProxy proxy = RunningProxy.start(program, cfg, "-db").listening(p[0])) {
                assertEquals(List.of("33", "77", "55"), List.of(sendQ(p[0]), sendQ(p[1]), sendQ(p[2])), program.toString());
                assertFalse(connects(p[3]), program + ": an IPv4 client got into a v6only listener");
                assertTrue(connects(p[4]), program + ": an IPv4 client was refused by a v4v6 listener");
            }
        }
    }

    /** The backlog of the socket listening on {@code port}, as "ss -ltn" prints it (Send-Q). */
    private static String sendQ(int port) throws IOException, InterruptedException {
        Process ss = new ProcessBuilder("ss", "-ltnH", "sport = :" + port).redirectErrorStream(true).start();
        String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ss.waitFor(20, TimeUnit.SECONDS), "ss ended");
        List<String> cols = new ArrayList<>(List.of(out.trim().split("\\s+")));
        assertTrue(cols.size() >= 3, "ss: " + out);
        return cols.get(2);
    }

    private static boolean connects(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            return true;
        } catch (ConnectException e) {
            return false;
        }
    }
}
