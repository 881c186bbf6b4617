package org.jhaproxy.runtime.cli;

import java.util.List;
import org.jhaproxy.runtime.proxy.Proxy;

/**
 * "show activity" (management.txt 9.3): haproxy's per-thread scheduler counters, one line each,
 * "name: total [ thread1 thread2 ... ]" for the "nbthread" threads. jhaproxy's event loops keep
 * none of haproxy's scheduler counters: they show 0, except the connections accepted by the
 * frontends, counted on the first thread. The shape is haproxy's, for the tools that read it.
 */
final class ShowActivity implements CliCommand {
    /** haproxy 2.6's counters in its order, after thread_id and date_now. */
    private static final List<String> COUNTERS = List.of("ctxsw", "tasksw", "empty_rq", "long_rq", "loops",
            "wake_tasks", "wake_signal", "poll_io", "poll_exp", "poll_drop_fd", "poll_skip_fd", "conn_dead",
            "stream_calls", "pool_fail", "buf_wait", "cpust_ms_tot", "cpust_ms_1s", "cpust_ms_15s", "avg_loop_us",
            "accepted", "accq_pushed", "accq_full", "accq_ring", "fd_takeover");

    @Override
    public List<String> keywords() {
        return List.of("show", "activity");
    }

    @Override
    public String run(CliRequest r) {
        int threads = (int) r.engine().config().globalNumber("nbthread", Runtime.getRuntime().availableProcessors());
        long now = System.currentTimeMillis();
        StringBuilder out = new StringBuilder();
        out.append("thread_id: 1 (1..").append(threads).append(")\n");
        out.append("date_now: ").append(now / 1000).append('.').append(String.format("%06d", now % 1000 * 1000))
                .append('\n');
        long accepted = 0;
        for (Proxy p : r.engine().proxies().all()) {
            accepted += p.cumulatedFrontendConns();
        }
        for (String name : COUNTERS) {
            long total = name.equals("accepted") || name.equals("accq_pushed") ? accepted : 0;
            out.append(name).append(": ").append(total).append(" [ ").append(total);
            for (int t = 1; t < threads; t++) {
                out.append(" 0");
            }
            out.append(" ]\n");
        }
        return out.toString();
    }
}
