package org.jhaproxy.runtime.cli;

import java.util.List;
import org.jhaproxy.runtime.listener.Listener;
import org.jhaproxy.runtime.listener.ListenerState;
import org.jhaproxy.runtime.log.LogLevel;
import org.jhaproxy.runtime.proxy.Proxy;

/**
 * The commands that steer a frontend's listeners and the process's limit (proxy.c, cli.c):
 * enable/disable frontend (pause_proxy(), resume_proxy()), set maxconn frontend and global.
 */
final class FrontendCommands {
    private FrontendCommands() {
    }

    static List<CliCommand> all() {
        return List.of(
                CliCommand.of("disable frontend", r -> onFrontend(r, 2, fe -> disable(r, fe))),
                CliCommand.of("enable frontend", r -> onFrontend(r, 2, fe -> enable(r, fe))),
                CliCommand.of("set maxconn frontend", r -> onFrontend(r, 3, fe -> maxconn(r, fe))),
                CliCommand.of("set maxconn global", FrontendCommands::maxconnGlobal),
                CliCommand.of("shutdown frontend", r -> onFrontend(r, 2, fe -> shutdown(r, fe))),
                CliCommand.of("set rate-limit", FrontendCommands::rateLimit));
    }

    @FunctionalInterface
    private interface OnFrontend {
        String run(Proxy frontend);
    }

    /** The admin level, then cli_find_frontend() on word {@code arg}, then the action. */
    private static String onFrontend(CliRequest r, int arg, OnFrontend action) {
        if (!r.requires(CliLevel.ADMIN)) {
            return CliRequest.PERMISSION_DENIED;
        }
        String name = r.arg(arg);
        if (name.isEmpty()) {
            return "A frontend name is expected.\n";
        }
        for (Proxy p : r.engine().proxies().all()) {
            if (p.config().isFrontend() && p.name().equals(name)) {
                return action.run(p);
            }
        }
        return "No such frontend.\n";
    }

    private static List<Listener> listeners(CliRequest r, Proxy fe) {
        return r.engine().listeners().stream().filter(l -> l.frontend() == fe).toList();
    }

    private static long count(List<Listener> ls, ListenerState state) {
        return ls.stream().filter(l -> l.state() == state).count();
    }

    private static String disable(CliRequest r, Proxy fe) {
        if (fe.state() == org.jhaproxy.runtime.proxy.ProxyState.STOPPED) {
            return "Frontend was previously shut down, cannot disable.\n";
        }
        List<Listener> ls = listeners(r, fe);
        if (count(ls, ListenerState.READY) == 0) {
            return "All sockets are already disabled.\n";
        }
        ls.forEach(Listener::pause);
        report(r, fe, "Paused");
        return "";
    }

    private static String enable(CliRequest r, Proxy fe) {
        if (fe.state() == org.jhaproxy.runtime.proxy.ProxyState.STOPPED) {
            return "Frontend was previously shut down, cannot enable.\n";
        }
        List<Listener> ls = listeners(r, fe);
        if (count(ls, ListenerState.READY) == ls.size()) {
            return "All sockets are already enabled.\n";
        }
        if (count(ls, ListenerState.PAUSED) > 0) {
            ls.forEach(Listener::resume);
            report(r, fe, "Resumed");
        }
        return "";
    }

    /**
     * stop_proxy(): the listeners close for good, established connections go on; the proxy is
     * STOPPED (a "listen" section's servers too) and reported as at a soft stop.
     */
    private static String shutdown(CliRequest r, Proxy fe) {
        if (fe.state() == org.jhaproxy.runtime.proxy.ProxyState.STOPPED) {
            return "Frontend was already shut down.\n";
        }
        listeners(r, fe).forEach(Listener::stop);
        fe.state(org.jhaproxy.runtime.proxy.ProxyState.STOPPED);
        String msg = String.format("Proxy %s stopped (cumulated conns: FE: %d, BE: %d).", fe.name(),
                fe.cumulatedFrontendConns(), fe.cumulatedBackendConns());
        r.engine().events().warning(msg);
        r.engine().events().log(fe, LogLevel.WARNING, msg);
        return "";
    }

    /**
     * cli_parse_set_ratelimit(): a process-wide limit, atoi() of the value; the compression
     * limit is given in kB/s. The listeners held by the old limit look again.
     */
    private static String rateLimit(CliRequest r) {
        if (!r.requires(CliLevel.ADMIN)) {
            return CliRequest.PERMISSION_DENIED;
        }
        var rates = r.engine().global().rates();
        java.util.function.IntConsumer target;
        int mul = 1;
        String what = r.arg(2);
        if (!r.arg(3).equals("global")) {
            what = "";
        }
        switch (what) {
            case "connections" -> target = rates::connLimit;
            case "sessions" -> target = rates::sessLimit;
            case "ssl-sessions" -> target = rates::sslLimit;
            case "http-compression" -> {
                target = rates::compressionLimit;
                mul = 1024;
            }
            default -> {
                return "'set rate-limit' only supports :\n"
                        + "   - 'connections global' to set the per-process maximum connection rate\n"
                        + "   - 'sessions global' to set the per-process maximum session rate\n"
                        + "   - 'ssl-sessions global' to set the per-process maximum SSL session rate\n"
                        + "   - 'http-compression global' to set the per-process maximum compression speed in kB/s\n";
            }
        }
        if (r.arg(4).isEmpty()) {
            return "Expects an integer value.\n";
        }
        int v = Strtol.atoi(r.arg(4));
        if (v < 0) {
            return "Value out of range.\n";
        }
        target.accept(v * mul);
        r.engine().global().ratesChanged();
        return "";
    }

    /** "Paused frontend fe." on stderr and in the frontend's logs, as pause_listener() says it. */
    private static void report(CliRequest r, Proxy fe, String what) {
        String type = fe.config().isBackend() ? "proxy" : "frontend";
        String msg = what + " " + type + " " + fe.name() + ".";
        r.engine().events().warning(msg);
        r.engine().events().log(fe, LogLevel.WARNING, msg);
    }

    /** cli_parse_set_maxconn_frontend(): atoi() of the value, negative refused. */
    private static String maxconn(CliRequest r, Proxy fe) {
        if (r.arg(4).isEmpty()) {
            return "Integer value expected.\n";
        }
        int v = Strtol.atoi(r.arg(4));
        if (v < 0) {
            return "Value out of range.\n";
        }
        listeners(r, fe).forEach(l -> l.frontendMaxconn(v));
        return "";
    }

    /** cli_parse_set_maxconn_global(): up to the limit set at start; 0 or less means that limit. */
    private static String maxconnGlobal(CliRequest r) {
        if (!r.requires(CliLevel.ADMIN)) {
            return CliRequest.PERMISSION_DENIED;
        }
        if (r.arg(3).isEmpty()) {
            return "Expects an integer value.\n";
        }
        int v = Strtol.atoi(r.arg(3));
        int hard = r.engine().global().hardMaxconn();
        if (v > hard) {
            return "Value out of range.\n";
        }
        r.engine().global().maxconn(v <= 0 ? hard : v);
        return "";
    }
}
