package org.jhaproxy.runtime.action;

import org.jhaproxy.runtime.sample.SampleContext;

import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.config.action.RuleSet;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.model.ProxyConfig;
import org.jhaproxy.config.model.ProxyRules;
import org.jhaproxy.runtime.acl.AclCompiler;
import org.jhaproxy.runtime.acl.Condition;
import org.jhaproxy.runtime.logformat.CompiledLogFormat;
import org.jhaproxy.runtime.proxy.Proxies;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.NotSupported;

/**
 * The rules of one proxy, compiled once at start-up from the frozen model: tcp-request
 * connection, session and content rules, http-request, redirect and http-response rules, and the
 * use_backend switching rules. A rule the runtime cannot execute refuses the start, naming its
 * line.
 */
public final class ProxyRuleSets {
    private static final ProxyRuleSets NONE = new ProxyRuleSets(null, new TcpRule[0], new TcpRule[0], new TcpRule[0], new HttpRule[0],
            new HttpRule[0], new HttpRule[0], new HttpRule[0], new SwitchingRule[0], new Condition[0],
            org.jhaproxy.runtime.stick.Sticking.NONE, 0);

    final Proxies proxies;
    final TcpRule[] tcpConnection;
    final TcpRule[] tcpSession;
    final TcpRule[] tcpContent;
    final HttpRule[] httpRequest;
    final HttpRule[] redirects;
    final HttpRule[] httpResponse;
    final HttpRule[] httpAfterResponse;
    final SwitchingRule[] switching;
    private final Condition[] statsAdmin;
    private final org.jhaproxy.runtime.stick.Sticking sticking;
    /** "tcp-request inspect-delay" in ms, 0 when none: how long the content rules may wait for data. */
    final long inspectDelay;

    private ProxyRuleSets(Proxies proxies, TcpRule[] tcpConnection, TcpRule[] tcpSession, TcpRule[] tcpContent, HttpRule[] httpRequest,
                          HttpRule[] redirects, HttpRule[] httpResponse, HttpRule[] httpAfterResponse,
                          SwitchingRule[] switching, Condition[] statsAdmin,
                          org.jhaproxy.runtime.stick.Sticking sticking, long inspectDelay) {
        this.proxies = proxies;
        this.tcpConnection = tcpConnection;
        this.tcpSession = tcpSession;
        this.tcpContent = tcpContent;
        this.httpRequest = httpRequest;
        this.redirects = redirects;
        this.httpResponse = httpResponse;
        this.httpAfterResponse = httpAfterResponse;
        this.switching = switching;
        this.statsAdmin = statsAdmin;
        this.sticking = sticking;
        this.inspectDelay = inspectDelay;
    }

    public static ProxyRuleSets none() {
        return NONE;
    }

    /** Compiles every proxy's rules and hands them to it; the first rule not executable is reported. */
    public static void compileAll(Proxies proxies) throws NotSupported {
        proxies.stickTables().check();
        for (Proxy p : proxies.all()) {
            p.rules(compile(p, proxies));
        }
        org.jhaproxy.runtime.check.HealthChecks.compileAll(proxies);
    }

