package org.jhaproxy.runtime.stats;

import org.jhaproxy.runtime.cli.CliRequest;

/**
 * The words that choose how "show info" and "show stat" print (cli_parse_show_info() and
 * cli_parse_show_stat()): "typed" or "json", the last one named winning, "desc" for the field
 * descriptions, "float" for the info rates, "up" and "no-maint" to leave servers out. Other
 * words are ignored, as haproxy ignores them.
 */
public record DumpForm(boolean typed, boolean json, boolean desc, boolean useFloat, boolean up, boolean noMaint) {

    /** The words of {@code r} from its argument {@code from} on. */
    public static DumpForm of(CliRequest r, int from) {
        boolean typed = false;
        boolean json = false;
        boolean desc = false;
        boolean useFloat = false;
        boolean up = false;
        boolean noMaint = false;
        for (int arg = from; !r.arg(arg).isEmpty(); arg++) {
            switch (r.arg(arg)) {
                case "typed" -> {
                    typed = true;
                    json = false;
                }
                case "json" -> {
                    json = true;
                    typed = false;
                }
                case "desc" -> desc = true;
                case "float" -> useFloat = true;
                case "up" -> up = true;
                case "no-maint" -> noMaint = true;
                default -> {
                }
            }
        }
        return new DumpForm(typed, json, desc, useFloat, up, noMaint);
    }
}
