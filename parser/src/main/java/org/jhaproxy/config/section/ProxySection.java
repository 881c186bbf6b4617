package org.jhaproxy.config.section;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.keyword.DidYouMean;
import org.jhaproxy.config.keyword.Keyword;
import org.jhaproxy.config.keyword.KeywordTable;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.proxy.ProxyChecks;
import org.jhaproxy.config.proxy.ProxyKeywords;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;
import org.jhaproxy.config.source.Section;

/**
 * The proxy sections: "frontend", "backend", "listen" and "defaults" (cfgparse-listen.c
 * cfg_parse_listen()). One instance per section keyword; they share the keyword table and the
 * parse state. The header line creates the proxy from its defaults section; every other line is
 * handed to its registered keyword.
 */
public final class ProxySection implements Section {
    private final String keyword;
    private final KeywordTable<ProxyBuilder> keywords;
    private final ProxyParseState state;

    public ProxySection(String keyword, KeywordTable<ProxyBuilder> keywords, ProxyParseState state) {
        this.keyword = keyword;
        this.keywords = keywords;
        this.state = state;
    }

    @Override
    public String name() {
        return keyword;
    }

    @Override
    public int parse(ParseContext ctx, Line line) {
        if (line.keyword().equals(keyword)) {
            return header(ctx, line);
        }
        ProxyBuilder px = state.current();
        if (px == null) {
            return ProxyChecks.alert(ctx, line, "'listen' or 'defaults' expected.");
        }
        Keyword<ProxyBuilder> kw = keywords.find(line.keyword());
        if (kw != null) {
            px.lines().add(line);
            return kw.handler().parse(ctx, line, px);
        }
        String best = DidYouMean.bestMatch(line.keyword(), ProxyKeywords.suggestions());
        if (best != null) {
            return ProxyChecks.alert(ctx, line, String.format("unknown keyword '%s' in '%s' section; did you mean '%s' maybe ?",
                    line.keyword(), keyword, best));
        }
        return ProxyChecks.alert(ctx, line, String.format("unknown keyword '%s' in '%s' section", line.keyword(), keyword));
    }

    private static String capString(Set<ProxyCapability> caps) {
        if (caps.contains(ProxyCapability.DEFAULTS)) {
            return "defaults";
        }
        if (caps.contains(ProxyCapability.FRONTEND) && caps.contains(ProxyCapability.BACKEND)) {
            return "proxy";
        }
        return caps.contains(ProxyCapability.FRONTEND) ? "frontend" : "backend";
    }

    /** The implicit defaults every proxy starts from when no defaults section was declared. */
    private ProxyBuilder lastDefaults(ParseContext ctx, Line line) {
        if (state.lastDefaults() == null) {
            ProxyBuilder preset = new ProxyBuilder("defaults", "",
                    EnumSet.of(ProxyCapability.DEFAULTS, ProxyCapability.FRONTEND, ProxyCapability.BACKEND),
                    new Position(line.file(), 0));
            state.lastDefaults(preset);
        }
        return state.lastDefaults();
    }

