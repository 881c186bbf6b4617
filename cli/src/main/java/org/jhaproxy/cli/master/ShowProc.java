package org.jhaproxy.cli.master;

import java.util.List;
import org.jhaproxy.runtime.cli.ShowInfo;

/**
 * The master CLI's "show proc" (management.txt 9.4.1): the master with its reloads and failed
 * reloads, the current workers, the leaving ones under "# old workers" when there are, and the
 * "program" sections' processes (none: jhaproxy runs no program section).
 */
final class ShowProc {
    private ShowProc() {
    }

    static String of(Master master) {
        long now = System.currentTimeMillis();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("#%-14s %-15s %-15s %-15s %-15s%n", "<PID>", "<type>", "<reloads>", "<uptime>", "<version>"));
        sb.append(line(ProcessHandle.current().pid(), "master", master.reloads + " [failed: " + master.failedReloads + "]",
                now - master.startedMillis()));
        sb.append("# workers\n");
        List<WorkerProcess> all = List.copyOf(master.workers);
        for (WorkerProcess w : all) {
            if (!w.leaving) {
                sb.append(line(w.pid(), "worker", Integer.toString(w.reloads), now - w.startedMillis));
            }
        }
        if (all.stream().anyMatch(w -> w.leaving)) {
            sb.append("# old workers\n");
            for (WorkerProcess w : all) {
                if (w.leaving) {
                    sb.append(line(w.pid(), "worker", Integer.toString(w.reloads), now - w.startedMillis));
                }
            }
        }
        sb.append("# programs\n");
        return sb.toString();
    }

    private static String line(long pid, String type, String reloads, long upMillis) {
        long up = upMillis / 1000;
        String uptime = String.format("%dd%02dh%02dm%02ds", up / 86400, (up % 86400) / 3600, (up % 3600) / 60, up % 60);
        return String.format("%-15d %-15s %-15s %-15s %-15s%n", pid, type, reloads, uptime, ShowInfo.VERSION);
    }
}
