package org.jhaproxy.cli;

import java.io.PrintStream;
import org.jhaproxy.config.Keywords;
import org.jhaproxy.config.keyword.Keyword;
import org.jhaproxy.config.keyword.KeywordTable;

/** -dK&lt;class&gt;: the registered keywords, printed from the registries (haproxy's layout). */
final class KeywordDump {
    private KeywordDump() {
    }

    static int run(String classes, PrintStream out, PrintStream err) {
        Keywords kw = Keywords.standard();
        if (classes.equals("help")) {
            out.println("# List of supported keyword classes:");
            out.println("all: list all keywords");
            out.println("cfg: configuration keywords");
            return 0;
        }
        boolean all = classes.equals("all") || classes.isEmpty();
        if (all || classes.contains("cfg")) {
            out.println("# List of registered configuration keywords:");
            dump(out, kw.global);
            dump(out, kw.proxy);
        }
        return 0;
    }

    private static void dump(PrintStream out, KeywordTable<?> table) {
        out.println(table.context());
        table.names().stream().sorted().forEach(n -> out.println("\t" + n));
    }

    static String usage(Keyword<?> k) {
        return k.usage();
    }
}
