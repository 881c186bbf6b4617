package org.jhaproxy.runtime.stats;

import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.runtime.cli.CliCommand;
import org.jhaproxy.runtime.cli.CliKeywords;
import org.jhaproxy.runtime.cli.CliLevel;
import org.jhaproxy.runtime.cli.CliRequest;
import org.jhaproxy.runtime.proxy.Proxies;
import org.jhaproxy.runtime.proxy.Proxy;

/**
 * The stats socket's statistics commands (management.txt 9.3): "show stat [domain proxy]
 * [{iid|proxy} type sid] [typed|json] [desc] [up|no-maint]" and "show schema json".
 */
public final class StatCommands {
    private StatCommands() {
    }

    public static List<CliCommand> all() {
        return List.of(CliCommand.of("show stat", StatCommands::showStat),
                CliCommand.of("show schema json", r -> StatSchema.JSON));
    }

    /**
     * cli_parse_show_stat() then the dump: the lines of the bound proxy/type/server, in the form
     * asked (the last of "typed" and "json"), without the servers "up" or "no-maint" hide.
     */
    private static String showStat(CliRequest r) {
        Proxies proxies = r.engine().proxies();
        int arg = 2;
        if (r.arg(arg).equals("domain")) {
            // the proxies are the default domain; jhaproxy keeps no resolvers' statistics yet
            if (!r.arg(arg + 1).equals("proxy")) {
                return r.arg(arg + 1).equals("resolvers") ? CliKeywords.NOT_SUPPORTED
                        : "Invalid statistics domain.\n";
            }
            arg += 2;
        }
        int iid = -1;
        int typeMask = -1;
        int sid = -1;
        if (!r.arg(arg).isEmpty() && !r.arg(arg + 1).isEmpty() && !r.arg(arg + 2).isEmpty()) {
            iid = byName(proxies, r.arg(arg));
            if (iid <= 0) {
                iid = atoi(r.arg(arg));
            }
            if (iid == 0) {
                return "No such proxy.\n";
            }
            typeMask = atoi(r.arg(arg + 1));
            sid = atoi(r.arg(arg + 2));
            arg += 3;
        }
        // "float" means nothing here; haproxy's parser of show stat ignores it too
        DumpForm form = DumpForm.of(r, arg);
        ServerFilter filter = new ServerFilter(form.up(), form.noMaint());
        // addresses and algorithms are shown to operator and admin sockets (STAT_SHLGNDS)
        boolean legends = r.requires(CliLevel.OPERATOR);
        List<StatRow> rows = new ArrayList<>();
        for (Proxy p : proxies.all()) {
            int id = proxies.uuid(p);
            if (iid == -1 || iid == id) {
                for (StatRow row : StatRows.of(p, id, proxies, legends, filter)) {
                    if (bound(row, typeMask, sid)) {
                        rows.add(row);
                    }
                }
            }
        }
        if (form.json()) {
            return StatOutput.json(rows);
        }
        return form.typed() ? StatOutput.typed(rows, form.desc()) : StatOutput.csv(rows);
    }

    /** The type bits (1 frontend, 2 backend, 4 servers; -1 all) and the server id (-1 all). */
    private static boolean bound(StatRow row, int typeMask, int sid) {
        if ((typeMask & (1 << row.type())) == 0) {
            return false;
        }
        return row.type() != StatRow.SERVER || sid == -1 || row.sid() == sid;
    }

    private static int byName(Proxies proxies, String name) {
        for (Proxy p : proxies.all()) {
            if (p.name().equals(name)) {
                return proxies.uuid(p);
            }
        }
        return 0;
    }

    /** atoi(): the leading digits (with a sign), 0 when there are none. */
    private static int atoi(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*([-+]?\\d+)").matcher(s);
        if (!m.find()) {
            return 0;
        }
        try {
            return Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
