package org.jhaproxy.runtime.stream;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.jhaproxy.config.model.ServerConfig;
import org.jhaproxy.config.source.Line;

/**
 * "source <addr>[:<port>[-<port>]]" of a server, else of its backend (manual 4.2, 5.2): the
 * local address an outgoing connection binds before connecting. A port range hands its ports out
 * in turn, as haproxy's port_range does; without a port the kernel picks one.
 */
public final class ConnectSource {
    private final InetAddress address;
    private final int low;
    private final int high;
    private final AtomicInteger next = new AtomicInteger();

    private ConnectSource(InetAddress address, int low, int high) {
        this.address = address;
        this.low = low;
        this.high = high;
    }

    /** The server's source, else the backend's "source" line, else null (the kernel chooses). */
    public static ConnectSource of(ServerConfig server, Line backendSource) {
        String text = server.option("source", null);
        if (text == null && backendSource != null) {
            text = backendSource.arg(1);
        }
        return text == null || text.isEmpty() ? null : parse(text);
    }

    /** "usesrc" or "interface" when the source words use one (refused: transparent proxying, SO_BINDTODEVICE), else null. */
    public static String unsupported(String words) {
        for (String w : words.split(" ")) {
            if (w.equals("usesrc") || w.equals("interface")) {
                return w;
            }
        }
        return null;
    }

    static ConnectSource parse(String text) {
        int space = text.indexOf(' ');
        if (space >= 0) {
            text = text.substring(0, space);
        }
        String host = text;
        String ports = null;
        int colon = text.lastIndexOf(':');
        if (colon >= 0 && (text.indexOf(':') == colon || text.startsWith("["))) {
            host = text.substring(0, colon);
            ports = text.substring(colon + 1);
        } else if (colon >= 0 && text.startsWith("ipv6@")) {
            host = text;
        }
        host = host.replace("[", "").replace("]", "");
        if (host.startsWith("ipv4@") || host.startsWith("ipv6@")) {
            host = host.substring(5);
        }
        InetAddress a = host.isEmpty() || host.equals("*") ? anyV4()
                : org.jhaproxy.runtime.sample.Addresses.parse(host);
        int low = 0;
        int high = 0;
        if (ports != null && !ports.isEmpty()) {
            int dash = ports.indexOf('-');
            low = Integer.parseInt(dash < 0 ? ports : ports.substring(0, dash));
            high = dash < 0 ? low : Integer.parseInt(ports.substring(dash + 1));
        }
        return new ConnectSource(a, low, high);
    }

    /** The local address of the next connection. */
    public InetSocketAddress next() {
        if (low == 0) {
            return new InetSocketAddress(address, 0);
        }
        int span = high - low + 1;
        return new InetSocketAddress(address, low + Math.floorMod(next.getAndIncrement(), span));
    }

    private static InetAddress anyV4() {
        try {
            return InetAddress.getByAddress(new byte[4]);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
