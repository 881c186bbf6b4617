package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * "maxconn" on a bind line, in a frontend and in the global section (manual sections 3.2, 4.2,
 * 5.1): once reached, the listener stops accepting; the next connection waits in the kernel's
 * backlog (its connect succeeds, nothing is served) until an accepted one ends.
 */
class ListenerLimitIT {

    @Test
    void bindMaxconnHoldsTheNextConnectionUntilOneEnds() throws Exception {
        held("", "bind 127.0.0.1:%d maxconn 2");
    }

    @Test
    void frontendMaxconnHoldsTheNextConnectionUntilOneEnds() throws Exception {
        held("", "maxconn 2\n    bind 127.0.0.1:%d");
    }

    @Test
    void globalMaxconnHoldsTheNextConnectionUntilOneEnds() throws Exception {
        held("global\n    maxconn 2\n\n", "bind 127.0.0.1:%d");
    }

    private static void held(String global, String frontendLines) throws Exception {
        try (TestBackend be = new TestBackend((head, out) -> {
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return true;
        })) {
            int port = RunningProxy.freePort();
            String cfg = global + "defaults\n    mode tcp\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n\n"
                    + "frontend fe\n    " + String.format(frontendLines, port) + "\n    default_backend be\n\n"
                    + "backend be\n    server s1 127.0.0.1:" + be.port() + "\n";
            try (RunningProxy p = RunningProxy.start(cfg, "-db").listening(port)) {
                // the probe of listening() may still be counted: wait for it to end
                try (Socket a = echoed(port); Socket b = echoed(port); Socket c = new Socket("127.0.0.1", port)) {
                    c.setSoTimeout(1500);
                    c.getOutputStream().write("third\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    assertThrows(SocketTimeoutException.class, () -> c.getInputStream().read());
                    a.close();
                    c.setSoTimeout(20_000);
                    assertEquals("third\r\n\r\n", SignalIT.read(c.getInputStream(), 9));
                }
                p.assertCleanOutput();
            }
        }
    }

    /** A connection through the proxy that was served (its bytes came back). */
    private static Socket echoed(int port) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(20_000);
        s.getOutputStream().write("x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals("x\r\n\r\n", SignalIT.read(s.getInputStream(), 5));
        return s;
    }
}
