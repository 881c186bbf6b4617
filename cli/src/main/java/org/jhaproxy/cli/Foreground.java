package org.jhaproxy.cli;

import java.io.PrintStream;
import org.jhaproxy.config.diag.Diagnostics;
import org.jhaproxy.config.model.Config;
import org.jhaproxy.runtime.Engine;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;
import sun.misc.Signal;

/**
 * Runs the engine in the foreground (-d, -db) with haproxy's signals: SIGUSR1 soft-stops (stop
 * listening, finish the streams, exit 0), SIGTERM and SIGINT stop at once with status 143 as
 * haproxy's process ends, SIGHUP dumps the servers' states as warnings.
 */
final class Foreground {
    private static final int HARD_STOP_STATUS = 143;

    private final Diagnostics diag;
    private final PrintStream out;
    private final PrintStream err;

    Foreground(Diagnostics diag, PrintStream out, PrintStream err) {
        this.diag = diag;
        this.out = out;
        this.err = err;
    }

    int run(Config config) throws InterruptedException {
        diag.context(null);
        Engine engine;
        try {
            engine = Engine.start(config, diag::alert);
        } catch (Engine.StartException e) {
            diag.alert("[haproxy.main()] Some protocols failed to start their listeners! Exiting.");
            return 1;
        }
        Signal.handle(new Signal("USR1"), s -> engine.softStop(diag::runtimeWarning));
        Signal.handle(new Signal("TERM"), s -> hardStop());
        Signal.handle(new Signal("INT"), s -> hardStop());
        Signal.handle(new Signal("HUP"), s -> dumpServers(engine));
        engine.awaitStopped();
        return 0;
    }

    private void hardStop() {
        out.flush();
        err.flush();
        Runtime.getRuntime().halt(HARD_STOP_STATUS);
    }

    /** SIGHUP: the state of every server and proxy, as haproxy's sig_dump_state() words it. */
    private void dumpServers(Engine engine) {
        diag.runtimeWarning("SIGHUP received, dumping servers states.");
        for (Proxy p : engine.proxies().all()) {
            int active = 0;
            int backup = 0;
            for (Server s : p.servers()) {
                boolean up = s.isUsable();
                diag.runtimeWarning(String.format("SIGHUP: Server %s/%s is %s. Conn: %d act, 0 pend, %d tot.",
                        p.name(), s.name(), up ? "UP" : "DOWN", s.currentConns(), s.totalConns()));
                if (up) {
                    if (s.isBackup()) {
                        backup++;
                    } else {
                        active++;
                    }
                }
            }
            String conns = String.format("Conn: act(FE+BE): %d+%d, 0 pend (0 unass), tot(FE+BE): %d+%d.",
                    p.feconn().get(), p.beconn().get(), p.cumulatedFrontendConns(), p.cumulatedBackendConns());
            if (!p.config().isBackend()) {
                diag.runtimeWarning(String.format("SIGHUP: Proxy %s has no servers. %s", p.name(), conns));
            } else if (active + backup == 0) {
                diag.runtimeWarning(String.format("SIGHUP: Proxy %s has no server available ! %s", p.name(), conns));
            } else {
                diag.runtimeWarning(String.format("SIGHUP: Proxy %s has %d active servers and %d backup servers available. %s",
                        p.name(), active, backup, conns));
            }
        }
        diag.runtimeWarning("SIGHUP: Server <HTTPCLIENT>/<HTTPCLIENT> is UP. Conn: 0 act, 0 pend, 0 tot.");
        diag.runtimeWarning("SIGHUP: Server <HTTPCLIENT>/<HTTPSCLIENT> is UP. Conn: 0 act, 0 pend, 0 tot.");
        diag.runtimeWarning("SIGHUP: Proxy <HTTPCLIENT> has no server available ! Conn: act(FE+BE): 0+0, 0 pend (0 unass), tot(FE+BE): 0+0.");
    }
}
