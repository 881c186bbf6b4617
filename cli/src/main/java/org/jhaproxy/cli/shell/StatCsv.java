package org.jhaproxy.cli.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The CSV that `show stat` answers: a "# pxname,svname,..." header, then one line per proxy,
 * server or listener, every line ending with a ','. haproxy never quotes a field here.
 */
public record StatCsv(List<String> header, List<List<String>> rows) {
    public static StatCsv parse(String answer) {
        List<String> header = List.of();
        List<List<String>> rows = new ArrayList<>();
        for (String line : answer.split("\n")) {
            if (line.startsWith("# ")) {
                header = fields(line.substring(2));
            } else if (!line.isEmpty()) {
                rows.add(fields(line));
            }
        }
        return new StatCsv(header, rows);
    }

    /** Whether the answer looks like stat CSV at all (an error text does not). */
    public boolean valid() {
        return header.size() > 2 && header.get(0).equals("pxname");
    }

    /** The index of a field by its name, -1 if this haproxy does not have it. */
    public int column(String name) {
        return header.indexOf(name);
    }

    private static List<String> fields(String line) {
        String l = line.endsWith(",") ? line.substring(0, line.length() - 1) : line;
        return Arrays.asList(l.split(",", -1));
    }
}
