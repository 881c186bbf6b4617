package org.jhaproxy.runtime;

import io.netty.channel.ChannelFuture;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import io.netty.channel.unix.DomainSocketAddress;
import org.jhaproxy.config.addr.AddressFamily;
import org.jhaproxy.config.addr.SocketAddress;
import org.jhaproxy.config.model.Bind;
import org.jhaproxy.config.model.Config;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.runtime.listener.BindConf;
import org.jhaproxy.runtime.listener.GlobalMaxconn;
import org.jhaproxy.runtime.listener.Listener;
import org.jhaproxy.runtime.log.Events;
import org.jhaproxy.runtime.proxy.Proxies;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.proxy.ProxyState;
import org.jhaproxy.runtime.stream.FrontendInitializer;
import org.jhaproxy.runtime.stream.SoftStop;
import org.jhaproxy.runtime.stream.StreamContext;

/**
 * A running configuration: the event loops, the proxies and their listeners. Started once the
 * configuration is valid; stopped at once ({@link #stop()}) or softly ({@link #softStop()}:
 * stop listening, let the established streams finish, then stop).
 */
public final class Engine {
    private final Config config;
    private final Transport transport;
    private final Proxies proxies;
    private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final org.jhaproxy.runtime.stream.Streams streams = new org.jhaproxy.runtime.stream.Streams();
    private final List<Listener> listeners = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Events events;
    private org.jhaproxy.runtime.resolvers.ResolverSet resolvers;
    private org.jhaproxy.runtime.log.Logging logging;
    private org.jhaproxy.runtime.fcgi.FcgiApps fcgiApps;
    private org.jhaproxy.runtime.logfwd.LogForwards logForwards;
    private volatile boolean stopping;
    /** A soft stop is under way (haproxy's "stopping", which "show info" reports). */
    private volatile boolean softStopping;
    private GlobalMaxconn global;
    private org.jhaproxy.runtime.cli.StatsSockets statsSockets;

    private Engine(Config config, Events events) {
        this.config = config;
        this.events = events;
        this.transport = Transport.create(threads(config));
        this.proxies = new Proxies(config);
    }

