package org.jhaproxy.runtime.cli;

import java.util.List;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;

/**
 * "clear counters [all]" (stats.c, cli_parse_clear_counters()): without "all", an operator
 * resets the maximums of every proxy and server (and the clearable stats modules); with "all",
 * an admin resets every counter.
 */
final class ClearCounters implements CliCommand {
    @Override
    public List<String> keywords() {
        return List.of("clear", "counters");
    }

    @Override
    public String run(CliRequest r) {
        boolean all = r.arg(2).equals("all");
        if (!r.requires(CliLevel.OPERATOR) || (all && !r.requires(CliLevel.ADMIN))) {
            return CliRequest.PERMISSION_DENIED;
        }
        for (Proxy p : r.engine().proxies().all()) {
            if (all) {
                p.frontendCounters().clearAll();
                p.backendCounters().clearAll();
            } else {
                p.frontendCounters().clearMax();
                p.backendCounters().clearMax();
            }
            for (Server s : p.servers()) {
                if (all) {
                    s.counters().clearAll();
                } else {
                    s.counters().clearMax();
                }
            }
        }
        return "";
    }
}
