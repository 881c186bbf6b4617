package org.jhaproxy.config.section;

import java.util.List;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.global.CNumber;
import org.jhaproxy.config.log.LogTargetParser;
import org.jhaproxy.config.model.LogTarget;
import org.jhaproxy.config.model.NamedSection;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.source.KeywordModifier;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;
import org.jhaproxy.config.source.Section;

/**
 * The "fcgi-app" section (cfg_parse_fcgi_app() in fcgi-app.c): how a backend speaks FastCGI to
 * its application (docroot, index, path-info, parameters, headers, options).
 */
public final class FcgiAppSection implements Section {
    public static final String KIND = "fcgi-app";
    private NamedSection current;
    private final List<LogTarget> logs = new java.util.ArrayList<>();

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public int parse(ParseContext ctx, Line line) {
        int err = check(ctx, line);
        if (current != null && !line.keyword().equals(KIND) && (err & ErrCode.ALERT) == 0) {
            // what the runtime's FastCGI application reads (FcgiAppConfig), in the order of the file
            String kind = line.modifier() == KeywordModifier.NO ? "no " + line.keyword()
                    : line.modifier() == KeywordModifier.DEF ? "default " + line.keyword() : line.keyword();
            current.addEntry(new NamedSection.Entry(kind, line.arg(1), List.copyOf(line.args()),
                    new Position(line.file(), line.lineNo())));
        }
        return err;
    }

    private int check(ParseContext ctx, Line line) {
        String kw = line.keyword();
        switch (kw) {
            case "fcgi-app":
                return header(ctx, line);
            case "docroot":
                return needs(ctx, line, 1, "<path> as argument");
            case "path-info":
                return needs(ctx, line, 1, "<regex> as argument");
            case "index":
                return needs(ctx, line, 1, "<filename> as argument");
            case "acl":
                return ErrCode.NONE;
            case "set-param":
                return needs(ctx, line, 2, "<name> and <value> as arguments");
            case "unset-param":
            case "pass-header":
            case "hide-header":
                return needs(ctx, line, 1, "<name> as arguments");
            case "option":
                return option(ctx, line);
            case "log-stderr":
                return LogTargetParser.parseAndReport(ctx, line, current != null ? current.logTargets() : logs,
                        ctx.config().global().logTargets());
            default:
                return ResolversSection.alertNoSpace(ctx, line, String.format("unknown keyword '%s' in '%s' section", kw, KIND));
        }
    }

    private int header(ParseContext ctx, Line line) {
        if (line.arg(1).isEmpty()) {
            return ResolversSection.alertNoSpace(ctx, line, String.format("'%s' expects <name> as argument.", line.keyword()));
        }
        Character bad = SectionName.invalidChar(line.arg(1));
        if (bad != null) {
            return ResolversSection.alertNoSpace(ctx, line, String.format("character '%c' is not permitted in '%s' name '%s'.",
                    bad, line.keyword(), line.arg(1)));
        }
        var all = ctx.config().otherSections().of(KIND);
        NamedSection other = all.get(line.arg(1));
        if (other != null) {
            ctx.diag().alert(String.format("Parsing [%s:%d]: fcgi-app section '%s' has the same name as another one declared at %s:%d.",
                    line.file(), line.lineNo(), line.arg(1), other.at().file(), other.at().line()));
            return ErrCode.ALERT_FATAL;
        }
        current = new NamedSection(KIND, line.arg(1), new Position(line.file(), line.lineNo()));
        all.put(current.name(), current);
        return ErrCode.NONE;
    }

    private static int needs(ParseContext ctx, Line line, int n, String what) {
        if (line.arg(n).isEmpty()) {
            return ResolversSection.alert(ctx, line, String.format("'%s' expects %s.", line.keyword(), what));
        }
        return ErrCode.NONE;
    }

    private int option(ParseContext ctx, Line line) {
        String opt = line.arg(1);
        if (opt.isEmpty()) {
            return ResolversSection.alertNoSpace(ctx, line, String.format("'%s' expects an option name.", line.keyword()));
        }
        switch (opt) {
            case "keep-conn", "get-values", "mpxs-conns" -> {
                return ErrCode.NONE;
            }
            case "max-reqs" -> {
                if (line.modifier() != KeywordModifier.STD) {
                    return ResolversSection.alertNoSpace(ctx, line, String.format("negation/default is not supported for option '%s'.", opt));
                }
                if (line.arg(2).isEmpty()) {
                    return ResolversSection.alertNoSpace(ctx, line, String.format("option '%s' expects an integer argument.", opt));
                }
                if (CNumber.atoi(line.arg(2)) <= 0) {
                    return ResolversSection.alertNoSpace(ctx, line, String.format("option '%s' expects a strictly positive integer argument.", opt));
                }
                return ErrCode.NONE;
            }
            default -> {
                return ResolversSection.alert(ctx, line, String.format("unknown option '%s'.", opt));
            }
        }
    }
}
