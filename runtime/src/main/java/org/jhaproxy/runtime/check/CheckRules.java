package org.jhaproxy.runtime.check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.config.model.ProxyConfig;
import org.jhaproxy.config.source.Line;

/**
 * A backend's check program, compiled once from "option tcp-check" / "tcp-check ..." or
 * "option httpchk" / "http-check ..." lines, or the plain layer-4 connect of a bare "check".
 * The rules of the backend's own section win over those inherited from defaults, as haproxy
 * 2.6 takes a defaults section's rules only when the proxy has none.
 */
record CheckRules(Kind kind, List<CheckRule> rules, List<String> comments) {
    CheckRules(Kind kind, List<CheckRule> rules) {
        this(kind, rules, java.util.Collections.nCopies(rules.size(), null));
    }

    /** The comment of the rule at {@code index} ("comment X" or a "tcp-check comment" line before it), or null. */
    String comment(int index) {
        return index >= 0 && index < comments.size() ? comments.get(index) : null;
    }

    enum Kind {
        /** A bare connect: "Layer4 check passed". */
        LAYER4,
        /** "option tcp-check": failures name the step ("at step 2 of tcp-check"). */
        TCP,
        /**
         * A protocol check built in ("option mysql-check", "redis-check"...): tcp-check rules whose
         * failures name no step and whose success says "(tcp-check)" only if a rule says so.
         */
        PROTOCOL,
        /** "option external-check": a command runs, no connection. */
        EXTERNAL,
        /** "option httpchk": one request, its response's status or body checked. */
        HTTP,
        /** "agent-check": "agent-send", then one line read from the agent. */
        AGENT
    }

    /** Whether a step of this program is the implicit first connect (step 0). */
    boolean implicitConnect() {
        for (CheckRule r : rules) {
            if (!skipped(r)) {
                return !(r instanceof CheckRule.Connect);
            }
        }
        return true;
    }

    /** The agent check's program ("*agent-check"): send the "agent-send" string, read a line. */
    static CheckRules agent(String send) {
        List<CheckRule> rules = new ArrayList<>();
        if (send != null && !send.isEmpty()) {
            rules.add(new CheckRule.Send(send.getBytes(StandardCharsets.ISO_8859_1)));
        }
        rules.add(new CheckRule.AgentReply());
        return new CheckRules(Kind.AGENT, List.copyOf(rules));
    }

    /** A rule as declared, with its own "comment" option (or a comment line's text), before comments are spread. */
    record Entry(CheckRule rule, String comment) {
        static Entry comment(String text) {
            return new Entry(new CheckRule.Comment(), text);
        }
    }

    static CheckRules of(ProxyConfig backend, CompileScope scope) throws NotSupported {
        String type = checkType(backend);
        if (type.equals("httpchk")) {
            return HttpCheckProgram.of(backend, own(backend, "http-check"), sendState(backend), scope);
        }
        if (type.equals("external-check")) {
            return new CheckRules(Kind.EXTERNAL, List.of());
        }
        if (ProtocolChecks.OPTIONS.contains(type)) {
            return ProtocolChecks.of(backend.last("option", type));
        }
        if (type.equals("tcp-check")) {
            List<Entry> entries = new ArrayList<>();
            for (Line l : own(backend, "tcp-check")) {
                entries.add(tcpRule(l, scope));
            }
            return of(Kind.TCP, entries);
        }
        return new CheckRules(Kind.LAYER4, List.of());
    }

    /**
     * The program of these rules; comments spread as check_proxy_tcpcheck() spreads them: a
     * comment line names the rules after it until the action changes (a connect or a set-var
     * takes it only once), a rule's own "comment" wins.
     */
    static CheckRules of(Kind kind, List<Entry> entries) {
        List<CheckRule> rules = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        String pending = null;
        Class<?> prev = CheckRule.Comment.class;
        for (Entry e : entries) {
            Class<?> action = action(e.rule());
            if (action != prev && prev != CheckRule.Comment.class) {
                pending = null;
            }
            prev = action;
            rules.add(e.rule());
            if (e.rule() instanceof CheckRule.Comment) {
                comments.add(null);
                pending = e.comment();
                continue;
            }
            comments.add(e.comment() != null || e.rule() instanceof CheckRule.Action ? e.comment() : pending);
            if (e.rule() instanceof CheckRule.Connect || e.rule() instanceof CheckRule.Action) {
                pending = null;
            }
        }
        return new CheckRules(kind, List.copyOf(rules), java.util.Collections.unmodifiableList(comments));
    }

