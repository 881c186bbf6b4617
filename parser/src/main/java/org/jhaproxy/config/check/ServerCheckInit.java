package org.jhaproxy.config.check;

import org.jhaproxy.config.addr.AddressParseResult;
import org.jhaproxy.config.addr.AddressParser;
import org.jhaproxy.config.addr.SocketAddress;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.CheckRuleSet;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.model.server.ServerBuilder;
import org.jhaproxy.config.proxy.ProxyChecks;
import org.jhaproxy.config.source.ParseContext;

/**
 * The post server check of health checks (check.c init_srv_check(), run by haproxy.c on each
 * server of each enabled proxy after check_config_validity()): a checked server needs a port to
 * check, from its address, its "port" or "addr" check setting, or a leading "connect" rule of
 * the proxy's tcp-check ruleset. Then the proxy's post check (check_proxy_tcpcheck()) inserts an
 * implicit "connect" in its ruleset, which the proxies sharing that ruleset see afterwards.
 */
public final class ServerCheckInit implements PostParseCheck {
    /** The "*tcp-check" ruleset check_config_validity() gives the backends without a check option. */
    private final CheckRuleSet defaultRuleSet = new CheckRuleSet();

    @Override
    public int run(ParseContext ctx) {
        int err = ErrCode.NONE;
        for (ProxyBuilder px : ctx.config().proxies()) {
            if (px.disabled() || px.isDefaults() || !px.has(ProxyCapability.BACKEND)) {
                continue;
            }
            String type = px.checks().type();
            CheckRuleSet rules = ruleSet(px, type);
            for (ServerBuilder srv : px.servers()) {
                if (!srv.check()) {
                    continue;
                }
                String why = missingPort(ctx, srv, type, rules);
                if (why == null) {
                    continue;
                }
                for (String name : names(srv)) {
                    ctx.diag().alert(String.format("config: %s '%s': server '%s' has neither service port nor check port%s.",
                            px.typeString(), px.name(), name, why));
                }
                err |= ErrCode.ALERT | ErrCode.ABORT;
            }
            if (rules != null) {
                rules.addImplicitConnect();
            }
        }
        return err;
    }

    /**
     * The proxy's tcpcheck ruleset when it is a "tcp-check" one (its own rules, or those of its
     * defaults section it refers to); null for the other check types.
     */
    private CheckRuleSet ruleSet(ProxyBuilder px, String type) {
        if (type == null) {
            return defaultRuleSet;
        }
        if (!type.equals("tcp-check")) {
            return null;
        }
        if (px.checks().tcpCheckRuleSet().rules().isEmpty() && px.parentDefaults() != null
                && "tcp-check".equals(px.parentDefaults().checks().type())) {
            return px.parentDefaults().checks().tcpCheckRuleSet();
        }
        return px.checks().tcpCheckRuleSet();
    }

    /** null when the server has a port to check, else the end of HAProxy's message. */
    private static String missingPort(ParseContext ctx, ServerBuilder srv, String type, CheckRuleSet rules) {
        String port = srv.options().get("port");
        if (port != null && ProxyChecks.atol(port) > 0) {
            return null;
        }
        SocketAddress checkAddr = null;
        String addr = srv.options().get("addr");
        if (addr != null) {
            AddressParseResult r = AddressParser.system(ctx.env()::get).parse(addr,
                    AddressParser.RESOLVE | AddressParser.PORT_OK | AddressParser.STREAM | AddressParser.CONNECT);
            checkAddr = r.ok() ? r.address() : null;
        }
        if (checkAddr != null && checkAddr.family().isIp() && checkAddr.port() > 0) {
            return null;
        }
        SocketAddress a = srv.address();
        // a server on the "any" address (0.0.0.0, ::, or an empty one) connects where the client
        // wanted to go: HAProxy does not count it as an IP address here
        boolean srvInet = a != null && a.family().isIp() && a.fqdn() == null && !a.isAny();
        if (srvInet && !a.isOffset() && a.port() > 0) {
            return null;
        }
        boolean checkInet = checkAddr != null && checkAddr.family().isIp();
        if (!checkInet && (checkAddr != null || !srvInet)) {
            return null;
        }
        if ("external-check".equals(type) || (rules != null && rules.isEmpty())) {
            return "";
        }
        CheckRuleSet.Rule first = rules == null ? null : rules.first();
        if (first == null || first.action() != CheckRuleSet.Action.CONNECT || !first.port()) {
            return " nor tcp_check rule 'connect' with port information";
        }
        for (CheckRuleSet.Rule r : rules.rules()) {
            if (r.action() == CheckRuleSet.Action.CONNECT && !r.port()) {
                return ", and a tcp_check rule 'connect' with no port information";
            }
        }
        return null;
    }

    /** The servers a line declares: one, or each of a template's range. */
    private static java.util.List<String> names(ServerBuilder srv) {
        if (!srv.isTemplate()) {
            return java.util.List.of(srv.name());
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = srv.templateLow(); i <= srv.templateHigh(); i++) {
            out.add(srv.name() + i);
        }
        return out;
    }
}
