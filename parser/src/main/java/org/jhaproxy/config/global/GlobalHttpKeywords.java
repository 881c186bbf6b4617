package org.jhaproxy.config.global;

import static org.jhaproxy.config.global.ModuleKeyword.handler;
import static org.jhaproxy.config.global.ModuleKeyword.tooMany;

import java.util.HashSet;
import java.util.Set;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.global.ModuleKeyword.Outcome;
import org.jhaproxy.config.keyword.KeywordHandler;
import org.jhaproxy.config.model.GlobalBuilder;
import org.jhaproxy.config.source.Line;

/**
 * Global keywords of the HTTP modules: the H2 settings (mux_h2.c), H1 header case adjustment
 * (mux_h1.c) and the internal HTTP client (http_client.c).
 */
final class GlobalHttpKeywords {
    private GlobalHttpKeywords() {
    }

    static KeywordHandler<GlobalBuilder> h2Setting(int min, int max) {
        return handler((ctx, line, g) -> {
            Outcome tm = tooMany(line, 1);
            if (tm != null) {
                return tm;
            }
            int v = CNumber.atoi(line.arg(1));
            if (v < min || v > max) {
                return max == Integer.MAX_VALUE
                        ? Outcome.error("'%s' expects a positive numeric value.", line.keyword())
                        : Outcome.error("'%s' expects a numeric value between %d and %d.", line.keyword(), min, max);
            }
            return Outcome.OK;
        });
    }

    /** h1-case-adjust &lt;from&gt; &lt;to&gt;: the two names may only differ by case, once per name. */
    static KeywordHandler<GlobalBuilder> caseAdjust() {
        Set<String> unused = new HashSet<>();
        return handler((ctx, line, g) -> {
            Outcome tm = tooMany(line, 2);
            if (tm != null) {
                return tm;
            }
            if (line.arg(1).isEmpty() || line.arg(2).isEmpty()) {
                return Outcome.error("'%s' expects <from> and <to> as argument.", line.keyword());
            }
            if (!line.arg(1).equalsIgnoreCase(line.arg(2))) {
                return Outcome.error("<from> and <to> must not differ execpt the case");
            }
            String key = "h1-case-adjust " + line.arg(1).toLowerCase(java.util.Locale.ROOT);
            if (g.isSet(key)) {
                return Outcome.error("duplicate entry '%s'", line.arg(1));
            }
            g.set(key, new org.jhaproxy.config.model.Position(line.file(), line.lineNo()), java.util.List.of(line.arg(2)));
            return Outcome.OK;
        });
    }

    static Outcome caseAdjustFile(Line line) {
        Outcome tm = tooMany(line, 1);
        if (tm != null) {
            return tm;
        }
        if (line.arg(1).isEmpty()) {
            return Outcome.error("'%s' expects <file> as argument.", line.keyword());
        }
        return Outcome.OK;
    }

    /**
     * httpclient.resolvers.prefer / httpclient.ssl.verify: their parsers print their own alert
     * and return an error without a message, which cfg_parse_global() prints as "(null)".
     */
    static KeywordHandler<GlobalBuilder> httpclientChoice(String a, String b) {
        return (ctx, line, g) -> {
            String tm = TooManyArgs.message(line, 1);
            if (tm != null) {
                ctx.diag().alert(String.format("parsing [%s:%d] : %s", line.file(), line.lineNo(), tm));
                return ErrCode.ALERT_FATAL;
            }
            if (!line.arg(1).equals(a) && !line.arg(1).equals(b)) {
                ctx.diag().alert(String.format("parsing [%s:%d] : '%s' expects '%s' or '%s' as argument.", line.file(), line.lineNo(),
                        line.keyword(), a, b));
                ctx.diag().alert(String.format("parsing [%s:%d] : (null)", line.file(), line.lineNo()));
                return ErrCode.ALERT_FATAL;
            }
            GlobalInt.record(line, g);
            return ErrCode.NONE;
        };
    }

    static Outcome oneArg(Line line) {
        Outcome tm = tooMany(line, 1);
        return tm != null ? tm : Outcome.OK;
    }
}
