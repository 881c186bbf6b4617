package org.jhaproxy.config.rules;

import java.util.Set;
import org.jhaproxy.config.acl.AclCondition;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.model.ProxyRules;
import org.jhaproxy.config.sample.CheckPlace;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.sample.SampleExprParser;
import org.jhaproxy.config.sample.SampleSources;
import org.jhaproxy.config.sample.Units;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * "stick-table" and "stick on/match/store-request/store-response" (configuration.txt
 * section 4.2; cfgparse-listen.c and stick_table.c parse_stick_table()).
 */
final class StickRules {
    private StickRules() {
    }

    private static String where(Line line) {
        return line.file() + ":" + line.lineNo();
    }

    static int stickTable(ParseContext ctx, Line line, ProxyBuilder px) {
        String w = where(line);
        if (px.isDefaults()) {
            ctx.diag().alert(String.format("parsing [%s] : 'stick-table' is not supported in 'defaults' section.", w));
            return ErrCode.ALERT_FATAL;
        }
        for (ProxyBuilder other : ctx.config().proxies()) {
            if (other.name().equals(px.name()) && other.rules().stickTable() != null) {
                ctx.diag().alert(String.format("parsing [%s] : stick-table name '%s' conflicts with table declared in %s '%s' at %s.",
                        w, px.name(), capName(other), other.name(), other.rules().stickTable()));
                return ErrCode.ALERT_FATAL;
            }
        }
        String a0 = line.arg(0);
        int idx = 1;
        boolean size = false;
        String type = null;
        int warn = ErrCode.NONE;
        Set<String> stored = new java.util.HashSet<>();
        while (!line.arg(idx).isEmpty()) {
            String a = line.arg(idx);
            switch (a) {
                case "size" -> {
                    idx++;
                    if (line.arg(idx).isEmpty()) {
                        return alert(ctx, String.format("parsing [%s] : %s: missing argument after '%s'.", w, a0, a));
                    }
                    Long s = Units.parseSize(line.arg(idx));
                    if (s == null) {
                        char bad = firstNonDigit(line.arg(idx));
                        return alert(ctx, String.format("parsing [%s] : %s: unexpected character '%c' in argument of '%s'.", w, a0, bad, a));
                    }
                    size = s != 0;
                    idx++;
                }
                case "srvkey" -> {
                    idx++;
                    if (!line.arg(idx).equals("name") && !line.arg(idx).equals("addr")) {
                        return alert(ctx, String.format("parsing [%s] : %s : unknown server key type '%s'.", w, a0, line.arg(idx)));
                    }
                    idx++;
                }
                case "peers" -> {
                    idx++;
                    if (line.arg(idx).isEmpty()) {
                        return alert(ctx, String.format("parsing [%s] : %s: missing argument after '%s'.", w, a0, a));
                    }
                    if (a.equals("peers")) {
                        px.references().peers(line.arg(idx)); // resolved in check_config_validity()
                    }
                    idx++;
                }
                case "expire" -> {
                    idx++;
                    if (line.arg(idx).isEmpty()) {
                        return alert(ctx, String.format("parsing [%s] : %s: missing argument after '%s'.", w, a0, a));
                    }
                    String v = line.arg(idx);
                    org.jhaproxy.config.server.TimeArg t = org.jhaproxy.config.server.TimeArg.parseMs(v, null);
                    switch (t.kind()) {
                        case OVERFLOW -> {
                            return alert(ctx, String.format("parsing [%s]: %s: timer overflow in argument <%s> to <%s>, maximum value is 2147483647 ms (~24.8 days).", w, a0, v, a));
                        }
                        case UNDERFLOW -> {
                            return alert(ctx, String.format("parsing [%s]: %s: timer underflow in argument <%s> to <%s>, minimum non-null value is 1 ms.", w, a0, v, a));
                        }
                        case BAD_CHAR -> {
                            return alert(ctx, String.format("parsing [%s] : %s: unexpected character '%c' in argument of '%s'.", w, a0, t.bad(), a));
                        }
                        default -> { }
                    }
                    idx++;
                }
                case "nopurge" -> idx++;
                case "type" -> {
                    // stktable_parse_type(): string and binary take an optional "len <n>", n > 0
                    idx++;
                    String t = line.arg(idx);
                    boolean known = Set.of("ip", "ipv6", "integer", "string", "binary").contains(t);
                    if (known) {
                        idx++;
                        if ((t.equals("string") || t.equals("binary")) && line.arg(idx).equals("len")) {
                            idx++;
                            if (StickTableStore.atol(line.arg(idx)) == 0) {
                                known = false;
                            } else {
                                idx++;
                            }
                        }
                    }
                    if (!known) {
                        return alert(ctx, String.format("parsing [%s] : %s: unknown type '%s'.", w, a0, line.arg(idx)));
                    }
                    type = t;
                }
                case "store" -> {
                    idx++;
                    int err = StickTableStore.parse(ctx, w, a0, line.arg(idx), stored);
                    if (err != ErrCode.NONE && (err & ErrCode.ALERT) != 0) {
                        return err;
                    }
                    warn |= err;
                    idx++;
                }
                default -> {
                    return alert(ctx, String.format("parsing [%s] : %s: unknown argument '%s'.", w, a0, a));
                }
            }
        }
        if (!size) {
            return alert(ctx, String.format("parsing [%s] : %s: missing size.", w, a0));
        }
        if (type == null) {
            return alert(ctx, String.format("parsing [%s] : %s: missing type.", w, a0));
        }
        px.rules().stickTable(new Position(line.file(), line.lineNo()), type);
        return warn;
    }

