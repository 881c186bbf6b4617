package org.jhaproxy.runtime.server;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.jhaproxy.config.model.ServerConfig;
import org.jhaproxy.runtime.proxy.Proxy;

/**
 * A running server of a backend: its frozen configuration, the address it connects to, and
 * its live state (weight, current connections) which the balancer and the stats read.
 */
public final class Server {
    private final ServerConfig config;
    private final Proxy backend;
    private final InetSocketAddress address;
    private final int maxconn;
    private final AtomicInteger currentConns = new AtomicInteger();
    private final AtomicInteger totalConns = new AtomicInteger();
    private final IdleConnections idle = new IdleConnections();
    private volatile ServerState state;
    private volatile int weight;

    public Server(ServerConfig config, Proxy backend) {
        this.config = config;
        this.backend = backend;
        String host = config.address() == null ? null : config.address().host();
        int port = config.address() == null ? 0 : config.address().port();
        this.address = host == null ? null : new InetSocketAddress(host, port);
        this.maxconn = Integer.parseInt(config.option("maxconn", "0"));
        this.weight = Integer.parseInt(config.option("weight", "1"));
        this.state = config.disabled() ? ServerState.STOPPED : ServerState.RUNNING;
    }

    public String name() {
        return config.name();
    }

    public ServerConfig config() {
        return config;
    }

    public Proxy backend() {
        return backend;
    }

    /** Where to connect; the port of a server written without one is the client's destination port. */
    public InetSocketAddress address(InetSocketAddress clientDestination) {
        if (config.address() != null && (config.address().noPort() || config.address().isOffset()) && clientDestination != null) {
            int port = clientDestination.getPort() + config.address().port();
            return new InetSocketAddress(address.getAddress(), port);
        }
        return address;
    }

    /** Idle keep-alive connections to this server (HTTP), per event loop. */
    public IdleConnections idle() {
        return idle;
    }

    public boolean isBackup() {
        return config.backup();
    }

    public boolean isUsable() {
        return state == ServerState.RUNNING && weight > 0 && address != null;
    }

    public ServerState state() {
        return state;
    }

    public void state(ServerState s) {
        this.state = s;
    }

    public int weight() {
        return weight;
    }

    public int maxconn() {
        return maxconn;
    }

    /** A slot is free: no maxconn, or fewer connections than it. */
    public boolean hasFreeSlot() {
        return maxconn == 0 || currentConns.get() < maxconn;
    }

    public int currentConns() {
        return currentConns.get();
    }

    public void connectionTaken() {
        currentConns.incrementAndGet();
        totalConns.incrementAndGet();
    }

    public void connectionReleased() {
        currentConns.decrementAndGet();
    }

    public int totalConns() {
        return totalConns.get();
    }
}
