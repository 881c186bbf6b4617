package org.jhaproxy.runtime.cli;

import java.util.List;
import org.jhaproxy.runtime.stick.DataType;
import org.jhaproxy.runtime.stick.StickEntry;
import org.jhaproxy.runtime.stick.StickTable;
import org.jhaproxy.runtime.stick.TableDump;

/**
 * "show table", "clear table" and "set table" (management.txt 9.3, cli_parse_table_req()): the
 * tables' usage, an entry by key or the entries passing data filters, their removal, and the
 * update of an entry's data. The entries need the operator level; the table list does not.
 */
final class TableCommands {
    private enum Act {
        SHOW, CLEAR, SET
    }

    private TableCommands() {
    }

    static List<CliCommand> all() {
        return List.of(CliCommand.of("show table", r -> run(r, Act.SHOW)), CliCommand.of("clear table", r -> run(r, Act.CLEAR)),
                CliCommand.of("set table", r -> run(r, Act.SET)));
    }

    private static String run(CliRequest r, Act act) {
        List<StickTable> tables = r.engine().proxies().stickTables().all();
        if (r.arg(2).isEmpty()) {
            if (act != Act.SHOW) {
                return argsError(act);
            }
            StringBuilder b = new StringBuilder();
            tables.forEach(t -> b.append(TableDump.head(t)));
            return b.toString();
        }
        StickTable t = r.engine().proxies().stickTables().find(r.arg(2));
        if (t == null) {
            return "No such table\n";
        }
        if (r.arg(3).equals("key")) {
            return byKey(r, t, act);
        }
        Filters f = null;
        if (r.arg(3).startsWith("data.")) {
            if (act == Act.SET) {
                return "content-based lookup is only supported with the \"show\" and \"clear\" actions\n";
            }
            f = Filters.parse(r, t);
            if (f.error() != null) {
                return f.error();
            }
        } else if (!r.arg(3).isEmpty()) {
            return argsError(act);
        }
        // "set table NAME" without a key walks the entries as "clear table NAME" does, removing them
        boolean oper = r.requires(CliLevel.OPERATOR);
        StringBuilder b = new StringBuilder();
        if (act == Act.SHOW) {
            b.append(TableDump.head(t));
            if (!oper) {
                return b.append("# contents not dumped due to insufficient privileges\n").toString();
            }
        }
        if (!oper) {
            return "";
        }
        List<StickEntry> entries = TableDump.entries(t);
        for (int i = 0; i < entries.size(); i++) {
            StickEntry e = entries.get(i);
            boolean pass = f == null || f.pass(t, e);
            if (act == Act.SHOW) {
                if (pass) {
                    b.append(TableDump.entry(t, e));
                }
            } else if (pass && (i + 1 == entries.size() || TableDump.refs(t, entries.get(i + 1)) == 0)) {
                // haproxy's dump removes an entry only when the next one is not in use either
                TableDump.kill(t, e);
            }
        }
        return b.toString();
    }

    private static String byKey(CliRequest r, StickTable t, Act act) {
        if (r.arg(4).isEmpty()) {
            return "Key value expected\n";
        }
        if (!TableDump.keysByName(t)) {
            return switch (act) {
                case SHOW -> "Showing keys from tables of type other than ip, ipv6, string and integer is not supported\n";
                case CLEAR -> "Removing keys from tables of type other than ip, ipv6, string and integer is not supported\n";
                case SET -> "Inserting keys into tables of type other than ip, ipv6, string and integer is not supported\n";
            };
        }
        byte[] key = TableDump.parseKey(t, r.arg(4));
        if (key == null) {
            return "Invalid key\n";
        }
        if (!r.requires(CliLevel.OPERATOR)) {
            return CliRequest.PERMISSION_DENIED;
        }
        switch (act) {
            case SHOW -> {
                StickEntry e = TableDump.lookup(t, key);
                return e == null ? "" : TableDump.head(t) + TableDump.entry(t, e);
            }
            case CLEAR -> {
                StickEntry e = TableDump.lookup(t, key);
                if (e != null && !TableDump.kill(t, e)) {
                    return "Entry currently in use, cannot remove\n";
                }
                return "";
            }
            default -> {
                return set(r, t, key);
            }
        }
    }

    private static String set(CliRequest r, StickTable t, byte[] key) {
        StickEntry e = TableDump.beginSet(t, key);
        if (e == null) {
            return "Unable to allocate a new entry\n";
        }
        try {
            for (int i = 5; !r.arg(i).isEmpty(); i += 2) {
                if (!r.arg(i).startsWith("data.")) {
                    return "\"data.<type>\" followed by a value expected\n";
                }
                DataType d = DataType.of(r.arg(i).substring(5));
                if (d == null) {
                    return "Unknown data type\n";
                }
                if (!t.stored().containsKey(d)) {
                    return "Data type not stored in this table\n";
                }
                Long v = Filters.integer(r.arg(i + 1));
                if (v == null) {
                    return "Require a valid integer value to store\n";
                }
                TableDump.set(t, e, d, v);
            }
            return "";
        } finally {
            TableDump.endSet(t, e);
        }
    }

    private static String argsError(Act act) {
        return switch (act) {
            case SHOW -> "Optional argument only supports \"data.<store_data_type>\" <operator> <value> and key <key>\n";
            case CLEAR -> "Required arguments: <table> \"data.<store_data_type>\" <operator> <value> or <table> key <key>\n";
            case SET -> "Required arguments: <table> key <key> [data.<store_data_type> <value>]*\n";
        };
    }
}
