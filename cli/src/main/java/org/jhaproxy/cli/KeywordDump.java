package org.jhaproxy.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;
import org.jhaproxy.config.Keywords;
import org.jhaproxy.config.keyword.KeywordTable;

/**
 * -dK&lt;class[,class...]&gt; (dump_registered_keywords): after the configuration is loaded, prints
 * the keywords of each class asked for, from the registries. "help" lists the classes, "all"
 * selects every class for itself and for the classes named after it, as in haproxy. Only what
 * jhaproxy runs is listed (RuntimeSupport and the runtime's fetches and converters): "-c"
 * validates every keyword of haproxy 2.6, but a keyword listed here is one a configuration may
 * really use.
 */
final class KeywordDump {
    /** One class of keywords: its name for -dK, its line in "help", its title and its lister. */
    record KeywordClass(String name, String help, String title, Consumer<PrintStream> lister) {
    }

    private KeywordDump() {
    }

    static List<KeywordClass> classes(Keywords kw) {
        Consumer<PrintStream> none = out -> { };
        return List.of(
                new KeywordClass("acl", "ACL keywords", "ACL keywords", KeywordDump::acls),
                new KeywordClass("cfg", "configuration keywords", "configuration keywords",
                        out -> {
                            dump(out, kw.global, "global");
                            dump(out, kw.proxy, "proxy");
                        }),
                new KeywordClass("cli", "CLI keywords", "CLI keywords", none),
                new KeywordClass("cnv", "sample converter keywords", "sample converter functions", SampleDump::converters),
                new KeywordClass("flt", "filter names", "filter names", none),
                new KeywordClass("smp", "sample fetch functions", "sample fetch functions", SampleDump::fetches),
                new KeywordClass("svc", "service names", "service names", none));
    }

    static void run(String spec, PrintStream out) {
        List<KeywordClass> classes = classes(Keywords.standard());
        boolean all = false;
        for (String name : spec.split(",", -1)) {
            if (name.isEmpty()) {
                // haproxy stops at an empty class name
                break;
            }
            if (name.equals("help")) {
                out.println("# List of supported keyword classes:");
                out.println("all: list all keywords");
                for (KeywordClass c : classes) {
                    out.println(c.name() + ": " + c.help());
                }
                continue;
            }
            if (name.equals("all")) {
                all = true;
            }
            for (KeywordClass c : classes) {
                if (all || c.name().equals(name)) {
                    out.println("# List of registered " + c.title() + ":");
                    c.lister().accept(out);
                }
            }
        }
        out.flush();
    }

    /** acl_dump_kwd(): "name = fetch -m method", in name order, for the fetches the runtime has. */
    private static void acls(PrintStream out) {
        java.util.Set<String> fetches = org.jhaproxy.runtime.sample.Fetches.names();
        org.jhaproxy.config.acl.AclKeywords.all().values().stream()
                .filter(k -> fetches.contains(k.fetch() != null ? k.fetch() : k.name()))
                .sorted(java.util.Comparator.comparing(org.jhaproxy.config.acl.AclKeyword::name))
                .forEach(k -> out.println(k.name() + " = " + (k.fetch() != null ? k.fetch() : k.name())
                        + " -m " + k.method().keyword()));
    }

    /** A section's executed keywords: its name, then each keyword indented by a tab, in name order. */
    private static void dump(PrintStream out, KeywordTable<?> table, String sectionKind) {
        org.jhaproxy.runtime.RuntimeSupport rt = org.jhaproxy.runtime.RuntimeSupport.current();
        out.println(table.context());
        table.names().stream().sorted().filter(n -> rt.executesKeyword(sectionKind, n)).forEach(n -> out.println("\t" + n));
    }
}
