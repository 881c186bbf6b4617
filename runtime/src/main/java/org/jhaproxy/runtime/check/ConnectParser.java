package org.jhaproxy.runtime.check;

import java.net.InetSocketAddress;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.CompiledSample;
import org.jhaproxy.runtime.sample.NotSupported;

/**
 * "tcp-check connect" / "http-check connect [default] [port EXPR] [addr IP] [send-proxy]
 * [linger] [comment MSG]" (configuration.txt 4, parse_tcpcheck_connect()). "via-socks4",
 * "ssl", "sni", "alpn" and "proto" are refused: jhaproxy does not execute them on a check's
 * connection yet.
 */
final class ConnectParser {
    private ConnectParser() {
    }

    static CheckRule.Connect parse(Line l, CompileScope scope) throws NotSupported {
        int port = 0;
        CompiledSample portExpr = null;
        InetSocketAddress addr = null;
        boolean sendProxy = false;
        boolean linger = false;
        for (int k = 2; k < l.count(); k++) {
            switch (l.arg(k)) {
                case "default" -> {
                    // the server's check settings (address, port) are the defaults of every connect here
                }
                case "port" -> {
                    String v = l.arg(++k);
                    if (v.chars().allMatch(Character::isDigit)) {
                        port = Integer.parseInt(v);
                    } else {
                        portExpr = ExpectParser.sample(v, scope, l);
                    }
                }
                case "addr" -> addr = address(l.arg(++k));
                case "send-proxy" -> sendProxy = true;
                case "linger" -> linger = true;
                case "comment" -> k++;
                default -> throw ExpectParser.refused(l, "connect " + l.arg(k));
            }
        }
        return new CheckRule.Connect(port, portExpr, addr, sendProxy, linger);
    }

    /** The rule's own "comment MSG", or null. */
    static String comment(Line l) {
        for (int k = 2; k + 1 < l.count(); k++) {
            if (l.arg(k).equals("comment")) {
                return l.arg(k + 1);
            }
            if (l.arg(k).equals("port") || l.arg(k).equals("addr") || l.arg(k).equals("sni") || l.arg(k).equals("alpn")
                    || l.arg(k).equals("proto")) {
                k++;
            }
        }
        return null;
    }

    /** "addr IP" or "IPv4:PORT" (port 0 when none). */
    private static InetSocketAddress address(String text) {
        int colon = text.lastIndexOf(':');
        if (colon > 0 && text.indexOf(':') == colon) {
            return new InetSocketAddress(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
        }
        String host = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        return new InetSocketAddress(host, 0);
    }
}