    static ProxyRuleSets compile(Proxy p, Proxies proxies) throws NotSupported {
        ProxyConfig pc = p.config();
        AclCompiler acls = AclCompiler.of(new CompileScope(p, proxies), pc.acls());
        List<TcpRule> conn = new ArrayList<>();
        for (ProxyRules.Rule r : pc.rules(RuleSet.TCP_REQ_CONN)) {
            conn.add(tcpRule(acls, r, org.jhaproxy.runtime.stick.TrackAction.Level.CONNECTION));
        }
        // "tcp-request session": the connection rules' actions, tracking on the session too
        List<TcpRule> session = new ArrayList<>();
        for (ProxyRules.Rule r : pc.rules(RuleSet.TCP_REQ_SESS)) {
            session.add(tcpRule(acls, r, org.jhaproxy.runtime.stick.TrackAction.Level.CONNECTION));
        }
        List<TcpRule> content = new ArrayList<>();
        for (ProxyRules.Rule r : pc.rules(RuleSet.TCP_REQ_CONT)) {
            content.add(tcpRule(acls, r, org.jhaproxy.runtime.stick.TrackAction.Level.CONTENT));
        }
        List<HttpRule> req = new ArrayList<>();
        for (ProxyRules.Rule r : pc.rules(RuleSet.HTTP_REQ)) {
            // haproxy parses the action's arguments before its condition (pattern reference order)
            HttpAction a = at(r.at(), () -> HttpActionCompiler.compile(r.words(), false, acls.scope().at(r.at())));
            req.add(new HttpRule(cond(acls, r), a, r.at()));
        }
        List<HttpRule> redirects = new ArrayList<>();
        for (ProxyRules.Rule r : pc.redirects()) {
            HttpAction a = at(r.at(), () -> Redirect.compile(r.words(), false, acls.scope().at(r.at())));
            redirects.add(new HttpRule(cond(acls, r), a, null));
        }
        List<HttpRule> res = new ArrayList<>();
        for (ProxyRules.Rule r : pc.rules(RuleSet.HTTP_RES)) {
            HttpAction a = at(r.at(), () -> HttpActionCompiler.compile(r.words(), true, acls.scope().at(r.at())));
            res.add(new HttpRule(at(r.at(), () -> acls.compileForResponse(r.condition())), a, r.at()));
        }
        List<HttpRule> after = new ArrayList<>();
        for (ProxyRules.Rule r : pc.rules(RuleSet.HTTP_AFTER_RES)) {
            if (!HttpAfterResponse.ACTIONS.contains(HttpActionCompiler.actionName(r.action()))) {
                throw new NotSupported("parsing [" + r.at() + "] : 'http-after-response " + r.action()
                        + "' is not supported by jhaproxy yet.");
            }
            HttpAction a = at(r.at(), () -> HttpActionCompiler.compile(r.words(), true, acls.scope().at(r.at())));
            after.add(new HttpRule(at(r.at(), () -> acls.compileForResponse(r.condition())), a, r.at()));
        }
        List<SwitchingRule> sw = new ArrayList<>();
        for (ProxyRules.BackendRef b : pc.useBackends()) {
            Condition c = at(b.at(), () -> acls.compile(b.condition()));
            if (b.dynamic()) {
                sw.add(new SwitchingRule(c, null, at(b.at(), () -> CompiledLogFormat.compile(b.name(), acls.scope().deferredAt(b.at())))));
            } else {
                sw.add(new SwitchingRule(c, proxies.backend(b.name()), null));
            }
        }
        List<Condition> admin = new ArrayList<>();
        for (ProxyRules.Rule r : pc.statsAdmin()) {
            admin.add(cond(acls, r));
        }
        org.jhaproxy.runtime.stick.Sticking sticking = org.jhaproxy.runtime.stick.Sticking.compile(pc.stickRules(),
                r -> at(r.at(), () -> acls.compile(r.condition())), acls.scope());
        if (conn.isEmpty() && session.isEmpty() && content.isEmpty() && req.isEmpty() && redirects.isEmpty() && res.isEmpty()
                && after.isEmpty() && sw.isEmpty()
                && admin.isEmpty() && sticking.isEmpty()) {
            return NONE;
        }
        return new ProxyRuleSets(proxies, conn.toArray(new TcpRule[0]), session.toArray(new TcpRule[0]), content.toArray(new TcpRule[0]),
                req.toArray(new HttpRule[0]), redirects.toArray(new HttpRule[0]), res.toArray(new HttpRule[0]),
                after.toArray(new HttpRule[0]), sw.toArray(new SwitchingRule[0]), admin.toArray(new Condition[0]), sticking,
                inspectDelay(pc));
    }

