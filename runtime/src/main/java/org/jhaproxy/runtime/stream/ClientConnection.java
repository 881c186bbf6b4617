package org.jhaproxy.runtime.stream;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import org.jhaproxy.runtime.listener.Listener;

/**
 * What a client connection's session knows of where it came in (sess->listener) and of its
 * connection's flags (CO_FL_RCVD_PROXY): read by the layer 4 fetches dst_conn, so_id, so_name
 * and fc_rcvd_proxy.
 */
public final class ClientConnection {
    private static final AttributeKey<ClientConnection> KEY = AttributeKey.valueOf("jhaproxy.client-connection");

    private final Listener listener;
    private volatile boolean proxyHeaderReceived;

    private ClientConnection(Listener listener) {
        this.listener = listener;
    }

    /** The connection was accepted by {@code listener}. */
    public static void accepted(Channel ch, Listener listener) {
        ch.attr(KEY).set(new ClientConnection(listener));
    }

    /** The connection's facts, or null for a channel that is no accepted client connection. */
    public static ClientConnection of(Channel ch) {
        return ch == null ? null : ch.attr(KEY).get();
    }

    public Listener listener() {
        return listener;
    }

    /** A PROXY protocol header (v1 or v2, LOCAL included) was read from the connection. */
    public boolean proxyHeaderReceived() {
        return proxyHeaderReceived;
    }

    public void proxyHeaderReceived(boolean r) {
        this.proxyHeaderReceived = r;
    }
}