    private int header(ParseContext ctx, Line line) {
        int err = ErrCode.NONE;
        boolean isDefaults = keyword.equals("defaults");
        Set<ProxyCapability> caps = switch (keyword) {
            case "frontend" -> EnumSet.of(ProxyCapability.FRONTEND);
            case "backend" -> EnumSet.of(ProxyCapability.BACKEND);
            case "listen" -> EnumSet.of(ProxyCapability.FRONTEND, ProxyCapability.BACKEND);
            default -> EnumSet.of(ProxyCapability.DEFAULTS, ProxyCapability.FRONTEND, ProxyCapability.BACKEND);
        };
        String cap = capString(caps);
        ProxyBuilder lastDefaults = lastDefaults(ctx, line);
        ProxyBuilder currDefaults = isDefaults ? null : lastDefaults;

        if (!isDefaults) {
            if (line.arg(1).isEmpty()) {
                ctx.diag().alert(String.format("parsing [%s:%d] : '%s' expects an <id> argument", line.file(), line.lineNo(), keyword));
                state.current(null);
                return ErrCode.ALERT | ErrCode.ABORT;
            }
            int bad = ProxyChecks.invalidChar(line.arg(1));
            if (bad >= 0) {
                err |= ProxyChecks.alert(ctx, line, String.format("character '%c' is not permitted in '%s' name '%s'.",
                        line.arg(1).charAt(bad), keyword, line.arg(1)));
            }
            ProxyBuilder dup = findProxy(ctx, line.arg(1), caps.contains(ProxyCapability.FRONTEND)
                    ? ProxyCapability.FRONTEND : ProxyCapability.BACKEND);
            if (dup != null) {
                ctx.diag().alert(String.format("Parsing [%s:%d]: %s '%s' has the same name as %s '%s' declared at %s:%d.",
                        line.file(), line.lineNo(), cap, line.arg(1), dup.typeString(), dup.name(), dup.at().file(), dup.at().line()));
                err |= ErrCode.ALERT_FATAL;
            }
            org.jhaproxy.config.model.NamedSection lf = ctx.config().otherSections().find("log-forward", line.arg(1));
            if (lf != null) {
                ctx.diag().alert(String.format("Parsing [%s:%d]: %s '%s' has the same name as log forward section '%s' declared at %s:%d.",
                        line.file(), line.lineNo(), cap, line.arg(1), lf.name(), lf.at().file(), lf.at().line()));
                err |= ErrCode.ALERT_FATAL;
            }
            state.current(null);
            boolean badFrom = !line.arg(2).isEmpty() && (line.arg(3).isEmpty() || !line.arg(2).equals("from"));
            if (badFrom) {
                if (caps.contains(ProxyCapability.FRONTEND)) {
                    ctx.diag().alert(String.format("parsing [%s:%d] : please use the 'bind' keyword for listening addresses.",
                            line.file(), line.lineNo()));
                }
                return err;
            }
            int tooMany = ProxyChecks.tooManyArgs(ctx, line, 3);
            if (tooMany != 0) {
                if (caps.contains(ProxyCapability.FRONTEND)) {
                    ctx.diag().alert(String.format("parsing [%s:%d] : please use the 'bind' keyword for listening addresses.",
                            line.file(), line.lineNo()));
                }
                return err | tooMany;
            }
        }

        String name = line.arg(1);
        int arg = 2;
        if (isDefaults && line.arg(1).equals("from") && !line.arg(2).isEmpty() && line.arg(3).isEmpty()) {
            arg = 1;
            name = "";
        }
        if (line.arg(arg).equals("from")) {
            String from = line.arg(arg + 1);
            List<ProxyBuilder> found = state.defaultsSections().stream().filter(d -> d.name().equals(from)).toList();
            if (found.isEmpty()) {
                ctx.diag().alert(String.format("parsing [%s:%d] : defaults section '%s' not found for %s '%s'.",
                        line.file(), line.lineNo(), from, cap, name));
                if (!isDefaults) {
                    state.current(null);
                }
                return err | ErrCode.ALERT | ErrCode.ABORT;
            }
            currDefaults = found.get(0);
            if (found.size() > 1) {
                ProxyBuilder other = found.get(1);
                ctx.diag().alert(String.format("parsing [%s:%d] : ambiguous defaults section name '%s' referenced by %s '%s' exists at least at %s:%d and %s:%d.",
                        line.file(), line.lineNo(), from, cap, name, currDefaults.at().file(), currDefaults.at().line(),
                        other.at().file(), other.at().line()));
                err |= ErrCode.ALERT_FATAL;
            }
            int bad = ProxyChecks.invalidChar(from);
            if (bad >= 0) {
                ctx.diag().alert(String.format("parsing [%s:%d] : character '%c' is not permitted in defaults section name '%s' when designated by its name (section found at %s:%d).",
                        line.file(), line.lineNo(), from.charAt(bad), from, currDefaults.at().file(), currDefaults.at().line()));
                err |= ErrCode.ALERT_FATAL;
            }
            state.explicitRefs().add(currDefaults);
        } else if (currDefaults != null) {
            state.implicitRefs().add(currDefaults);
        }
        if (currDefaults != null && state.explicitRefs().contains(currDefaults) && state.implicitRefs().contains(currDefaults)) {
            ctx.diag().alert(String.format("parsing [%s:%d] : defaults section '%s' (declared at %s:%d) is explicitly referenced by another proxy and implicitly used here."
                    + " To avoid any ambiguity don't mix both usage. Add a last defaults section not explicitly used or always use explicit references.",
                    line.file(), line.lineNo(), currDefaults.name(), currDefaults.at().file(), currDefaults.at().line()));
            err |= ErrCode.WARN;
        }

        ProxyBuilder px = new ProxyBuilder(keyword, name, caps, new Position(line.file(), line.lineNo()));
        if (currDefaults != null) {
            px.inheritFrom(currDefaults);
        }
        err |= checkRulesInheritance(ctx, line, currDefaults, caps);
        if (caps.contains(ProxyCapability.BACKEND) && currDefaults != null
                && (currDefaults.captures().requestCaptures() > 0 || currDefaults.captures().responseCaptures() > 0)) {
            ctx.diag().alert(String.format("parsing [%s:%d]: backend or defaults sections cannot inherit from a defaults section defining"
                    + " capptures (defaults section at %s:%d).", line.file(), line.lineNo(), currDefaults.at().file(), currDefaults.at().line()));
            err |= ErrCode.ALERT | ErrCode.ABORT;
        }
        if (isDefaults) {
            state.lastDefaults(px);
            state.defaultsSections().add(px);
            if (!px.name().isEmpty()) {
                ctx.config().defaults().put(px.name(), px);
            }
            ctx.config().currentDefaults(px);
        } else {
            ctx.config().proxies().add(px);
        }
        state.current(px);
        return err;
    }

