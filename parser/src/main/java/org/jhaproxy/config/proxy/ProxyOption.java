package org.jhaproxy.config.proxy;

import java.util.List;

/**
 * The simple on/off proxy options of proxy.c's cfg_opts[] and cfg_opts2[] tables, in table
 * order: the capability they need and whether they only make sense in HTTP mode (they are then
 * dropped with a warning by check_config_validity() in TCP mode). Options not supported by the
 * reference build (splice-*) have no capability.
 */
public record ProxyOption(String name, boolean frontend, boolean backend, boolean httpOnly, boolean second) {

    static ProxyOption fe(String name, boolean http, boolean second) {
        return new ProxyOption(name, true, false, http, second);
    }

    static ProxyOption be(String name, boolean http, boolean second) {
        return new ProxyOption(name, false, true, http, second);
    }

    static ProxyOption both(String name, boolean http, boolean second) {
        return new ProxyOption(name, true, true, http, second);
    }

    /** Built without support (PR_CAP_NONE). */
    public boolean unsupported() {
        return !frontend && !backend;
    }

    public static final List<ProxyOption> TABLE = List.of(
            be("abortonclose", false, false),
            be("allbackups", false, false),
            be("checkcache", true, false),
            fe("clitcpka", false, false),
            fe("contstats", false, false),
            fe("dontlognull", false, false),
            both("http-buffer-request", true, false),
            fe("http-ignore-probes", true, false),
            fe("idle-close-on-response", true, false),
            be("prefer-last-server", true, false),
            fe("logasap", false, false),
            both("nolinger", false, false),
            be("persist", false, false),
            be("srvtcpka", false, false),
            be("transparent", false, false),
            both("splice-request", false, true),
            both("splice-response", false, true),
            both("splice-auto", false, true),
            fe("accept-invalid-http-request", true, true),
            be("accept-invalid-http-response", true, true),
            fe("dontlog-normal", false, true),
            fe("log-separate-errors", false, true),
            be("log-health-checks", false, true),
            fe("socket-stats", false, true),
            fe("tcp-smart-accept", false, true),
            be("tcp-smart-connect", false, true),
            both("independent-streams", false, true),
            fe("http-use-proxy-header", true, true),
            be("http-pretend-keepalive", true, true),
            both("http-no-delay", true, true),
            fe("h1-case-adjust-bogus-client", true, true),
            be("h1-case-adjust-bogus-server", true, true),
            fe("disable-h2-upgrade", true, true));

    public static ProxyOption find(String name) {
        for (ProxyOption o : TABLE) {
            if (o.name.equals(name)) {
                return o;
            }
        }
        return null;
    }
}