    private static String capName(ProxyBuilder p) {
        // proxy_cap_str()
        if (p.has(ProxyCapability.FRONTEND) && p.has(ProxyCapability.BACKEND)) {
            return "proxy";
        }
        return p.has(ProxyCapability.FRONTEND) ? "frontend" : "backend";
    }

    private static char firstNonDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return s.charAt(i);
            }
        }
        return ' ';
    }

    private static int alert(ParseContext ctx, String msg) {
        ctx.diag().alert(msg);
        return ErrCode.ALERT_FATAL;
    }

    static int stick(ParseContext ctx, Line line, ProxyBuilder px) {
        String w = where(line);
        String kw = line.keyword();
        if (px.isDefaults()) {
            return alert(ctx, String.format("parsing [%s] : '%s' not allowed in 'defaults' section.", w, kw));
        }
        if (RuleWarnings.notCapable(ctx, line, px, ProxyCapability.BACKEND, kw)) {
            return ErrCode.WARN;
        }
        int idx = 1;
        String kind = line.arg(1);
        boolean response;
        switch (kind) {
            case "store", "store-request", "match", "on" -> response = false;
            case "store-response" -> response = true;
            default -> {
                return alert(ctx, String.format("parsing [%s] : '%s' expects 'on', 'match', or 'store'.", w, kw));
            }
        }
        idx++;
        if (line.arg(idx).isEmpty()) {
            return alert(ctx, String.format("parsing [%s] : '%s' expects a fetch method.", w, kw));
        }
        RuleParsers parsers = RuleParsers.of(ctx);
        SampleExprParser.Parsed p;
        try {
            p = parsers.samples().parse(line.args(), idx);
        } catch (ExprError e) {
            return alert(ctx, String.format("parsing [%s] : '%s': %s", w, kw, e.getMessage()));
        }
        int place = response ? CheckPlace.BE_STO_RUL.bit() : CheckPlace.BE_SET_SRV.bit();
        if (!p.expr().fetch().usableAt(place)) {
            return alert(ctx, String.format("parsing [%s] : '%s': fetch method '%s' extracts information from '%s', none of which is available %s.",
                    w, kw, p.expr().fetch().name(), SampleSources.names(p.expr().fetch()),
                    response ? "for 'store-response'" : "during request"));
        }
        idx = p.nextWord();
        String table = null;
        if (line.arg(idx).equals("table")) {
            table = line.arg(idx + 1);
            idx += 2;
        }
        AclCondition cond = null;
        String c = line.arg(idx);
        if (c.equals("if") || c.equals("unless")) {
            try {
                cond = parsers.conditions().parse(line.args(), idx, px.rules().acls(), new Position(line.file(), line.lineNo()));
            } catch (ExprError e) {
                return alert(ctx, String.format("parsing [%s] : '%s': error detected while parsing sticking condition : %s.", w, kw, e.getMessage()));
            }
        } else if (!c.isEmpty()) {
            return alert(ctx, String.format("parsing [%s] : '%s': unknown keyword '%s'.", w, kw, c));
        }
        int err = RuleWarnings.condConflicts(ctx, line, cond, place);
        px.rules().stickRules().add(new ProxyRules.StickRule(kind, table, cond, new Position(line.file(), line.lineNo()),
                ProxyRules.wordsBeforeCondition(line.args(), 2)));
        return err;
    }
}
