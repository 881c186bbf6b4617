package org.jhaproxy.runtime.cli;

import java.util.List;
import org.jhaproxy.runtime.proxy.Proxy;

/** Commands reading the process and its proxies: show backend, get weight, show env, show version. */
final class ProxyCommands {
    private ProxyCommands() {
    }

    static List<CliCommand> all() {
        return List.of(
                CliCommand.of("show backend", ProxyCommands::showBackend),
                CliCommand.of("get weight", ProxyCommands::getWeight),
                CliCommand.of("show env", ProxyCommands::showEnv),
                // the same version string as "show info" (haproxy's own release, jhaproxy's suffix)
                CliCommand.of("show version", r -> ShowInfo.VERSION + "\n"));
    }

    /** The backends in declaration order (haproxy reverses its proxy list once parsed). */
    private static String showBackend(CliRequest r) {
        StringBuilder out = new StringBuilder("# name\n");
        for (Proxy p : r.engine().proxies().all()) {
            if (p.config().isBackend()) {
                out.append(p.name()).append('\n');
            }
        }
        return out.toString();
    }

    /** The current weight and the configured one. */
    private static String getWeight(CliRequest r) {
        ServerLookup s = ServerLookup.of(r, r.arg(2));
        if (s.error() != null) {
            return s.error();
        }
        return s.server().weight() + " (initial " + s.server().initialWeight() + ")\n";
    }

    /** The process's environment in its order (environ), or one variable. */
    private static String showEnv(CliRequest r) {
        if (!r.requires(CliLevel.OPERATOR)) {
            return CliRequest.PERMISSION_DENIED;
        }
        List<String> env = org.jhaproxy.runtime.process.ProcessFacts.environ();
        if (r.arg(2).isEmpty()) {
            StringBuilder out = new StringBuilder();
            env.forEach(v -> out.append(v).append('\n'));
            return out.toString();
        }
        for (String v : env) {
            if (v.startsWith(r.arg(2) + "=")) {
                return v + "\n";
            }
        }
        return "Variable not found\n";
    }
}
