package org.jhaproxy.cli.shell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The commands a stats socket accepts at its level, read from its `help` answer, and what may
 * come next after the words typed so far: a command keyword, or an argument (a server, a backend,
 * a frontend, one of the listed words of "[desc|json|typed]").
 */
public final class CommandTree {
    /**
     * Syntaxes the help text shortens (2.6 prints "disable server (DEPRECATED)"), and the commands
     * of the shell itself; both are from the management guide, section 9.3.
     */
    private static final List<String> EXTRA = List.of(
            "disable server <bk>/<srv>",
            "enable server <bk>/<srv>",
            "set weight <bk>/<srv> <weight>",
            "show stat --all",
            "show stat --raw",
            "watch -n <sec> <command>",
            "exit");

    /** `set server <bk>/<srv> <option> <value>`: the options and the values some of them take. */
    private static final Map<String, List<String>> SET_SERVER = Map.ofEntries(
            Map.entry("state", List.of("ready", "drain", "maint")),
            Map.entry("health", List.of("up", "stopping", "down")),
            Map.entry("agent", List.of("up", "down")),
            Map.entry("ssl", List.of("on", "off")),
            Map.entry("weight", List.of()),
            Map.entry("addr", List.of()),
            Map.entry("agent-addr", List.of()),
            Map.entry("agent-port", List.of()),
            Map.entry("agent-send", List.of()),
            Map.entry("check-addr", List.of()),
            Map.entry("check-port", List.of()),
            Map.entry("fqdn", List.of()));

    /** The words 2.6's help shows alone in brackets that are typed as is ("clear counters [all]"). */
    private static final Set<String> LONE_WORDS = Set.of("all", "cli");

    private final List<CommandHelp> commands;

    private CommandTree(List<CommandHelp> commands) {
        this.commands = commands;
    }

    /** The tree of a `help` answer; an empty answer still gives the shell's own commands. */
    public static CommandTree fromHelp(String helpAnswer) {
        List<CommandHelp> all = new ArrayList<>(CommandHelp.parse(helpAnswer));
        boolean any = !all.isEmpty();
        for (String syntax : EXTRA) {
            CommandHelp extra = CommandHelp.of(syntax, "");
            // a deprecated command absent at this level stays absent
            boolean known = !any || syntax.startsWith("show stat") || syntax.startsWith("watch")
                    || syntax.equals("exit") || all.stream().anyMatch(c -> c.keywords().equals(extra.keywords()));
            if (known) {
                all.add(extra);
            }
        }
        return new CommandTree(List.copyOf(all));
    }

    /** The entries as the socket listed them (the shell's additions have no help line). */
    public List<CommandHelp> commands() {
        return commands;
    }

    /** The words that may follow {@code typed} (the complete words before the cursor). */
    public List<String> next(List<String> typed, ProxyNames names) {
        if (!typed.isEmpty() && typed.get(0).equals("watch")) {
            int skip = typed.size() > 1 && typed.get(1).equals("-n") ? 3 : 1;
            if (typed.size() == 1) {
                Set<String> out = new LinkedHashSet<>(next(List.of(), names));
                out.add("-n");
                return List.copyOf(out);
            }
            return typed.size() >= skip ? next(typed.subList(skip, typed.size()), names) : List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (CommandHelp c : commands) {
            List<String> k = c.keywords();
            int common = 0;
            while (common < Math.min(k.size(), typed.size()) && k.get(common).equals(typed.get(common))) {
                common++;
            }
            if (common < typed.size() && common < k.size()) {
                continue;
            }
            if (typed.size() < k.size()) {
                out.add(k.get(typed.size()));
            } else {
                out.addAll(arguments(c, typed.subList(k.size(), typed.size()), names));
            }
        }
        return List.copyOf(out);
    }

    private static List<String> arguments(CommandHelp c, List<String> args, ProxyNames names) {
        if (c.name().equals("set server") && args.size() >= 1) {
            if (args.size() == 1) {
                return List.copyOf(SET_SERVER.keySet().stream().sorted().toList());
            }
            return args.size() == 2 ? SET_SERVER.getOrDefault(args.get(1), List.of()) : List.of();
        }
        List<String> spec = c.arguments();
        int at = args.size();
        List<String> out = new ArrayList<>();
        // an optional token may be left out: the one after it can be next as well
        for (int i = at; i < spec.size(); i++) {
            out.addAll(forToken(c, spec.get(i), names));
            if (!spec.get(i).startsWith("[")) {
                break;
            }
        }
        if (at > 0 && at <= spec.size() && spec.get(at - 1).endsWith("]*")) {
            out.addAll(forToken(c, spec.get(at - 1), names));
        }
        return out;
    }

    /**
     * A map or ACL command's file argument: haproxy's help names it "&lt;map&gt;", "[map]" or, for
     * "get map" and "prepare map", "&lt;acl&gt;"; the command's last keyword says which list it takes.
     */
    private static List<String> forToken(CommandHelp c, String token, ProxyNames names) {
        String t = token.replaceAll("^[\\[{(]+|[\\]})*]+$", "");
        if (t.equals("<map>") || t.equals("map") || t.equals("<acl>")) {
            if (c.name().endsWith(" map")) {
                return names.maps();
            }
            if (c.name().endsWith(" acl")) {
                return names.acls();
            }
        }
        return forToken(token, names);
    }

    /** What one argument token of a help syntax accepts, where the shell can know it. */
    static List<String> forToken(String token, ProxyNames names) {
        String t = token.replaceAll("^[\\[{(]+|[\\]})*]+$", "");
        if (t.contains("<bk>/<srv>") || t.contains("<backend>/<server>")) {
            return names.servers();
        }
        switch (t) {
            case "<bk>", "<backend>":
                return names.backends();
            case "<frontend>":
                return names.frontends();
            case "<px>", "<proxy>":
                return names.proxies();
            default:
                break;
        }
        String[] alternatives = t.split("\\|");
        List<String> words = new ArrayList<>();
        for (String alt : alternatives) {
            // a lone word is a placeholder ("[var]", "[num]", "[opts]") unless it is a flag or a known word
            boolean literal = alternatives.length > 1 || alt.startsWith("-") || LONE_WORDS.contains(alt);
            if (literal && alt.matches("-{0,2}[a-z][a-z0-9-]*")) {
                words.add(alt);
            }
        }
        return words;
    }
}
