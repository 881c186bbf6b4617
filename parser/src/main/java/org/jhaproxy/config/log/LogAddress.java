package org.jhaproxy.config.log;

import org.jhaproxy.config.addr.AddressFamily;
import org.jhaproxy.config.addr.AddressParseResult;
import org.jhaproxy.config.addr.AddressParser;
import org.jhaproxy.config.addr.SocketAddress;
import org.jhaproxy.config.model.LogTarget;
import org.jhaproxy.config.source.ParseContext;

/**
 * The address of a log target: str2sa_range() with the options parse_logsrv() passes (a port
 * but no range or offset, raw file descriptors, datagram by default, stream via "tcp@"), the
 * syslog port 514 when none is given, and a stream address turned into an implicit ring.
 */
final class LogAddress {
    static final int SYSLOG_PORT = 514;
    static final int OPTIONS = AddressParser.RESOLVE | AddressParser.PORT_OK | AddressParser.RAW_FD
            | AddressParser.DGRAM | AddressParser.STREAM | AddressParser.DEFAULT_DGRAM;

    record Result(LogTarget.Kind kind, String address, String error) {
    }

    private LogAddress() {
    }

    static Result parse(ParseContext ctx, String target) {
        AddressParseResult r = AddressParser.system(ctx.env()::get).parse(target, OPTIONS);
        if (!r.ok()) {
            return new Result(null, null, r.error());
        }
        SocketAddress a = r.address();
        if (a.family() == AddressFamily.FD) {
            return new Result(LogTarget.Kind.FD, "fd@" + a.fd(), null);
        }
        String text = a.host();
        if (a.family().isIp()) {
            int port = a.port() == 0 ? SYSLOG_PORT : a.port();
            text = (a.family() == AddressFamily.INET6 ? "[" + a.host() + "]" : a.host()) + ":" + port;
        }
        if (!a.dgram()) {
            return new Result(LogTarget.Kind.BUFFER, text, null);
        }
        return new Result(LogTarget.Kind.DGRAM, text, null);
    }
}
