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
        return List.of(
                new KeywordClass("acl", "ACL keywords", "ACL keywords", KeywordDump::acls),
                new KeywordClass("cfg", "configuration keywords", "configuration keywords",
                        out -> {
                            dump(out, kw.global, "global");
                            dump(out, kw.proxy, "proxy");
                        }),
                new KeywordClass("cli", "CLI keywords", "CLI keywords", KeywordDump::cliCommands),
                new KeywordClass("cnv", "sample converter keywords", "sample converter functions", SampleDump::converters),
                new KeywordClass("flt", "filter names", "filter names", KeywordDump::filters),
                new KeywordClass("smp", "sample fetch functions", "sample fetch functions", SampleDump::fetches),
                new KeywordClass("svc", "service names", "service names", KeywordDump::services));
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

    /**
     * cli_list_keywords(): the commands jhaproxy executes (a worker's socket, and the master-only
     * ones its master CLI runs), ordered by their usage line (else their first word) as haproxy
     * orders them, an entry whose key repeats an earlier one left out as haproxy leaves it out.
     */
    private static void cliCommands(PrintStream out) {
        java.util.TreeMap<String, String> lines = new java.util.TreeMap<>();
        for (org.jhaproxy.runtime.cli.CliKeywords.Entry e : org.jhaproxy.runtime.cli.CliKeywords.standard().entries()) {
            boolean masterOnly = e.flags().contains("ACCESS_MASTER_ONLY");
            String words = String.join(" ", e.words());
            if (masterOnly ? !org.jhaproxy.cli.master.MasterCliSession.MASTER_COMMANDS.contains(words) : e.command() == null) {
                continue;
            }
            StringBuilder line = new StringBuilder(words).append(' ');
            if (masterOnly || e.flags().contains("ACCESS_MASTER")) {
                line.append("[MASTER] ");
            }
            if (!masterOnly) {
                line.append("[WORKER] ");
            }
            if (e.flags().contains("ACCESS_EXPERT")) {
                line.append("[EXPERT] ");
            }
            if (e.flags().contains("ACCESS_EXPERIMENTAL")) {
                line.append("[EXPERIM] ");
            }
            lines.putIfAbsent(e.usage() != null ? e.usage() : e.words().get(0), line.toString());
        }
        lines.values().forEach(out::println);
    }

    /** flt_dump_kws(): the filters a "filter" line may name that jhaproxy runs, with haproxy's tags. */
    private static void filters(PrintStream out) {
        org.jhaproxy.runtime.RuntimeSupport rt = org.jhaproxy.runtime.RuntimeSupport.current();
        java.util.Map<String, String> haproxys = new java.util.LinkedHashMap<>();
        haproxys.put("cache", "CACHE");
        haproxys.put("compression", "COMP");
        haproxys.put("fcgi-app", "FCGI");
        haproxys.put("opentracing", "OT");
        haproxys.put("spoe", "SPOE");
        haproxys.put("trace", "TRACE");
        haproxys.forEach((name, tag) -> {
            if (rt.executesKeyword("proxy", "filter " + name)) {
                out.println(name + " [" + tag + "]");
            }
        });
    }

    /** The services "http-request use-service" may name. */
    private static void services(PrintStream out) {
        out.println("prometheus-exporter");
    }

    /** A section's executed keywords: its name, then each keyword indented by a tab, in name order. */
    private static void dump(PrintStream out, KeywordTable<?> table, String sectionKind) {
        org.jhaproxy.runtime.RuntimeSupport rt = org.jhaproxy.runtime.RuntimeSupport.current();
        out.println(table.context());
        table.names().stream().sorted().filter(n -> rt.executesKeyword(sectionKind, n)).forEach(n -> out.println("\t" + n));
    }
}
