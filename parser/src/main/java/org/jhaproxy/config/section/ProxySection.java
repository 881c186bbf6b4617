package org.jhaproxy.config.section;

import java.util.EnumSet;
import java.util.Set;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.keyword.Keyword;
import org.jhaproxy.config.keyword.KeywordTable;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;
import org.jhaproxy.config.source.Section;

/**
 * The proxy sections: "frontend", "backend", "listen" and "defaults" (cfgparse-listen.c). One
 * instance per section keyword; they share the keyword table and the proxy being parsed.
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
        Keyword<ProxyBuilder> kw = keywords.find(line.keyword());
        if (kw != null) {
            return kw.handler().parse(ctx, line, px);
        }
        String best = keywords.bestMatch(line.keyword());
        if (best != null) {
            ctx.diag().alert(String.format("parsing [%s:%d] : unknown keyword '%s' in '%s' section; did you mean '%s' maybe ?",
                    line.file(), line.lineNo(), line.keyword(), keyword, best));
        } else {
            ctx.diag().alert(String.format("parsing [%s:%d] : unknown keyword '%s' in '%s' section",
                    line.file(), line.lineNo(), line.keyword(), keyword));
        }
        return ErrCode.ALERT_FATAL;
    }

    private int header(ParseContext ctx, Line line) {
        Set<ProxyCapability> caps = switch (keyword) {
            case "frontend" -> EnumSet.of(ProxyCapability.FRONTEND);
            case "backend" -> EnumSet.of(ProxyCapability.BACKEND);
            case "listen" -> EnumSet.of(ProxyCapability.FRONTEND, ProxyCapability.BACKEND);
            default -> EnumSet.of(ProxyCapability.DEFAULTS);
        };
        ProxyBuilder px = new ProxyBuilder(keyword, line.arg(1), caps, new Position(line.file(), line.lineNo()));
        if (px.isDefaults()) {
            ctx.config().defaults().put(px.name(), px);
            ctx.config().currentDefaults(px);
        } else {
            ctx.config().proxies().add(px);
        }
        state.current(px);
        return ErrCode.NONE;
    }
}