    /**
     * The proxy's "tcp-request inspect-delay": the first one set wins, its defaults' included
     * (haproxy ignores a later one, "was already defined").
     */
    private static long inspectDelay(ProxyConfig pc) {
        for (org.jhaproxy.config.source.Line l : pc.lines()) {
            if (l.arg(0).equals("tcp-request") && l.arg(1).equals("inspect-delay")) {
                Long ms = org.jhaproxy.config.sample.Units.parseTime(l.arg(2));
                if (ms != null && ms != 0) {
                    return ms;
                }
            }
        }
        return 0;
    }

    private static TcpRule tcpRule(AclCompiler acls, ProxyRules.Rule r, org.jhaproxy.runtime.stick.TrackAction.Level level)
            throws NotSupported {
        // haproxy parses the action's arguments before its condition
        if (r.action().startsWith("track-sc")) {
            org.jhaproxy.runtime.stick.TrackAction t = at(r.at(),
                    () -> org.jhaproxy.runtime.stick.TrackAction.compile(r.words(), acls.scope().at(r.at()), level));
            return new TcpRule(cond(acls, r), true, t::apply, r.at());
        }
        if (org.jhaproxy.runtime.stick.CounterAction.is(r.action())) {
            org.jhaproxy.runtime.stick.CounterAction a = at(r.at(),
                    () -> org.jhaproxy.runtime.stick.CounterAction.compile(r.words(), acls.scope().at(r.at())));
            return new TcpRule(cond(acls, r), true, a::apply, r.at());
        }
        if (AddressActions.is(r.action())) {
            java.util.function.Consumer<SampleContext> a = at(r.at(), () -> AddressActions.compile(r.words(), acls.scope().at(r.at())));
            return new TcpRule(cond(acls, r), true, a, r.at());
        }
        if (r.action().equals("expect-proxy") && r.set() == RuleSet.TCP_REQ_CONN && level == org.jhaproxy.runtime.stick.TrackAction.Level.CONNECTION) {
            // "expect-proxy layer4": the PROXY header is read once the connection rules are done
            return new TcpRule(cond(acls, r), true, c -> {
                if (c.session() != null) {
                    c.session().expectProxyHeader();
                }
            }, r.at());
        }
        return new TcpRule(cond(acls, r), tcpAccept(r), null, r.at());
    }

    private static boolean tcpAccept(ProxyRules.Rule r) throws NotSupported {
        return switch (r.action()) {
            case "accept" -> true;
            case "reject" -> false;
            default -> throw new NotSupported("parsing [" + r.at() + "] : '" + r.set().keyword() + " " + r.action()
                    + "' is not supported by jhaproxy yet.");
        };
    }

    private static Condition cond(AclCompiler acls, ProxyRules.Rule r) throws NotSupported {
        return at(r.at(), () -> acls.compile(r.condition()));
    }

    private interface Step<T> {
        T run() throws NotSupported;
    }

    /** Names the line in the message, as haproxy's "parsing [file:line] : ..." alerts do. */
    private static <T> T at(Position pos, Step<T> s) throws NotSupported {
        try {
            return s.run();
        } catch (NotSupported e) {
            if (e.getMessage().startsWith("parsing [")) {
                throw e;
            }
            throw new NotSupported("parsing [" + pos + "] : " + e.getMessage());
        } catch (RuntimeException e) {
            throw new NotSupported("parsing [" + pos + "] : cannot be executed by jhaproxy (" + e + ").");
        }
    }

    /** "stats admin": whether one of the proxy's rules grants this request the admin level. */
    public boolean statsAdmin(org.jhaproxy.runtime.sample.SampleContext c) {
        for (Condition cond : statsAdmin) {
            if (cond.test(c)) {
                return true;
            }
        }
        return false;
    }

    /** The backend's stick rules. */
    public org.jhaproxy.runtime.stick.Sticking sticking() {
        return sticking;
    }

    public boolean hasHttpResponseRules() {
        return httpResponse.length > 0;
    }

    public boolean hasAfterResponseRules() {
        return httpAfterResponse.length > 0;
    }
}
