package org.jhaproxy.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.LockSupport;
import org.jhaproxy.config.ConfigLoader;
import org.jhaproxy.config.diag.Diagnostics;
import org.jhaproxy.config.source.Environment;
import org.jhaproxy.runtime.log.Events;
import org.jhaproxy.runtime.proxy.Proxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server leaving maintenance from the stats socket comes up as after a check: STARTING with
 * "slowstart", its effective weight growing on the warm-up task until it is RUNNING at full
 * weight (srv_update_status() leaving maintenance); "set weight" changes the effective weight
 * with the warm-up's scale (server_recalc_eweight()).
 */
class AdminChangeWarmupTest {
    @TempDir
    Path dir;

    private Proxy backend(String... servers) throws Exception {
        String cfg = "defaults\n  mode http\n  timeout connect 1s\n  timeout client 5s\n  timeout server 5s\n"
                + "listen px\n  bind 127.0.0.1:18574\n  balance roundrobin\n  " + String.join("\n  ", servers) + "\n";
        Files.writeString(dir.resolve("t.cfg"), cfg);
        ConfigLoader.Outcome o = ConfigLoader.standard(Diagnostics.silent(), new Environment(Map.of(), dir)).load(List.of("t.cfg"));
        return new Proxy(o.config().proxy("px"));
    }

    private static Server server(Proxy be, String name) {
        return be.servers().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void leavingMaintenanceWarmsUpThenRuns() throws Exception {
        Proxy be = backend("server s1 127.0.0.1:9001 weight 10 slowstart 2s", "server s2 127.0.0.1:9002 weight 10");
        Server s1 = server(be, "s1");
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        try {
            AdminChange.maint(s1, Events.silent());
            assertEquals(ServerState.STOPPED, s1.state());
            AdminChange.ready(s1, Events.silent(), timers);
            assertEquals(ServerState.STARTING, s1.state());
            assertTrue(s1.eweight() < 10 * Server.EWEIGHT_SCALE, "warming up: " + s1.eweight());
            assertTrue(s1.isUsable());
            long deadline = System.currentTimeMillis() + 6000;
            while (s1.state() != ServerState.RUNNING && System.currentTimeMillis() < deadline) {
                LockSupport.parkNanos(20_000_000);
            }
            assertEquals(ServerState.RUNNING, s1.state());
            assertEquals(10 * Server.EWEIGHT_SCALE, s1.eweight());
        } finally {
            timers.shutdownNow();
        }
    }

    @Test
    void setWeightUpdatesTheEffectiveWeight() throws Exception {
        Proxy be = backend("server s1 127.0.0.1:9001 weight 10", "server s2 127.0.0.1:9002 weight 10");
        Server s1 = server(be, "s1");
        AdminChange.weight(s1, 20, Events.silent());
        assertEquals(20, s1.weight());
        assertEquals(20 * Server.EWEIGHT_SCALE, s1.eweight());
        AdminChange.weight(s1, 0, Events.silent());
        assertEquals(0, s1.eweight());
        assertTrue(!s1.isUsable());
        assertEquals(1, be.balancer().activeServers());
    }

    @Test
    void withoutSlowstartLeavingMaintenanceIsRunning() throws Exception {
        Proxy be = backend("server s1 127.0.0.1:9001 weight 3");
        Server s1 = server(be, "s1");
        AdminChange.maint(s1, Events.silent());
        AdminChange.ready(s1, Events.silent(), null);
        assertEquals(ServerState.RUNNING, s1.state());
        assertEquals(3 * Server.EWEIGHT_SCALE, s1.eweight());
    }
}
