package org.jhaproxy.cli.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * `show stat` as a person reads it: the CSV's columns aligned under their names, numbers to the
 * right. By default only the columns an operator looks at first; `--all` keeps every column that
 * has a value in some row.
 */
public final class StatTable {
    /** The first columns of the stats page's tables, by their CSV names (management guide 9.1). */
    public static final List<String> COLUMNS = List.of(
            "pxname", "svname", "status", "weight", "scur", "smax", "slim", "stot",
            "bin", "bout", "ereq", "econ", "eresp", "chkdown", "lastchg", "check_status");

    private StatTable() {
    }

    /** The table of the chosen columns (those this haproxy has), or null if the answer is not stat CSV. */
    public static String render(String showStat, boolean all) {
        StatCsv csv = StatCsv.parse(showStat);
        if (!csv.valid()) {
            return null;
        }
        List<Integer> picked = new ArrayList<>();
        if (all) {
            for (int c = 0; c < csv.header().size(); c++) {
                if (hasValue(csv, c)) {
                    picked.add(c);
                }
            }
        } else {
            for (String name : COLUMNS) {
                int c = csv.column(name);
                if (c >= 0) {
                    picked.add(c);
                }
            }
        }
        int[] width = new int[picked.size()];
        boolean[] numeric = new boolean[picked.size()];
        for (int i = 0; i < picked.size(); i++) {
            int c = picked.get(i);
            width[i] = csv.header().get(c).length();
            numeric[i] = true;
            for (List<String> row : csv.rows()) {
                String v = cell(row, c);
                width[i] = Math.max(width[i], v.length());
                numeric[i] &= v.isEmpty() || v.matches("-?\\d+");
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, picked.stream().map(c -> csv.header().get(c)).toList(), width, numeric);
        for (List<String> row : csv.rows()) {
            line(sb, picked.stream().map(c -> cell(row, c)).toList(), width, numeric);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width, boolean[] numeric) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                l.append("  ");
            }
            String v = cells.get(i);
            String pad = " ".repeat(width[i] - v.length());
            l.append(numeric[i] ? pad + v : v + pad);
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    private static boolean hasValue(StatCsv csv, int c) {
        return csv.rows().stream().anyMatch(r -> !cell(r, c).isEmpty());
    }

    private static String cell(List<String> row, int c) {
        return c < row.size() ? row.get(c) : "";
    }
}
