package org.jhaproxy.runtime.http;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import org.jhaproxy.config.source.Line;

/**
 * A proxy's "option forwardfor [except <network>] [header <name>] [if-none]" (manual 4.2), read
 * once at load: the header name as HTX stores it (lower case), the network whose clients get no
 * header, and whether the header is added even when the request already has one.
 */
public record ForwardFor(String header, int exceptNet, int exceptMask, boolean always) {
    static final String DEFAULT_HEADER = "x-forwarded-for";

    static ForwardFor of(Line line) {
        String header = DEFAULT_HEADER;
        int net = 0;
        int mask = 0;
        boolean always = true;
        for (int i = 2; !line.arg(i).isEmpty(); i++) {
            switch (line.arg(i)) {
                case "header" -> header = line.arg(++i).toLowerCase(Locale.ROOT);
                case "except" -> {
                    String[] parts = line.arg(++i).split("/", 2);
                    mask = parts.length == 1 ? -1 : mask(parts[1]);
                    net = ipv4(parts[0]) & mask;
                }
                case "if-none" -> always = false;
                default -> {
                }
            }
        }
        return new ForwardFor(header, net, mask, always);
    }

    /** The client is outside the "except" network (a proxy without one excepts nobody). */
    boolean covers(InetSocketAddress client) {
        if (exceptMask == 0 || !(client.getAddress() instanceof Inet4Address a)) {
            return true;
        }
        return (toInt(a.getAddress()) & exceptMask) != exceptNet;
    }

    private static int mask(String m) {
        if (m.contains(".")) {
            return ipv4(m);
        }
        int bits = Integer.parseInt(m);
        return bits == 0 ? 0 : -1 << (32 - bits);
    }

    private static int ipv4(String dotted) {
        String[] p = dotted.split("\\.");
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (i < p.length ? Integer.parseInt(p[i]) : 0);
        }
        return v;
    }

    private static int toInt(byte[] b) {
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }

    /** The client's address as haproxy writes it (dotted quad, or inet_ntop's IPv6 form). */
    static String address(InetSocketAddress client) {
        InetAddress a = client.getAddress();
        return org.jhaproxy.runtime.sample.Addresses.text(a);
    }

    /**
     * "option forwardfor" of the frontend or the backend (http_process_request, step 9): the
     * header (the backend's name for it first) is added to {@code head} with the client's
     * address, unless "if-none" was given and the request has one, or "except" covers the client.
     */
    static void apply(ForwardFor fe, ForwardFor be, io.netty.handler.codec.http.HttpRequest head, InetSocketAddress src) {
        if (fe == null && be == null) {
            return;
        }
        String name = be != null ? be.header() : fe.header();
        boolean always = (fe != null && fe.always()) || (be != null && be.always());
        if (!always && head.headers().contains(name)) {
            return;
        }
        if (src == null) {
            // a client on a UNIX socket has no address to forward
            return;
        }
        if ((fe == null || fe.covers(src)) && (be == null || be.covers(src))) {
            head.headers().add(name, address(src));
        }
    }
}
