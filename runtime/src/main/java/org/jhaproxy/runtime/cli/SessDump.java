package org.jhaproxy.runtime.cli;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.jhaproxy.runtime.Engine;
import org.jhaproxy.runtime.listener.Listener;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.stream.LiveStream;

/**
 * "show sess &lt;id&gt;": the first section of a stream's detailed dump
 * (stats_dump_full_strm_to_buffer()): accept date, ids, the frontend, backend and server with
 * their addresses, and the task. What follows in haproxy (connectors, channels and buffers)
 * describes haproxy's internals, which jhaproxy does not have.
 */
final class SessDump {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private SessDump() {
    }

    static void full(StringBuilder out, LiveStream s, Engine engine) {
        ZonedDateTime d = Instant.ofEpochMilli(s.acceptMillis()).atZone(ZoneId.systemDefault());
        out.append(pointer(s.pointer())).append(String.format(": [%02d/%s/%04d:%02d:%02d:%02d.%06d] id=%d proto=%s",
                d.getDayOfMonth(), MONTHS[d.getMonthValue() - 1], d.getYear(), d.getHour(), d.getMinute(),
                d.getSecond(), d.getNano() / 1000, s.id(), proto(s.client())));
        InetSocketAddress src = org.jhaproxy.runtime.stream.SessionAddresses.of(s.client()).src();
        out.append(src != null ? " source=" + ip(src) + ":" + src.getPort() : " source=unix:" + listenerId(s)).append('\n');
        Server srv = s.server();
        Channel server = s.serverChannel();
        out.append("  flags=0x").append(s.kind() == LiveStream.Kind.CLI ? "8" : server != null ? "4a" : "2")
                .append(", conn_retries=0, conn_exp=<NEVER> conn_et=0x000 srv_conn=")
                .append(srv == null ? "(nil)" : pointer(0x55d0c0000000L + 0x200L * srv.puid()))
                .append(", pend_pos=(nil) waiting=0 epoch=").append(hex(s.epoch())).append('\n');
        Proxy fe = s.frontend();
        out.append("  frontend=").append(frontendName(s)).append(" (id=").append(fe == null ? 0 : uuid(engine, fe))
                .append(" mode=").append(fe == null || !fe.isHttp() ? "tcp" : "http").append("), listener=? (id=")
                .append(listenerId(engine, s)).append(')');
        out.append(address(s.client().localAddress(), " addr=unix:" + listenerId(s))).append('\n');
        Proxy be = backend(s);
        if (be != null) {
            out.append("  backend=").append(be.name()).append(" (id=").append(uuid(engine, be)).append(" mode=")
                    .append(be.isHttp() ? "http" : "tcp").append(')');
        } else {
            out.append("  backend=<NONE> (id=-1 mode=-)");
        }
        out.append(server == null ? "" : address(server.localAddress(), " addr=unix")).append('\n');
        if (be != null) {
            out.append("  server=").append(srv == null ? "<none>" : srv.name()).append(" (id=")
                    .append(srv == null ? 0 : srv.puid()).append(')');
        } else {
            out.append("  server=<NONE> (id=-1)");
        }
        out.append(server == null ? "" : address(server.remoteAddress(), " addr=unix")).append('\n');
        out.append("  task=").append(pointer(s.pointer() + 0x11e0000)).append(" (state=0x00 nice=")
                .append(s.kind() == LiveStream.Kind.CLI ? -64 : 0).append(" calls=2 rate=0 exp=<NEVER> tmask=0x1 age=")
                .append(ShowSess.humanTime(s.ageSeconds())).append(")\n");
    }

    private static String address(SocketAddress a, String unix) {
        InetSocketAddress in = inet(a);
        return in != null ? " addr=" + ip(in) + ":" + in.getPort() : a == null ? "" : unix;
    }

    /** The backend a stream shows: the one it was given, else its frontend when that is also a backend (a listen). */
    private static Proxy backend(LiveStream s) {
        Proxy be = s.backend();
        if (be != null) {
            return be;
        }
        return s.frontend() != null && s.frontend().config().isBackend() ? s.frontend() : null;
    }

    static String backendName(LiveStream s) {
        Proxy be = backend(s);
        return be == null ? "<NONE>" : be.name();
    }

    static String frontendName(LiveStream s) {
        return s.frontend() == null ? "GLOBAL" : s.frontend().name();
    }

    /** The proxy's uuid, haproxy's numbering of proxies in their order. */
    private static int uuid(Engine engine, Proxy p) {
        return engine.proxies().uuid(p);
    }

    /** The listener's id within its proxy: the stats socket's rank, else the bind's rank among its frontend's listeners. */
    static int listenerId(LiveStream s) {
        if (s.cliListener() != null) {
            return s.cliListener();
        }
        return 1;
    }

    static int listenerId(Engine engine, LiveStream s) {
        int id = 0;
        for (Listener l : engine.listeners()) {
            if (l.frontend() == s.frontend()) {
                id++;
                if (l.address().equals(s.client().localAddress())) {
                    return id;
                }
            }
        }
        return listenerId(s);
    }

    static String pointer(long p) {
        return "0x" + Long.toHexString(p);
    }

    /** printf's "%#x": 0 stays "0". */
    static String hex(int v) {
        return v == 0 ? "0" : "0x" + Integer.toHexString(v);
    }

    static InetSocketAddress inet(SocketAddress a) {
        return a instanceof InetSocketAddress i ? i : null;
    }

    static String ip(InetSocketAddress a) {
        return a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
    }

    /** The listener's protocol name (proto_tcpv4 "tcpv4", "tcpv6", "unix_stream"). */
    static String proto(Channel client) {
        SocketAddress local = client.localAddress();
        if (local instanceof InetSocketAddress i) {
            return i.getAddress() instanceof java.net.Inet6Address ? "tcpv6" : "tcpv4";
        }
        return "unix_stream";
    }

    /** The connection's file descriptor, with the native transport; -1 otherwise. */
    static int fd(Channel ch) {
        if (ch instanceof io.netty.channel.unix.UnixChannel u) {
            return u.fd().intValue();
        }
        return -1;
    }
}
