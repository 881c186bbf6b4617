package org.jhaproxy.runtime.cli;

import java.util.List;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.Addresses;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.server.ServerState;

/**
 * "show servers state [backend]" (the server-state file's format, version 1, with its header)
 * and "show servers conn [backend]" (connection usage per server), as proxy.c dumps them.
 */
final class ShowServers {
    /** SRV_STATE_FILE_VERSION and SRV_STATE_FILE_FIELD_NAMES. */
    private static final String STATE_HEADER = "1\n# be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state"
            + " srv_uweight srv_iweight srv_time_since_last_change srv_check_status srv_check_result srv_check_health"
            + " srv_check_state srv_agent_state bk_f_forced_id srv_f_forced_id srv_fqdn srv_port srvrecord srv_use_ssl"
            + " srv_check_port srv_check_addr srv_agent_addr srv_agent_port\n";

    private ShowServers() {
    }

    static List<CliCommand> all() {
        return List.of(CliCommand.of("show servers state", r -> show(r, false)),
                CliCommand.of("show servers conn", r -> show(r, true)));
    }

    private static String show(CliRequest r, boolean conn) {
        List<Proxy> all = r.engine().proxies().all();
        List<Proxy> shown = all;
        if (!r.arg(3).isEmpty()) {
            shown = all.stream().filter(p -> p.config().isBackend() && p.name().equals(r.arg(3))).limit(1).toList();
            if (shown.isEmpty()) {
                return "Can't find backend.\n";
            }
        }
        int threads = (int) r.engine().config().globalNumber("nbthread", Runtime.getRuntime().availableProcessors());
        StringBuilder out = new StringBuilder(conn ? "# bkname/svname bkid/svid addr port - purge_delay used_cur used_max"
                + " need_est unsafe_nb safe_nb idle_lim idle_cur idle_per_thr[" + threads + "]\n" : STATE_HEADER);
        for (Proxy p : shown) {
            if (!p.config().isBackend()) {
                continue;
            }
            int uuid = r.engine().proxies().uuid(p);
            for (Server s : p.servers()) {
                if (conn) {
                    connLine(out, p, uuid, s, threads);
                } else {
                    stateLine(out, p, uuid, s);
                }
            }
        }
        return out.toString();
    }

    private static void stateLine(StringBuilder out, Proxy p, int uuid, Server s) {
        String checkAddr = s.check().addr() == null ? "-" : Addresses.text(s.check().addr());
        int checkPort = s.check().port();
        String agentAddr = s.agent().addr() == null ? "-" : Addresses.text(s.agent().addr());
        int agentPort = s.agent().port();
        out.append(uuid).append(' ').append(p.name()).append(' ').append(s.puid()).append(' ').append(s.name()).append(' ')
                .append(addr(s)).append(' ').append(opState(s.state())).append(' ').append(s.admin()).append(' ')
                .append(s.weight()).append(' ').append(s.initialWeight()).append(' ')
                .append(Math.max(0, (System.currentTimeMillis() - s.lastChange()) / 1000)).append(' ')
                .append(s.check().status()).append(' ').append(s.check().result()).append(' ').append(s.check().health())
                .append(' ').append(s.check().state()).append(' ').append(s.agent().state()).append(' ')
                .append(p.config().last("id") != null ? 1 : 0).append(' ').append(s.config().id() != 0 ? 1 : 0).append(' ')
                .append(s.hostname() == null ? "-" : s.hostname()).append(' ').append(s.port())
                .append(' ').append(s.srvRecord() == null ? "-" : s.srvRecord()).append(" 0 ").append(checkPort).append(' ').append(checkAddr).append(' ').append(agentAddr).append(' ')
                .append(agentPort).append('\n');
    }

    /**
     * Connection usage; jhaproxy keeps no maximum nor estimate of used connections yet, and its
     * idle connections are not counted here (0), as for a server no stream used.
     */
    private static void connLine(StringBuilder out, Proxy p, int uuid, Server s, int threads) {
        out.append(p.name()).append('/').append(s.name()).append(' ').append(uuid).append('/').append(s.puid()).append(' ')
                .append(addr(s)).append(' ').append(s.port()).append(" - ")
                .append(s.config().option("pool-purge-delay", "5000")).append(' ').append(s.currentConns())
                .append(" 0 0 0 0 ").append(s.config().option("pool-max-conn", "-1")).append(" 0");
        for (int t = 0; t < threads; t++) {
            out.append(" 0");
        }
        out.append('\n');
    }

    private static String addr(Server s) {
        java.net.InetSocketAddress a = s.address(null);
        return a == null || a.getAddress() == null ? "-" : Addresses.text(a.getAddress());
    }

    /** SRV_ST_* numbers. */
    private static int opState(ServerState st) {
        return switch (st) {
            case STOPPED -> 0;
            case STARTING -> 1;
            case RUNNING -> 2;
            case STOPPING -> 3;
        };
    }
}
