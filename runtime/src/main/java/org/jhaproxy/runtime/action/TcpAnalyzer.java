package org.jhaproxy.runtime.action;

import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * The rules of a new connection: "tcp-request connection" when it is accepted, "tcp-request
 * session" once its session is complete, and for a TCP
 * stream "tcp-request content" then use_backend (the content rules need no payload here, since
 * the fetches executed are connection ones, so they decide at once as haproxy's do).
 */
public final class TcpAnalyzer {
    private TcpAnalyzer() {
    }

    /** tcp-request connection: false when the connection must be closed at once. */
    public static boolean acceptConnection(Proxy fe, io.netty.channel.Channel ch) {
        TcpRule[] rules = fe.rules().tcpConnection;
        if (rules.length == 0) {
            return true;
        }
        SampleContext c = context(fe, ch);
        if (!TcpRule.run(rules, c)) {
            fe.frontendCounters().deniedConn.increment();
            return false;
        }
        if (fe.rules().tcpSession.length == 0) {
            org.jhaproxy.runtime.stick.Tracking.sessionCreated(c);
        }
        return true;
    }

    /**
     * tcp-request session (tcp_exec_l5_rules()), once the session is complete (after the PROXY
     * header and the TLS handshake): false when the connection must be closed. Only a session
     * that passes them is counted in the counters it tracks (session_count_new()).
     */
    public static boolean acceptSession(Proxy fe, io.netty.channel.Channel ch) {
        TcpRule[] rules = fe.rules().tcpSession;
        if (rules.length == 0) {
            return true;
        }
        SampleContext c = context(fe, ch);
        if (!TcpRule.run(rules, c)) {
            fe.frontendCounters().deniedSess.increment();
            return false;
        }
        org.jhaproxy.runtime.stick.Tracking.sessionCreated(c);
        return true;
    }

    private static SampleContext context(Proxy fe, io.netty.channel.Channel ch) {
        org.jhaproxy.runtime.stream.SessionAddresses a = org.jhaproxy.runtime.stream.SessionAddresses.of(ch);
        return new SampleContext(a.src(), a.dst(), fe, null).session(a)
                .stickSession(org.jhaproxy.runtime.stick.StickCounters.session(ch)).client(ch);
    }

    /** A TCP stream's backend, or null when a rule rejected it (or there is none). */
    public static Proxy backend(SampleContext c) {
        Proxy fe = c.frontend();
        ProxyRuleSets fr = fe.rules();
        if (!TcpRule.run(fr.tcpContent, c)) {
            return null;
        }
        Proxy be = SwitchingRule.choose(fr.switching, c, fr.proxies);
        if (be != null && be != fe && !TcpRule.run(be.rules().tcpContent, c)) {
            return null;
        }
        c.backend(be);
        return be;
    }
}
