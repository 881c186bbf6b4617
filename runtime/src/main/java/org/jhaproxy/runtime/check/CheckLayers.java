package org.jhaproxy.runtime.check;

import io.netty.handler.codec.haproxy.HAProxyProtocolVersion;
import java.net.InetSocketAddress;
import org.jhaproxy.config.model.ServerConfig;
import org.jhaproxy.runtime.proxyprotocol.SendProxy;

/**
 * What a check connection puts below its data (tcpcheck_eval_connect()): the server's SOCKS4
 * proxy and a PROXY protocol header. A "connect default" (the implicit first connection, the
 * protocol checks') follows the server: "check-via-socks4", and "check-send-proxy" or, without
 * a check "port" or "addr", the server's own "send-proxy[-v2]" (never for the agent); another
 * connect rule only its own "via-socks4" and "send-proxy" options. The header is version 2 when
 * the server sends version 2 (its pp_opts), else version 1.
 *
 * @param server the server's configuration (its "proxy-v2-options")
 * @param socks4 the server's SOCKS4 proxy, null without
 * @param defaultViaSocks4 "check-via-socks4"
 * @param defaultProxy whether a default connect sends a PROXY header
 * @param version the PROXY protocol version of the server
 */
record CheckLayers(ServerConfig server, InetSocketAddress socks4, boolean defaultViaSocks4, boolean defaultProxy,
                   HAProxyProtocolVersion version) {
    static final CheckLayers NONE = new CheckLayers(null, null, false, false, HAProxyProtocolVersion.V1);

    static CheckLayers of(ServerConfig s, InetSocketAddress socks4, boolean agent) {
        HAProxyProtocolVersion traffic = SendProxy.version(s);
        boolean proxy = !agent && (s.has("check-send-proxy") || traffic != null && !s.has("port") && !s.has("addr"));
        return new CheckLayers(s, socks4, s.has("check-via-socks4"), proxy,
                traffic == HAProxyProtocolVersion.V2 ? HAProxyProtocolVersion.V2 : HAProxyProtocolVersion.V1);
    }

    /** The SOCKS4 proxy a connection of {@code rule} goes through, or null. */
    InetSocketAddress socks4(CheckRule.Connect rule) {
        return socks4 != null && (rule.viaSocks4() || rule.dflt() && defaultViaSocks4) ? socks4 : null;
    }

    /** The PROXY header version a connection of {@code rule} starts with, or null. */
    HAProxyProtocolVersion proxy(CheckRule.Connect rule) {
        return rule.sendProxy() || rule.dflt() && defaultProxy ? version : null;
    }
}
