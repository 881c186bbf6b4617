package org.jhaproxy.config.check;

import java.util.List;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.Bind;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.model.ProxyMode;
import org.jhaproxy.config.model.server.ServerBuilder;
import org.jhaproxy.config.source.ParseContext;

/**
 * check_config_validity()'s second look at the "proto" of bind and server lines, once the
 * proxy's mode is final (conn_get_best_mux_entry()): "h1", "h2" and "fcgi" are HTTP
 * multiplexers, "none" is the TCP pass-through one.
 */
final class MuxChecks {
    private MuxChecks() {
    }

    static int perProxy(ParseContext ctx, ProxyBuilder px) {
        boolean http = px.mode() == ProxyMode.HTTP;
        int err = ErrCode.NONE;
        if (px.has(ProxyCapability.FRONTEND)) {
            for (Bind b : px.binds()) {
                String proto = optionValue(b.options(), "proto");
                if (proto != null && !usable(proto, http)) {
                    ctx.diag().alert(String.format("%s '%s' : MUX protocol '%s' is not usable for 'bind %s' at [%s:%d].",
                            px.typeString(), px.name(), proto, b.address(), b.at().file(), b.at().line()));
                    err |= ErrCode.ALERT_FATAL;
                }
            }
        }
        for (ServerBuilder srv : px.servers()) {
            String proto = srv.options().get("proto");
            if (proto != null && !usable(proto, http)) {
                ctx.diag().alert(String.format("%s '%s' : MUX protocol '%s' is not usable for server '%s' at [%s:%d].",
                        px.typeString(), px.name(), proto, srv.name(), srv.at().file(), srv.at().line()));
                err |= ErrCode.ALERT_FATAL;
            }
        }
        return err;
    }

    private static boolean usable(String proto, boolean http) {
        return switch (proto) {
            case "h1", "h2", "fcgi" -> http;
            case "none" -> !http;
            default -> true; // unknown ones were refused while parsing
        };
    }

    /** The last value of a bind option, as the bind line parser keeps it. */
    private static String optionValue(List<String> options, String name) {
        String v = null;
        for (int i = 0; i + 1 < options.size(); i++) {
            if (options.get(i).equals(name)) {
                v = options.get(i + 1);
            }
        }
        return v;
    }
}
