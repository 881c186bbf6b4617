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
import org.jhaproxy.config.addr.SocketAddress;
import org.jhaproxy.config.model.Bind;
import org.jhaproxy.config.model.Config;
import org.jhaproxy.runtime.listener.Listener;
import org.jhaproxy.runtime.proxy.Proxies;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.proxy.ProxyState;
import org.jhaproxy.runtime.stream.FrontendInitializer;
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
    private final List<Listener> listeners = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;

    private Engine(Config config) {
        this.config = config;
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
    public static Engine start(Config config, Consumer<String> alert) throws StartException {
        Engine e = new Engine(config);
        try {
            org.jhaproxy.runtime.action.ProxyRuleSets.compileAll(e.proxies);
        } catch (org.jhaproxy.runtime.sample.NotSupported unsupported) {
            alert.accept(unsupported.getMessage());
            e.stop();
            throw new StartException();
        }
        StreamContext ctx = new StreamContext(e.transport, config, e.proxies, e.clients);
        for (Proxy p : e.proxies.all()) {
            if (!p.config().isFrontend() || p.config().disabled()) {
                continue;
            }
            for (Bind b : p.config().binds()) {
                for (SocketAddress a : b.listeners()) {
                    for (int port = a.low(); port <= Math.max(a.low(), a.high()); port++) {
                        InetSocketAddress isa = new InetSocketAddress(a.host() == null || a.host().isEmpty() ? "0.0.0.0" : a.host(),
                                a.isRange() ? port : a.port());
                        Listener l = new Listener(p, b, isa);
                        ChannelFuture f = l.start(e.transport, new FrontendInitializer(ctx, l)).awaitUninterruptibly();
                        if (!f.isSuccess()) {
                            String reason = bindError(f.cause());
                            alert.accept(String.format("Binding [%s:%d] for %s %s: cannot bind socket (%s) for [%s:%d]",
                                    b.at().file(), b.at().line(), p.config().isBackend() ? "proxy" : "frontend",
                                    p.name(), reason, isa.getAddress().getHostAddress(), isa.getPort()));
                            e.stop();
                            throw new StartException();
                        }
                        e.listeners.add(l);
                        if (!a.isRange()) {
                            break;
                        }
                    }
                }
            }
        }
        return e;
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

    public Proxies proxies() {
        return proxies;
    }

    public List<Listener> listeners() {
        return List.copyOf(listeners);
    }

    /**
     * SIGUSR1: stop accepting, let the streams in progress end, then stop. {@code report} gets
     * haproxy's "Proxy fe stopped (cumulated conns: FE: n, BE: m)." for each proxy.
     */
    public void softStop(Consumer<String> report) {
        for (Listener l : listeners) {
            l.stop();
        }
        for (Proxy p : proxies.all()) {
            p.state(ProxyState.STOPPED);
            report.accept(String.format("Proxy %s stopped (cumulated conns: FE: %d, BE: %d).", p.name(),
                    p.cumulatedFrontendConns(), p.cumulatedBackendConns()));
        }
        report.accept("Proxy <HTTPCLIENT> stopped (cumulated conns: FE: 0, BE: 0).");
        // the streams in progress finish on their own; the process ends with the last one
        GlobalEventExecutor.INSTANCE.scheduleAtFixedRate(() -> {
            if (clients.isEmpty() && stopped.getCount() > 0 && !stopping) {
                stop();
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
    }

    /** Closes everything now. */
    public void stop() {
        stopping = true;
        for (Listener l : listeners) {
            l.stop();
        }
        clients.close();
        transport.group().shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).addListener(f -> stopped.countDown());
    }

    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** The start failed; the reason was reported. */
    public static final class StartException extends Exception {
        public StartException() {
            super(null, null, false, false);
        }
    }
}
