package org.jhaproxy.runtime.cli;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.jhaproxy.runtime.log.Events;
import org.jhaproxy.runtime.server.AddressUpdate;
import org.jhaproxy.runtime.server.AdminChange;
import org.jhaproxy.runtime.server.ChangeRequest;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.server.StateChange;
import org.jhaproxy.runtime.server.StatusCause;

/**
 * The commands that change a server (server.c): its administrative state (maintenance,
 * drain), its weight, its operational state forced from the CLI, its maxconn. All need the
 * admin level; each change goes through {@link AdminChange} or {@link StateChange}, which
 * report it as haproxy does.
 */
final class ServerCommands {
    /** What the server's state change messages say after a "set server ... health". */
    private static final StatusCause FROM_CLI = new StatusCause(null, -1, "changed from CLI", -1);

    private ServerCommands() {
    }

    static List<CliCommand> all() {
        return List.of(
                CliCommand.of("disable server", r -> onServer(r, 2, s -> {
                    AdminChange.maint(s, events(r));
                    return "";
                })),
                CliCommand.of("enable server", r -> onServer(r, 2, s -> {
                    AdminChange.ready(s, events(r), timers(r));
                    return "";
                })),
                CliCommand.of("set weight", r -> onServer(r, 2, s -> weight(r, s, r.arg(3)))),
                CliCommand.of("set server", r -> onServer(r, 2, s -> setServer(r, s))),
                CliCommand.of("set maxconn server", r -> onServer(r, 3, s -> maxconn(s, r.arg(4)))),
                CliCommand.of("enable agent", r -> onServer(r, 2, s -> s.agent().enabled(true) ? ""
                        : "Agent was not configured on this server, cannot enable.\n")),
                CliCommand.of("disable agent", r -> onServer(r, 2, s -> {
                    s.agent().enabled(false);
                    return "";
                })),
                CliCommand.of("enable health", r -> onServer(r, 2, s -> s.check().enabled(true) ? ""
                        : "Health check was not configured on this server, cannot enable.\n")),
                CliCommand.of("disable health", r -> onServer(r, 2, s -> {
                    s.check().enabled(false);
                    return "";
                })));
    }

    @FunctionalInterface
    private interface OnServer {
        String run(Server s);
    }

    /** The admin level, then the server named by word {@code arg}, then the action. */
    private static String onServer(CliRequest r, int arg, OnServer action) {
        if (!r.requires(CliLevel.ADMIN)) {
            return CliRequest.PERMISSION_DENIED;
        }
        ServerLookup l = ServerLookup.toChange(r, r.arg(arg));
        if (l.error() != null) {
            return l.error();
        }
        return action.run(l.server());
    }

    private static Events events(CliRequest r) {
        return r.engine().events();
    }

    /** Where a server coming up with "slowstart" warms up. */
    private static ScheduledExecutorService timers(CliRequest r) {
        return r.session().sockets().timers();
    }

    private static String setServer(CliRequest r, Server s) {
        String v = r.arg(4);
        switch (r.arg(3)) {
            case "weight":
                return weight(r, s, v);
            case "state":
                switch (v) {
                    case "ready" -> AdminChange.ready(s, events(r), timers(r));
                    case "drain" -> AdminChange.drain(s, events(r), timers(r));
                    case "maint" -> AdminChange.maint(s, events(r));
                    default -> {
                        return "'set server <srv> state' expects 'ready', 'drain' and 'maint'.\n";
                    }
                }
                return "";
            case "health":
                switch (v) {
                    case "up" -> {
                        s.check().forcedUp();
                        StateChange.running(s, FROM_CLI, events(r), timers(r));
                    }
                    case "stopping" -> {
                        s.check().forcedUp();
                        StateChange.stopping(s, FROM_CLI, events(r));
                    }
                    case "down" -> {
                        s.check().forcedDown();
                        StateChange.stopped(s, FROM_CLI, events(r));
                    }
                    default -> {
                        return "'set server <srv> health' expects 'up', 'stopping', or 'down'.\n";
                    }
                }
                return "";
            case "agent":
                if (!s.agent().enabled()) {
                    return "agent checks are not enabled on this server.\n";
                }
                switch (v) {
                    case "up" -> {
                        s.agent().forcedUp();
                        StateChange.running(s, FROM_CLI, events(r), timers(r));
                    }
                    case "down" -> {
                        s.agent().forcedDown();
                        StateChange.stopped(s, FROM_CLI, events(r));
                    }
                    default -> {
                        return "'set server <srv> agent' expects 'up' or 'down'.\n";
                    }
                }
                return "";
            case "agent-send":
                if (!s.agent().enabled()) {
                    return "agent checks are not enabled on this server.\n";
                }
                s.agent().send(v);
                return "";
            case "addr": {
                if (v.isEmpty()) {
                    return "set server <b>/<s> addr requires an address and optionally a port.\n";
                }
                String msg = AddressUpdate.apply(s, v, r.arg(5).equals("port") ? r.arg(6) : null, "stats socket command");
                AdminChange.addressSet(s, events(r));
                return msg;
            }
            case "check-addr", "agent-addr":
                if (v.isEmpty()) {
                    return "set server <b>/<s> " + r.arg(3) + " requires an address and optionally a port.\n";
                }
                return warning((r.arg(3).startsWith("agent") ? s.agent() : s.check())
                        .retarget(v, r.arg(5).equals("port") ? r.arg(6) : null));
            case "check-port", "agent-port":
                if (v.isEmpty()) {
                    return "set server <b>/<s> " + r.arg(3) + " requires a port.\n";
                }
                return warning((r.arg(3).startsWith("agent") ? s.agent() : s.check()).retarget(null, v));
            default:
                return "usage: set server <backend>/<server> addr | agent | agent-addr | agent-port | agent-send | "
                        + "check-addr | check-port | fqdn | health | ssl | state | weight\n";
        }
    }

    /** cli_msg(LOG_WARNING): the message as it is, nothing on success. */
    private static String warning(String msg) {
        return msg == null ? "" : msg;
    }

    /** server_parse_weight_change_request(), shared with the agent checks. */
    private static String weight(CliRequest r, Server s, String text) {
        String err = ChangeRequest.weight(s, text, events(r));
        return err == null ? "" : err;
    }

    /** server_parse_maxconn_change_request(). */
    private static String maxconn(Server s, String text) {
        String err = ChangeRequest.maxconn(s, text);
        return err == null ? "" : err;
    }
}
