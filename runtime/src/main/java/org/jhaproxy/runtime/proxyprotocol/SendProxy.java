package org.jhaproxy.runtime.proxyprotocol;

import io.netty.channel.Channel;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyMessageEncoder;
import io.netty.handler.codec.haproxy.HAProxyProtocolVersion;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;
import io.netty.util.AttributeKey;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.Objects;
import org.jhaproxy.config.model.ServerConfig;

/**
 * A server's "send-proxy" (v1) or "send-proxy-v2": every new connection to it starts with a PROXY
 * protocol header carrying the stream's source and destination (make_proxy_line()), encoded by
 * Netty's {@link HAProxyMessageEncoder}. Two IPv4 addresses give TCP4, an IPv6 one TCP6 with the
 * IPv4 one mapped (::ffff:a.b.c.d); anything else "PROXY UNKNOWN" (v1) or a LOCAL command (v2).
 * Version 2 carries the TLVs of {@link ProxyV2Options}, encoded by {@link ProxyV2Header}. An idle connection
 * is reused only by a stream whose header would be the same, as haproxy hashes the line into
 * the connection's identity.
 */
public final class SendProxy {
    private static final AttributeKey<Header> SENT = AttributeKey.valueOf("jhaproxy.proxy-header");
    private static final String ENCODER = "proxy-encoder";

    /**
     * The header of one connection: its version, addresses, and for version 2 its TLVs but the
     * CRC32C one (ISO-8859-1 text, "" for none) and whether a CRC32C TLV ends up first.
     */
    public record Header(HAProxyProtocolVersion version, InetSocketAddress src, InetSocketAddress dst, String tlvs, boolean crc32c) {
        public Header(HAProxyProtocolVersion version, InetSocketAddress src, InetSocketAddress dst) {
            this(version, src, dst, "", false);
        }

        /** What goes on the wire: Netty's encoder's message, or the bytes of a version 2 header with TLVs. */
        Object wire(io.netty.buffer.ByteBufAllocator alloc) {
            return version == HAProxyProtocolVersion.V2 && (crc32c || !tlvs.isEmpty()) ? ProxyV2Header.encode(this, alloc) : message();
        }

        HAProxyMessage message() {
            if (src == null || dst == null) {
                return version == HAProxyProtocolVersion.V1
                        ? new HAProxyMessage(version, HAProxyCommand.PROXY, HAProxyProxiedProtocol.UNKNOWN, null, null, 0, 0)
                        : new HAProxyMessage(version, HAProxyCommand.LOCAL, HAProxyProxiedProtocol.UNKNOWN, null, null, 0, 0);
            }
            boolean v4 = src.getAddress() instanceof Inet4Address && dst.getAddress() instanceof Inet4Address;
            return new HAProxyMessage(version, HAProxyCommand.PROXY, v4 ? HAProxyProxiedProtocol.TCP4 : HAProxyProxiedProtocol.TCP6,
                    text(src, v4), text(dst, v4), src.getPort(), dst.getPort());
        }
    }

    private SendProxy() {
    }

    /** The header a new connection to {@code server} starts with, or null when it sends none. */
    public static Header header(ServerConfig server, InetSocketAddress src, InetSocketAddress dst) {
        return header(server, src, dst, null);
    }

    /**
     * The header a new connection to {@code server} starts with for a stream ({@code stream}: its
     * samples, for the TLVs: the client's TLS, the unique id), or null when it sends none.
     */
    public static Header header(ServerConfig server, InetSocketAddress src, InetSocketAddress dst,
                                org.jhaproxy.runtime.sample.SampleContext stream) {
        HAProxyProtocolVersion v = version(server);
        if (v != HAProxyProtocolVersion.V2) {
            return v == null ? null : new Header(v, src, dst);
        }
        ProxyV2Options o = ProxyV2Options.of(server);
        org.jhaproxy.runtime.ssl.ClientTls tls = stream == null ? null : stream.tls();
        String id = null;
        if (stream != null && o.uniqueId()) {
            id = org.jhaproxy.runtime.log.UniqueId.of(stream);
            id = id == null ? "" : id;
        }
        return new Header(v, src, dst, o.tlvs(tls, id), o.crc32c());
    }

    /** The header of a health check's connection (no stream): version 1 names the connection's own addresses, version 2 is LOCAL. */
    public static Header checkHeader(ServerConfig server, HAProxyProtocolVersion v, InetSocketAddress local, InetSocketAddress dst) {
        if (v == HAProxyProtocolVersion.V1) {
            return new Header(v, local, dst);
        }
        ProxyV2Options o = ProxyV2Options.of(server);
        return new Header(v, null, null, o.tlvs(null, null), o.crc32c());
    }

    /**
     * The server's PROXY protocol version: 2 with "send-proxy-v2[-ssl[-cn]]", else 1 with
     * "send-proxy", or with "proxy-v2-options" alone (haproxy then sends a version 1 line).
     */
    public static HAProxyProtocolVersion version(ServerConfig server) {
        if (server.has("send-proxy-v2") || server.has("send-proxy-v2-ssl") || server.has("send-proxy-v2-ssl-cn")) {
            return HAProxyProtocolVersion.V2;
        }
        return server.has("send-proxy") || ProxyV2Options.of(server).any() ? HAProxyProtocolVersion.V1 : null;
    }

    /** In the server connection's initializer, after TLS: the encoder, below every other handler. */
    public static void prepare(Channel ch, Header h) {
        if (h != null) {
            ch.pipeline().addFirst(ENCODER, HAProxyMessageEncoder.INSTANCE);
        }
    }

    /**
     * Once connected, before anything else: the header goes out with the first data. Over TLS
     * it is written from the TLS handler's place, so that only the encoder below sees it: the
     * header travels in clear ahead of the handshake, as haproxy sends it.
     */
    public static void send(Channel ch, Header h) {
        if (h != null) {
            ch.attr(SENT).set(h);
            io.netty.channel.ChannelHandlerContext tls = ch.pipeline().context(io.netty.handler.ssl.SslHandler.class);
            if (tls != null) {
                tls.write(h.wire(ch.alloc()));
            } else {
                ch.write(h.wire(ch.alloc()));
            }
        }
    }

    /** An idle connection may carry this stream's traffic: it was opened with the same header (or none). */
    public static boolean reusable(Channel idle, Header h) {
        return Objects.equals(idle.attr(SENT).get(), h);
    }

    /** inet_ntop() of the address, an IPv4 one mapped into IPv6 when the other address is IPv6. */
    private static String text(InetSocketAddress a, boolean v4) {
        String t = org.jhaproxy.runtime.sample.Addresses.text(a.getAddress());
        return !v4 && a.getAddress() instanceof Inet4Address ? "::ffff:" + t : t;
    }
}