    private static final List<String> RULE_LISTS = List.of("http-request", "http-response", "http-after-response",
            "tcp-request connection", "tcp-request session", "tcp-request content", "tcp-response content");

    /**
     * A defaults section holding TCP/HTTP rules may only be used by frontends or by backends,
     * not both, never by listen or defaults sections (cfg_parse_listen()).
     */
    private int checkRulesInheritance(ParseContext ctx, Line line, ProxyBuilder def, Set<ProxyCapability> caps) {
        if (def == null || RULE_LISTS.stream().noneMatch(def::hasRules)) {
            return ErrCode.NONE;
        }
        String at = def.at().file() + ":" + def.at().line();
        boolean fe = caps.contains(ProxyCapability.FRONTEND);
        boolean be = caps.contains(ProxyCapability.BACKEND);
        String msg;
        if (caps.contains(ProxyCapability.DEFAULTS)) {
            msg = "a defaults section cannot inherit from a defaults section defining TCP/HTTP rules (defaults section at " + at + ").";
        } else if (fe && be) {
            msg = "a listen section cannot inherit from a defaults section defining TCP/HTTP rules.";
        } else if (state.rulesUsers(def) != null && !state.rulesUsers(def).equals(caps)) {
            msg = "frontends and backends cannot inherit from the same defaults section if it defines TCP/HTTP rules (defaults section at " + at + ").";
        } else if (!fe && (def.hasRules("tcp-request connection") || def.hasRules("tcp-request session"))) {
            msg = "a backend section cannot inherit from a defaults section defining 'tcp-request connection' or 'tcp-request session' rules (defaults section at " + at + ").";
        } else if (!be && def.hasRules("tcp-response content")) {
            msg = "a frontend section cannot inherit from a defaults section defining 'tcp-response content' rules (defaults section at " + at + ").";
        } else {
            state.rulesUsers(def, caps);
            return ErrCode.NONE;
        }
        ctx.diag().alert(String.format("parsing [%s:%d]: %s", line.file(), line.lineNo(), msg));
        return ErrCode.ALERT | ErrCode.ABORT;
    }

    /** proxy_find_by_name(): the first proxy of that name having the capability. */
    private static ProxyBuilder findProxy(ParseContext ctx, String name, ProxyCapability cap) {
        for (ProxyBuilder p : ctx.config().proxies()) {
            if (p.name().equals(name) && p.has(cap)) {
                return p;
            }
        }
        return null;
    }
}
