package org.jhaproxy.config.check;

import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.config.addr.AddressFamily;
import org.jhaproxy.config.addr.AddressParser;
import org.jhaproxy.config.addr.NameResolver;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.model.server.InitAddrMethod;
import org.jhaproxy.config.model.server.ServerBuilder;
import org.jhaproxy.config.source.ParseContext;

/**
 * HAProxy's srv_init_addr(): once the configuration is checked, every server of an enabled
 * backend given by name gets its address through its "init-addr" methods (default "last,libc",
 * plus "none" when it has "resolvers"). Names resolve like libc from the hosts file only.
 */
public final class ServerAddressInit implements PostParseCheck {
    private final NameResolver resolver;

    public ServerAddressInit() {
        this(NameResolver.system());
    }

    public ServerAddressInit(NameResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public int run(ParseContext ctx) {
        ServerStateFile.apply(ctx);
        int err = ErrCode.NONE;
        for (ProxyBuilder px : ctx.config().proxies()) {
            if (!px.has(ProxyCapability.BACKEND) || px.disabled()) {
                continue;
            }
            for (ServerBuilder srv : px.servers()) {
                if (srv.fqdn() == null) {
                    continue;
                }
                for (String name : instanceNames(srv)) {
                    err |= initAddr(ctx, px, srv, name);
                }
            }
        }
        return err;
    }

    /** A server-template stands for one server per number of its range, all with the same FQDN. */
    private static List<String> instanceNames(ServerBuilder srv) {
        if (!srv.isTemplate()) {
            return List.of(srv.name());
        }
        List<String> names = new ArrayList<>();
        for (int i = srv.templateLow(); i <= srv.templateHigh(); i++) {
            names.add(srv.name() + i);
        }
        return names;
    }

    /** srv_iterate_initaddr() for one server. */
    private int initAddr(ParseContext ctx, ProxyBuilder px, ServerBuilder srv, String name) {
        String prefix = String.format("[%s:%d] : 'server %s/%s' : ", srv.at().file(), srv.at().line(), px.name(), name);
        String fqdn = srv.fqdn();
        List<InitAddrMethod> methods = new ArrayList<>(srv.initAddr());
        if (methods.isEmpty()) {
            methods.add(InitAddrMethod.LAST);
            methods.add(InitAddrMethod.LIBC);
            if (srv.resolvers() != null) {
                methods.add(InitAddrMethod.NONE);
            }
        }
        // a name starting with '_' is a DNS SRV record: libc cannot resolve it
        boolean srvRecord = fqdn.startsWith("_");
        int code = ErrCode.NONE;
        for (InitAddrMethod m : methods) {
            switch (m) {
                case LAST:
                    // no server-state file is loaded by a check: nothing to apply
                    continue;
                case LIBC:
                    if (srvRecord) {
                        continue;
                    }
                    if (resolves(fqdn, srv.address().family())) {
                        return code;
                    }
                    code |= ErrCode.WARN;
                    break;
                case NONE:
                    if (code != 0) {
                        ctx.diag().warning(prefix + String.format("could not resolve address '%s', disabling server.", fqdn));
                    }
                    return code;
                case IP:
                    if (code != 0) {
                        ctx.diag().warning(prefix + String.format("could not resolve address '%s', falling back to configured address.", fqdn));
                    }
                    return code;
                default:
                    break;
            }
        }
        if (code == 0) {
            ctx.diag().alert(prefix + String.format("no method found to resolve address '%s'.", fqdn));
        } else {
            ctx.diag().alert(prefix + String.format("could not resolve address '%s'.", fqdn));
        }
        return code | ErrCode.ALERT_FATAL;
    }

    /** str2ip2(hostname, addr, resolve=1) with the family the address line forced, if any. */
    private boolean resolves(String fqdn, AddressFamily family) {
        AddressParser parser = new AddressParser(resolver, null);
        return parser.resolveName(fqdn, family) != null;
    }
}
