package org.jhaproxy.runtime.lb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jhaproxy.config.ConfigLoader;
import org.jhaproxy.config.diag.Diagnostics;
import org.jhaproxy.config.source.Environment;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server "maxconn" / "maxqueue" and the queues (manual 5.2 "maxconn", "maxqueue"; haproxy's
 * queue.c): what haproxy 2.6.12 did with three concurrent requests on slow servers.
 */
class BalancerQueueTest {
    @TempDir
    Path dir;

    private static final LbRequest REQ = new LbRequest() {
        @Override
        public InetSocketAddress source() {
            return new InetSocketAddress("127.0.0.1", 40000);
        }

        @Override
        public String uri() {
            return "/";
        }
    };

    private Balancer balancer(String... lines) throws Exception {
        String cfg = "defaults\n  mode http\n  timeout connect 1s\n  timeout client 5s\n  timeout server 5s\n"
                + "listen px\n  bind 127.0.0.1:18573\n" + String.join("\n", lines) + "\n";
        Files.writeString(dir.resolve("t.cfg"), cfg);
        ConfigLoader.Outcome o = ConfigLoader.standard(Diagnostics.silent(), new Environment(Map.of(), dir)).load(List.of("t.cfg"));
        return new Proxy(o.config().proxy("px")).balancer();
    }

    /** A hashing algorithm picks a full server anyway: the stream waits in that server's queue. */
    @Test
    void aStreamWaitsForItsServersSlotAndGetsItWhenReleased() throws Exception {
        Balancer b = balancer("  balance uri", "  server s1 127.0.0.1:9001 maxconn 1");
        List<Server> woken = new ArrayList<>();
        Balancer.Assignment first = b.assign(REQ, null, null, woken::add);
        assertEquals(Balancer.Status.OK, first.status());
        Balancer.Assignment second = b.assign(REQ, null, null, woken::add);
        assertEquals(Balancer.Status.QUEUED, second.status());
        assertEquals(first.server(), second.server());
        assertEquals(1, first.server().queue().length());
        first.server().connectionReleased();
        assertEquals(List.of(first.server()), woken);
        assertEquals(1, first.server().currentConns());
        assertEquals(0, first.server().queue().length());
    }

    /** Only a stream queued on its server counts against "maxqueue": 503 at once beyond it. */
    @Test
    void maxqueueRefusesTheStreamBeyondIt() throws Exception {
        Balancer b = balancer("  balance uri", "  server s1 127.0.0.1:9001 maxconn 1 maxqueue 1");
        assertEquals(Balancer.Status.OK, b.assign(REQ, null, null, s -> { }).status());
        assertEquals(Balancer.Status.QUEUED, b.assign(REQ, null, null, s -> { }).status());
        assertEquals(Balancer.Status.FULL, b.assign(REQ, null, null, s -> { }).status());
    }

    @Test
    void aStreamLeavingTheQueueIsNotWokenLater() throws Exception {
        Balancer b = balancer("  balance uri", "  server s1 127.0.0.1:9001 maxconn 1");
        List<Server> woken = new ArrayList<>();
        Balancer.Assignment first = b.assign(REQ, null, null, woken::add);
        Balancer.Assignment second = b.assign(REQ, null, null, woken::add);
        assertTrue(b.dequeue(second.pending()));
        assertFalse(b.dequeue(second.pending()));
        first.server().connectionReleased();
        assertTrue(woken.isEmpty());
        assertEquals(0, first.server().currentConns());
    }

    /**
     * roundrobin with every server full: the stream waits for any server and takes the first
     * freed (haproxy: three requests on two maxconn-1 servers, the third served by the first
     * to finish). A single full server is no different: its "maxqueue" does not apply then.
     */
    @Test
    void whenEveryServerIsFullTheStreamWaitsInTheBackendQueue() throws Exception {
        Balancer b = balancer("  balance roundrobin", "  server s1 127.0.0.1:9001 maxconn 1",
                "  server s2 127.0.0.1:9002 maxconn 1");
        List<Server> woken = new ArrayList<>();
        Server s1 = b.assign(REQ, null, null, woken::add).server();
        Server s2 = b.assign(REQ, null, null, woken::add).server();
        Balancer.Assignment third = b.assign(REQ, null, null, woken::add);
        assertEquals(Balancer.Status.QUEUED, third.status());
        assertNull(third.server());
        assertEquals(1, b.queue().length());
        s1.connectionReleased();
        assertEquals(List.of(s1), woken);
        assertEquals(1, s2.currentConns());
    }

    /** A redispatched stream avoids the server it failed on when another one is usable. */
    @Test
    void redispatchAvoidsTheFailedServer() throws Exception {
        Balancer b = balancer("  balance roundrobin", "  server s1 127.0.0.1:9001", "  server s2 127.0.0.1:9002");
        Server s1 = b.assign(REQ, null, null, s -> { }).server();
        s1.connectionReleased();
        // the next turn is s2's; avoiding s2 gives s1, and the turn after is s2's again
        Server other = b.assign(REQ, null, s1.backend().server("s2"), s -> { }).server();
        assertEquals("s1", other.name());
    }
}
