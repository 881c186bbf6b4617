package org.jhaproxy.runtime.cli;

import org.jhaproxy.runtime.stick.DataType;
import org.jhaproxy.runtime.stick.StickEntry;
import org.jhaproxy.runtime.stick.StickTable;
import org.jhaproxy.runtime.stick.TableDump;

/**
 * The data filters of "show table" and "clear table" (table_prepare_data_request()): up to four
 * "data.TYPE OP VALUE" triplets, all of which an entry must pass.
 */
record Filters(DataType[] types, String[] ops, long[] values, int count, String error) {
    private static final int MAX = 4;

    static Filters parse(CliRequest r, StickTable t) {
        DataType[] types = new DataType[MAX];
        String[] ops = new String[MAX];
        long[] values = new long[MAX];
        int i = 0;
        for (; i < MAX; i++) {
            String word = r.arg(3 + 3 * i);
            if (i > 0 && word.isEmpty()) {
                break;
            }
            types[i] = DataType.of(word.length() >= 5 ? word.substring(5) : "");
            if (types[i] == null) {
                return failed("Filter entry #" + (i + 1) + ": Unknown data type\n");
            }
            if (!t.stored().containsKey(types[i])) {
                return failed("Filter entry #" + (i + 1) + ": Data type not stored in this table\n");
            }
            ops[i] = r.arg(4 + 3 * i);
            if (!java.util.Set.of("eq", "ne", "le", "ge", "lt", "gt").contains(ops[i])) {
                return failed("Filter entry #" + (i + 1)
                        + ": Require and operator among \"eq\", \"ne\", \"le\", \"ge\", \"lt\", \"gt\"\n");
            }
            Long v = integer(r.arg(5 + 3 * i));
            if (v == null) {
                return failed("Filter entry #" + (i + 1) + ": Require a valid integer value to compare against\n");
            }
            values[i] = v;
        }
        if (!r.arg(3 + 3 * i).isEmpty()) {
            return failed("Detected extra data in filter, " + (3 + 3 * i + 1) + "th word of input, after '" + r.arg(2 + 3 * i) + "'\n");
        }
        return new Filters(types, ops, values, i, null);
    }

    private static Filters failed(String error) {
        return new Filters(null, null, null, 0, error);
    }

    /** strl2llrc(): an optional sign then digits only; null otherwise. */
    static Long integer(String s) {
        if (s.isEmpty() || !s.matches("[+-]?[0-9]+")) {
            return null;
        }
        try {
            return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    boolean pass(StickTable t, StickEntry e) {
        for (int i = 0; i < count; i++) {
            long data = TableDump.value(t, e, types[i]);
            int cmp = Long.compare(data, values[i]);
            boolean ok = switch (ops[i]) {
                case "eq" -> cmp == 0;
                case "ne" -> cmp != 0;
                case "le" -> cmp <= 0;
                case "ge" -> cmp >= 0;
                case "lt" -> cmp < 0;
                default -> cmp > 0;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
