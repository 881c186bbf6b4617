package org.jhaproxy.runtime.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The statistics modules of the proxy domain in haproxy 2.6's order (ssl, h2, h1) and the
 * extra cells "stats show-modules" adds to each line of the HTML page: per module, its name
 * with its counters in a tooltip where the module counts for that kind of line (ssl on every
 * line, h2 and h1 on frontends and backends), else an empty cell.
 */
final class StatsModules {
    /** A module: its name, which its fields start with ("h1_..."), and the lines it has counters on. */
    record Module(String name, boolean onServers, List<StatFields.StatField> fields) {
    }

    static final List<Module> ALL = List.of(module("ssl", true), module("h2", false), module("h1", false));

    private StatsModules() {
    }

    private static Module module(String name, boolean onServers) {
        List<StatFields.StatField> fields = new ArrayList<>();
        for (StatFields.StatField f : StatFields.ALL) {
            if (f.pos() >= StatFields.MODULES_START && f.name().startsWith(name + "_")) {
                fields.add(f);
            }
        }
        return new Module(name, onServers, List.copyOf(fields));
    }

    static void cells(StringBuilder sb, StatRow r) {
        for (Module m : ALL) {
            sb.append("<td>");
            if (r.type() != StatRow.SERVER || m.onServers()) {
                sb.append("<u>").append(m.name()).append("<div class=tips><table class=det>");
                for (StatFields.StatField f : m.fields()) {
                    sb.append("<tr><th>").append(f.desc()).append("</th><td>").append(StatsPage.v(r, f.name()))
                            .append("</td></tr>");
                }
                sb.append("</table></div></u>");
            }
            sb.append("</td>");
        }
    }
}
