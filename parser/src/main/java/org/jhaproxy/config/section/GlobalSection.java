package org.jhaproxy.config.section;

import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.keyword.Keyword;
import org.jhaproxy.config.keyword.KeywordTable;
import org.jhaproxy.config.model.GlobalBuilder;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;
import org.jhaproxy.config.source.Section;

/** The "global" section (cfgparse-global.c). */
public final class GlobalSection implements Section {
    private final KeywordTable<GlobalBuilder> keywords;

    public GlobalSection(KeywordTable<GlobalBuilder> keywords) {
        this.keywords = keywords;
    }

    @Override
    public String name() {
        return "global";
    }

    @Override
    public int parse(ParseContext ctx, Line line) {
        if (line.keyword().equals("global")) {
            return org.jhaproxy.config.global.TooManyArgs.alertIf(ctx, line, 0);
        }
        Keyword<GlobalBuilder> kw = keywords.find(line.keyword());
        if (kw != null) {
            ctx.config().global().lines().add(line);
            return kw.handler().parse(ctx, line, ctx.config().global());
        }
        String best = org.jhaproxy.config.keyword.DidYouMean.bestMatch(line.keyword(),
                org.jhaproxy.config.global.GlobalKeywords.suggestionCandidates(keywords));
        if (best != null) {
            ctx.diag().alert(String.format("parsing [%s:%d] : unknown keyword '%s' in '%s' section; did you mean '%s' maybe ?",
                    line.file(), line.lineNo(), line.keyword(), "global", best));
        } else {
            ctx.diag().alert(String.format("parsing [%s:%d] : unknown keyword '%s' in '%s' section",
                    line.file(), line.lineNo(), line.keyword(), "global"));
        }
        return ErrCode.ALERT_FATAL;
    }
}
