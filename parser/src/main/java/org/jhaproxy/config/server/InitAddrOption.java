package org.jhaproxy.config.server;

import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.config.addr.AddressFamily;
import org.jhaproxy.config.addr.AddressParser;
import org.jhaproxy.config.addr.NameResolver;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.server.InitAddrMethod;

/** The "init-addr" server option: a comma-separated list of last, libc, none and one IP. */
final class InitAddrOption {
    /** The method list holds 3 bits per method in 32 bits (srv_append_initaddr()). */
    private static final int MAX_METHODS = 10;

    private InitAddrOption() {
    }

    static int parse(ServerOption.Call c) {
        List<InitAddrMethod> methods = new ArrayList<>();
        String ip = null;
        String v = c.value();
        if (!v.isEmpty()) {
            for (String p : v.split(",", -1)) {
                if (p.isEmpty()) {
                    continue;
                }
                InitAddrMethod m;
                switch (p) {
                    case "libc" -> m = InitAddrMethod.LIBC;
                    case "last" -> m = InitAddrMethod.LAST;
                    case "none" -> m = InitAddrMethod.NONE;
                    default -> {
                        NameResolver.Resolved r = AddressParser.numeric(p, AddressFamily.UNSPEC);
                        if (r == null) {
                            return c.fail(String.format("'%s' : unknown init-addr method '%s', supported methods are 'libc', 'last', 'none'.",
                                    c.kw(), p));
                        }
                        if (ip != null && !ip.equals("0.0.0.0") && !ip.equals("::")) {
                            return c.fail(String.format("'%s' : initial address already specified, cannot add '%s'.", c.kw(), p));
                        }
                        ip = r.address();
                        m = InitAddrMethod.IP;
                    }
                }
                if (methods.size() >= MAX_METHODS) {
                    return c.fail(String.format("'%s' : too many init-addr methods when trying to add '%s'", c.kw(), p));
                }
                methods.add(m);
            }
        }
        c.server.initAddr(methods, ip);
        return ErrCode.NONE;
    }
}
