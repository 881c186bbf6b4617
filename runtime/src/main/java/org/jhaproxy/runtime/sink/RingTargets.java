package org.jhaproxy.runtime.sink;

import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.config.model.Config;
import org.jhaproxy.config.model.LogForwardConfig;
import org.jhaproxy.config.model.LogTarget;
import org.jhaproxy.config.model.ProxyConfig;
import org.jhaproxy.config.model.RingConfig;

/**
 * post_sink_resolve(): at start, every "log ring@NAME" target must name a ring. "-c" does not
 * look (haproxy 2.6.12 accepts such a file), the start fails with one alert per target, the
 * global ones first, then the proxies' in declaration order, then those of haproxy's internal
 * HTTP client proxy (which logs to the global targets), then the log-forward sections'. The
 * messages, spelling included, are haproxy's.
 */
public final class RingTargets {
    private RingTargets() {
    }

    public static List<String> unresolved(Config config) {
        List<String> alerts = new ArrayList<>();
        for (LogTarget t : config.logTargets()) {
            String problem = problem(config, t);
            if (problem != null) {
                alerts.add(String.format("global log server declared in file '%s' at line %d uses %s ring%s '%s'.",
                        t.at().file(), t.at().line(), problem, problem.equals("unknown") ? " named" : "", t.address()));
            }
        }
        for (ProxyConfig p : config.proxies()) {
            proxyAlerts(config, p.name(), p.logging().targets(), alerts);
        }
        proxyAlerts(config, "<HTTPCLIENT>", config.logTargets(), alerts);
        for (LogForwardConfig lf : config.logForwards()) {
            for (LogTarget t : lf.logTargets()) {
                if (problem(config, t) != null) {
                    alerts.add(String.format("log server declared in log-forward section '%s' in file '%s' at line %d uses unknown ring named '%s'.",
                            lf.name(), t.at().file(), t.at().line(), t.address()));
                }
            }
        }
        return alerts;
    }

    private static void proxyAlerts(Config config, String proxy, List<LogTarget> targets, List<String> alerts) {
        for (LogTarget t : targets) {
            String problem = problem(config, t);
            if (problem != null) {
                alerts.add(String.format("log server declared in proxy section '%s' in file '%s' at line %d uses %s ring named '%s'.",
                        proxy, t.at().file(), t.at().line(), problem.equals("unknown") ? "unknown" : "incomatible",
                        t.address()));
            }
        }
    }

    /** "unknown", "incompatible" (a descriptor sink) or null for a target that is not a ring or names one. */
    private static String problem(Config config, LogTarget t) {
        if (t.kind() != LogTarget.Kind.BUFFER) {
            return null;
        }
        String name = t.address();
        if (name.equals("stdout") || name.equals("stderr")) {
            return "incompatible";
        }
        if (name.equals("buf0")) {
            return null;
        }
        for (RingConfig r : config.rings()) {
            if (r.name().equals(name)) {
                return null;
            }
        }
        return "unknown";
    }
}