    /** "nbthread", else one thread per available CPU as haproxy 2.6 does. */
    private static int threads(Config config) {
        long n = config.globalNumber("nbthread", 0);
        return n > 0 ? (int) n : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Binds every listener; on a bind failure reports it as haproxy does ("Starting frontend
     * fe: cannot bind socket (Address already in use) [127.0.0.1:80]") and stops.
     */
    public static Engine start(Config config, Events events) throws StartException {
        return start(config, events, org.jhaproxy.runtime.listener.TransferredSockets.none());
    }

    /**
     * Starts with the listening sockets an old process handed over ("-x"): a listener takes
     * the one of its address instead of binding; those left over are closed once all started.
     */
    public static Engine start(Config config, Events events, org.jhaproxy.runtime.listener.TransferredSockets transferred)
            throws StartException {
        Consumer<String> alert = events::alert;
        Engine e = new Engine(config, events);
        try {
            org.jhaproxy.runtime.action.ProxyRuleSets.compileAll(e.proxies);
        } catch (org.jhaproxy.runtime.sample.NotSupported unsupported) {
            alert.accept(unsupported.getMessage());
            e.stop();
            throw new StartException();
        }
        try {
            org.jhaproxy.runtime.ssl.SslSetup.prepareServers(config, e.proxies);
        } catch (org.jhaproxy.runtime.ssl.SslSetupException | org.jhaproxy.runtime.sample.NotSupported failed) {
            alert.accept(failed.getMessage());
            e.stop();
            throw new StartException();
        }
        try {
            e.logging = org.jhaproxy.runtime.log.Logging.start(config, e.proxies, e.transport.group().next(),
                    () -> e.global == null ? 0 : e.global.actconn());
        } catch (java.io.IOException | org.jhaproxy.runtime.sample.NotSupported failed) {
            alert.accept("Cannot open the log targets: " + failed.getMessage());
            e.stop();
            throw new StartException();
        }
        e.logging.sinks().forward(config, e.transport);
        try {
            e.fcgiApps = org.jhaproxy.runtime.fcgi.FcgiApps.start(config, e.proxies, e.logging.syslog());
        } catch (java.io.IOException | org.jhaproxy.runtime.sample.NotSupported failed) {
            alert.accept(failed.getMessage());
            e.stop();
            throw new StartException();
        }
        try {
            e.logForwards = org.jhaproxy.runtime.logfwd.LogForwards.start(config, e.logging.syslog(), e.transport,
                    (int) config.globalNumber("tune.bufsize", 16384));
        } catch (java.io.IOException failed) {
            alert.accept(failed.getMessage());
            e.stop();
            throw new StartException();
        }
        e.events = events.withSender(e.logging::send);
        e.proxies.patterns().finish();
        org.jhaproxy.runtime.server.ServerStateFile.apply(config, e.proxies.all(), e.proxies::uuid, e.events.starting());
        StreamContext ctx = new StreamContext(e.transport, config, e.proxies, e.clients, e.streams, e);
        List<Planned> planned = new ArrayList<>();
        for (Proxy p : e.proxies.all()) {
            p.streams(e.streams);
            if (!p.config().isFrontend() || p.config().disabled()) {
                continue;
            }
            for (Bind b : p.config().binds()) {
                BindConf conf;
                try {
                    conf = BindConf.of(b, org.jhaproxy.runtime.ssl.BindSsl.of(b, config, p.isHttp(),
                            p.config().timeout(org.jhaproxy.config.model.TimeoutKind.CLIENT)));
                } catch (org.jhaproxy.runtime.ssl.SslSetupException failed) {
                    alert.accept("Proxy '" + p.name() + "': " + failed.getMessage());
                    e.stop();
                    throw new StartException();
                }
                if (conf.ssl() != null) {
                    conf.ssl().warnings().forEach(events::warning);
                }
                for (SocketAddress a : b.listeners()) {
                    for (java.net.SocketAddress addr : listenAddresses(a)) {
                        planned.add(new Planned(p, conf, addr));
                    }
                }
            }
        }
        GlobalMaxconn global = GlobalMaxconn.of(config, planned.size() + e.checkCount()
                + org.jhaproxy.runtime.cli.StatsSockets.reservedSockets(config), threads(config));
        e.global = global;
        // "ulimit-n", else maxsock: the open-files limit raised before anything is bound
        boolean strict = org.jhaproxy.runtime.process.OpenFiles.strict(config);
        long ulimitN = org.jhaproxy.runtime.process.OpenFiles.ulimitN(config);
        long nofile = org.jhaproxy.runtime.process.OpenFiles.raise(ulimitN > 0 ? ulimitN : global.maxsock(), strict,
                alert, events::warning);
        if (nofile < 0) {
            e.stop();
            throw new StartException(false);
        }
        global.ulimitN(nofile);
        org.jhaproxy.runtime.queue.DynamicMaxconn.settle(e.proxies, global.maxconn());
        java.util.Map<Proxy, Integer> luids = new java.util.HashMap<>();
        for (Planned pl : planned) {
            Listener l = new Listener(pl.frontend(), pl.bind(), pl.address(), global);
            int rank = luids.merge(pl.frontend(), 1, Integer::sum);
            l.luid(pl.bind().id() > 0 ? pl.bind().id() : rank);
            Proxy p = l.frontend();
            // a channel that cannot be made (fd@ or unix@ without epoll) fails the future too
            ChannelFuture f = l.start(e.transport, new FrontendInitializer(ctx, l), transferred).awaitUninterruptibly();
            if (!f.isSuccess()) {
                Position at = pl.bind().line().at();
                alert.accept(String.format("Binding [%s:%d] for %s %s: cannot bind socket (%s) for [%s]",
                        at.file(), at.line(), p.config().isBackend() ? "proxy" : "frontend",
                        p.name(), bindError(f.cause()), shown(l.address())));
                e.stop();
                throw new StartException();
            }
            e.listeners.add(l);
        }
        try {
            e.statsSockets = org.jhaproxy.runtime.cli.StatsSockets.start(e, e.transport, transferred);
        } catch (org.jhaproxy.runtime.cli.StatsSocket.StartFailure f) {
            alert.accept(f.getMessage());
            e.stop();
            throw new StartException();
        } finally {
            transferred.dropUnused();
        }
        if (!org.jhaproxy.runtime.process.OpenFiles.enoughFor(global.maxconn(), global.maxsock(), strict, alert)) {
            e.stop();
            throw new StartException(false);
        }
        e.listeners.forEach(Listener::open);
        e.statsSockets.open();
        e.resolvers = org.jhaproxy.runtime.resolvers.ResolverSet.start(config, e.proxies.all(), e.transport, e.events);
        org.jhaproxy.runtime.check.HealthChecks.start(e.proxies, e.transport, e.events,
                (int) config.globalNumber("spread-checks", 0));
        return e;
    }

    /** The health and agent checks configured, each of which haproxy counts in maxsock. */
    private int checkCount() {
        int n = 0;
        for (Proxy p : proxies.all()) {
            if (!p.config().isBackend()) {
                continue;
            }
            for (org.jhaproxy.runtime.server.Server s : p.servers()) {
                n += (s.config().check() ? 1 : 0) + (s.agent().configured() ? 1 : 0);
            }
        }
        return n;
    }

    /** A listener to start, once the global limit (which counts them) is known. */
    private record Planned(Proxy frontend, BindConf bind, java.net.SocketAddress address) {
    }

    /**
     * The sockets one bind address gives: one per port of a range, the "any" address for "*",
     * ":port" or an empty host, a path for "unix@", the descriptor for "fd@".
     */
    private static List<java.net.SocketAddress> listenAddresses(SocketAddress a) {
        List<java.net.SocketAddress> out = new ArrayList<>();
        switch (a.family()) {
            case UNIX -> out.add(new DomainSocketAddress(a.host()));
            case FD -> out.add(new Transport.InheritedSocket(a.fd()));
            case INET, INET6 -> {
                String host = a.host() == null || a.host().isEmpty() || a.host().equals("*")
                        ? (a.family() == AddressFamily.INET6 ? "::" : "0.0.0.0") : a.host();
                if (a.isRange()) {
                    for (int port = a.low(); port <= a.high(); port++) {
                        out.add(new InetSocketAddress(host, port));
                    }
                } else {
                    out.add(new InetSocketAddress(host, a.port()));
                }
            }
            default -> throw new IllegalArgumentException("bind address family " + a.family() + " is not supported");
        }
        return out;
    }

    /** The address as haproxy names it in a bind error: "127.0.0.1:80", "[::1]:80", the path. */
    private static String shown(java.net.SocketAddress a) {
        if (a instanceof InetSocketAddress isa) {
            String h = isa.getAddress().getHostAddress();
            return (h.contains(":") ? "[" + h + "]" : h) + ":" + isa.getPort();
        }
        if (a instanceof DomainSocketAddress d) {
            return d.path();
        }
        return String.valueOf(a);
    }

    private static String bindError(Throwable t) {
        String m = String.valueOf(t.getMessage());
        if (m.contains("Address already in use")) {
            return "Address already in use";
        }
        if (m.contains("Permission denied")) {
            return "Permission denied";
        }
        if (m.contains("Cannot assign requested address")) {
            return "Cannot assign requested address";
        }
        return m.replaceFirst("^bind\\(\\.\\.\\) failed: ", "");
    }

    /** The live streams, for "show sess" and "shutdown session". */
    public org.jhaproxy.runtime.stream.Streams streams() {
        return streams;
    }

    public Proxies proxies() {
        return proxies;
    }

    /** Where process events (server state changes, stops) are reported: stderr and the logs. */
    public Events events() {
        return events;
    }

    public Config config() {
        return config;
    }

    /** The process's connection limit and count (global maxconn, actconn). */
    public GlobalMaxconn global() {
        return global;
    }

    /** The stats sockets ("stats socket" lines) serving the CLI. */
    /** The FastCGI application of each backend using one ("use-fcgi-app"). */
    public org.jhaproxy.runtime.fcgi.FcgiApps fcgiApps() {
        return fcgiApps;
    }

    /** The log-forward sections' receivers, null before they are bound. */
    public org.jhaproxy.runtime.logfwd.LogForwards logForwards() {
        return logForwards;
    }

    /** The process's logging: its targets and event sinks ("show events"). */
    public org.jhaproxy.runtime.log.Logging logging() {
        return logging;
    }

    public org.jhaproxy.runtime.cli.StatsSockets statsSockets() {
        return statsSockets;
    }

    public List<Listener> listeners() {
        return List.copyOf(listeners);
    }

    /**
     * SIGUSR1: stop accepting, let the streams in progress end, then stop. {@code report} gets
     * haproxy's "Proxy fe stopped (cumulated conns: FE: n, BE: m)." for each proxy.
     */
    public void softStop(Consumer<String> report) {
        softStopping = true;
        org.jhaproxy.runtime.process.Stopping.began();
        for (Listener l : listeners) {
            l.stop();
        }
        // haproxy reports a proxy when its last listener stops: the listening ones first, the
        // stats sockets' GLOBAL proxy before them if it listens on TCP only (its lines come first),
        // after them if it has a UNIX socket (those stop after the TCP ones); then the others
        boolean global = statsSockets != null && statsSockets.listeners() > 0;
        if (global && !statsSockets.anyUnix()) {
            reportGlobal(report);
        }
        for (boolean listening : new boolean[] {true, false}) {
            for (Proxy p : proxies.all()) {
                if (hasListener(p) == listening) {
                    p.state(ProxyState.STOPPED);
                    String stopped = String.format("Proxy %s stopped (cumulated conns: FE: %d, BE: %d).", p.name(),
                            p.cumulatedFrontendConns(), p.cumulatedBackendConns());
                    report.accept(stopped);
                    // stop_proxy() also sends it to the proxy's own log targets
                    logStopped(p, stopped);
                }
            }
            if (listening && global && statsSockets.anyUnix()) {
                reportGlobal(report);
            }
        }
        report.accept("Proxy <HTTPCLIENT> stopped (cumulated conns: FE: 0, BE: 0).");
        // the HTTP client's proxy logs to the global targets
        logStopped(null, "Proxy <HTTPCLIENT> stopped (cumulated conns: FE: 0, BE: 0).");
        for (io.netty.channel.Channel ch : clients) {
            ch.eventLoop().execute(() -> ch.pipeline().fireUserEventTriggered(SoftStop.EVENT));
        }
        // the streams in progress finish on their own; the process ends with the last one
        GlobalEventExecutor.INSTANCE.scheduleAtFixedRate(() -> {
            if (clients.isEmpty() && stopped.getCount() > 0 && !stopping) {
                stop();
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
    }

    private void logStopped(Proxy p, String message) {
        if (logging != null) {
            logging.send(p, org.jhaproxy.runtime.log.LogLevel.WARNING, message);
        }
    }

    private boolean hasListener(Proxy p) {
        for (Listener l : listeners) {
            if (l.frontend() == p) {
                return true;
            }
        }
        return false;
    }

    /** The CLI's proxy: every connection counted on both sides, as haproxy's applet streams are. */
    private void reportGlobal(Consumer<String> report) {
        long n = statsSockets.cumulatedConns();
        report.accept(String.format("Proxy GLOBAL stopped (cumulated conns: FE: %d, BE: %d).", n, n));
    }

    /** A soft stop (SIGUSR1) is under way: "show info" says "Stopping: 1". */
    public boolean softStopping() {
        return softStopping;
    }

    /** SIGTTOU: stop accepting for a while, the sockets stay bound. */
    public void pauseListeners() {
        listeners.forEach(Listener::pause);
    }

    /** SIGTTIN: accept again after a pause. */
    public void resumeListeners() {
        listeners.forEach(Listener::resume);
    }

    /** Closes everything now. */
    public void stop() {
        stopping = true;
        for (Listener l : listeners) {
            l.stop();
        }
        clients.close();
        if (statsSockets != null) {
            statsSockets.close();
        }
        if (resolvers != null) {
            resolvers.close();
        }
        if (logForwards != null) {
            logForwards.close();
        }
        if (logging != null) {
            logging.close();
        }
        transport.group().shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).addListener(f -> stopped.countDown());
    }

    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** The start failed; the reason was reported. */
    public static final class StartException extends Exception {
        private final boolean listenersFailed;

        public StartException() {
            this(true);
        }

        /** {@code listenersFailed}: haproxy then adds "Some protocols failed to start their listeners!". */
        public StartException(boolean listenersFailed) {
            super(null, null, false, false);
            this.listenersFailed = listenersFailed;
        }

        public boolean listenersFailed() {
            return listenersFailed;
        }
    }
}
