package org.jhaproxy.cli;

import java.io.PrintStream;
import org.jhaproxy.config.diag.Diagnostics;
import org.jhaproxy.config.model.Config;
import org.jhaproxy.runtime.Engine;
import org.jhaproxy.runtime.listener.TransferredSockets;
import org.jhaproxy.runtime.log.Events;
import org.jhaproxy.runtime.process.Signals;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;

/**
 * Runs the engine in the foreground (-d, -db) with haproxy's signals: SIGUSR1 soft-stops (stop
 * listening, finish the streams, exit 0), SIGTERM and SIGINT stop at once with status 143 as
 * haproxy's process ends, SIGHUP dumps the servers' states as warnings.
 */
final class Foreground {
    private static final int HARD_STOP_STATUS = 143;
    /** How long a hard stop waits for the queued log lines to be written. */
    private static final long FLUSH_LOGS_MS = 2000;

    private final Diagnostics diag;
    private final PrintStream out;
    private final PrintStream err;
    /** A master-worker worker: it ends on SIGINT/SIGTERM with 128 + the signal, as haproxy's worker dies of it. */
    private boolean worker;

    Foreground(Diagnostics diag, PrintStream out, PrintStream err) {
        this.diag = diag;
        this.out = out;
        this.err = err;
    }

    Foreground worker(boolean worker) {
        this.worker = worker;
        return this;
    }

    /**
     * Starts the engine, then runs haproxy's steps once its listeners are bound ({@code start}:
     * pidfile, chroot, the old processes of -sf/-st told to finish or terminate, identity);
     * runs until stopped.
     */
    int run(Config config, Arguments args, ProcessStart start) throws InterruptedException, java.io.IOException {
        diag.context(null);
        // the signals are ours before the first connection is accepted: a SIGUSR1 that comes
        // while the listeners are being bound soft-stops as soon as they are
        AtomicReference<Engine> running = new AtomicReference<>();
        AtomicBoolean softStopAsked = new AtomicBoolean();
        Signal.handle(new Signal("USR1"), s -> {
            softStopAsked.set(true);
            Engine e = running.get();
            if (e != null) {
                e.softStop(diag::runtimeWarning);
            }
        });
        Signal.handle(new Signal("TERM"), s -> hardStop(running.get(), HARD_STOP_STATUS));
        // haproxy's worker leaves SIGINT to the system: its master sees it die of it (130)
        Signal.handle(new Signal("INT"), s -> hardStop(running.get(), worker ? 128 + s.getNumber() : HARD_STOP_STATUS));
        Signal.handle(new Signal("HUP"), s -> {
            Engine e = running.get();
            if (e != null) {
                dumpServers(e);
            }
        });
        TransferredSockets transferred = oldSockets(args);
        if (transferred == null) {
            diag.alert("Failed to get the sockets from the old process!");
            return 1;
        }
        Engine engine;
        try {
            // while starting, an alert or a warning comes after haproxy's version banner, as with
            // haproxy (MODE_STARTING); once running, without it
            AtomicBoolean starting = new AtomicBoolean(true);
            engine = Engine.start(config, new Events(m -> {
                if (starting.get()) {
                    diag.alert(m);
                } else {
                    diag.runtimeAlert(m);
                }
            }, m -> {
                if (starting.get()) {
                    diag.warning(m);
                } else {
                    diag.runtimeWarning(m);
                }
            }, diag::notice, (px, level, msg) -> { }), transferred);
            starting.set(false);
        } catch (Engine.StartException e) {
            if (e.listenersFailed()) {
                diag.alert("[" + System.getProperty("jhaproxy.exe", "jhaproxy") + ".main()] Some protocols failed to start their listeners! Exiting.");
            }
            return 1;
        }
        // SIGTTOU/SIGTTIN: a new haproxy that could not bind asks the old process to pause its
        // listeners and, if it fails, to resume them (haproxy's sig_pause / sig_listen)
        Signal.handle(new Signal("TTOU"), s -> engine.pauseListeners());
        Signal.handle(new Signal("TTIN"), s -> engine.resumeListeners());
        running.set(engine);
        if (!start.afterBind(() -> tellOldPids(args))) {
            engine.stop();
            return 1;
        }
        if (softStopAsked.get()) {
            engine.softStop(diag::runtimeWarning);
        }
        engine.awaitStopped();
        return 0;
    }

    /**
     * -x: the listening sockets of the old process, asked on its stats socket before binding
     * anything so that each listener takes its own over (no connection refused meanwhile);
     * "/dev/null" asks nothing. Null when the old process could not give them.
     */
    private TransferredSockets oldSockets(Arguments args) {
        if (args.oldUnixSocket == null || args.oldUnixSocket.equals("/dev/null")) {
            return TransferredSockets.none();
        }
        return TransferredSockets.fetch(args.oldUnixSocket, diag::warning);
    }

    /** -sf: SIGUSR1 (finish then exit), -st: SIGTERM, to each old pid; a gone process is skipped. */
    private static void tellOldPids(Arguments args) {
        String sig = args.terminateOldPids ? "TERM" : "USR1";
        for (long pid : args.oldPids) {
            Signals.send(pid, sig);
        }
    }

    private void hardStop(Engine engine, int status) {
        if (engine != null && engine.logging() != null) {
            flushLogs(engine);
        }
        out.flush();
        err.flush();
        Runtime.getRuntime().halt(status);
    }

    /**
     * The log lines still queued for stdout/stderr are written before the process ends, by a
     * thread of their own: a pipe nobody reads must not keep the process from stopping.
     */
    private static void flushLogs(Engine engine) {
        Thread t = new Thread(engine.logging()::flush, "log-flush");
        t.setDaemon(true);
        t.start();
        try {
            t.join(FLUSH_LOGS_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