    /** The rule's action as haproxy groups them (TCPCHK_ACT_*): all sends are one action. */
    private static Class<?> action(CheckRule r) {
        if (r instanceof CheckRule.Send || r instanceof CheckRule.SendComputed || r instanceof CheckRule.SendHttp
) {
            return CheckRule.Send.class;
        }
        return r.getClass();
    }

    /** get_first_tcpcheck_rule(): the index of the first rule neither a comment nor a set-var, or -1. */
    static int firstRule(List<Entry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            if (!skipped(entries.get(i).rule())) {
                return i;
            }
        }
        return -1;
    }

    /** get_last_tcpcheck_rule(). */
    static int lastRule(List<Entry> entries) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (!skipped(entries.get(i).rule())) {
                return i;
            }
        }
        return -1;
    }

    /** Comments and set-var/unset-var rules are no step of the connection (TCPCHK_ACT_COMMENT, ACTION_KW). */
    static boolean skipped(CheckRule r) {
        return r instanceof CheckRule.Comment || r instanceof CheckRule.Action;
    }

    /** "http-check send-state" is a flag of the proxy (PR_O2_CHK_SNDST), a defaults section's included. */
    private static boolean sendState(ProxyConfig backend) {
        for (Line l : backend.lines()) {
            if (l.keyword().equals("http-check") && l.arg(1).equals("send-state")) {
                return true;
            }
        }
        return false;
    }

    /** The check type options exclude each other: the last "option httpchk|tcp-check|mysql-check..." wins. */
    private static String checkType(ProxyConfig backend) {
        String type = "";
        for (Line l : backend.lines()) {
            if (l.keyword().equals("option") && (l.arg(1).equals("httpchk") || l.arg(1).equals("tcp-check")
                    || l.arg(1).equals("external-check") || ProtocolChecks.OPTIONS.contains(l.arg(1)))) {
                type = l.modifier() == org.jhaproxy.config.source.KeywordModifier.STD ? l.arg(1) : "";
            }
        }
        return type;
    }

    /** The section's own lines of this keyword, else the ones inherited from its defaults. */
    private static List<Line> own(ProxyConfig backend, String keyword) {
        List<Line> inherited = new ArrayList<>();
        List<Line> own = new ArrayList<>();
        for (Line l : backend.lines()) {
            if (!l.keyword().equals(keyword)) {
                continue;
            }
            boolean mine = l.file().equals(backend.at().file()) && l.lineNo() > backend.at().line();
            (mine ? own : inherited).add(l);
        }
        return own.isEmpty() ? inherited : own;
    }

    private static Entry tcpRule(Line l, CompileScope scope) throws NotSupported {
        String verb = l.arg(1);
        if (verb.startsWith("set-var") || verb.startsWith("unset-var")) {
            return new Entry(CheckVars.parse(l, scope), null);
        }
        return switch (verb) {
            case "comment" -> Entry.comment(l.arg(2));
            case "connect" -> new Entry(ConnectParser.parse(l, scope), ConnectParser.comment(l));
            case "send" -> new Entry(new CheckRule.Send(l.arg(2).getBytes(StandardCharsets.ISO_8859_1)), sendComment(l));
            case "send-binary" -> new Entry(new CheckRule.Send(HexFormat.of().parseHex(l.arg(2))), sendComment(l));
            case "send-lf" -> new Entry(CheckVars.sendFormat(l, false, scope), sendComment(l));
            case "send-binary-lf" -> new Entry(CheckVars.sendFormat(l, true, scope), sendComment(l));
            case "expect" -> {
                ExpectParser.Parsed e = ExpectParser.parse(l, false, scope);
                yield new Entry(e.expect(), e.comment());
            }
            default -> throw ExpectParser.refused(l, verb);
        };
    }

    /** "send DATA [comment MSG]". */
    private static String sendComment(Line l) {
        return l.arg(3).equals("comment") ? l.arg(4) : null;
    }
}
