package org.jhaproxy.config.section;

import java.util.List;
import org.jhaproxy.config.addr.AddressFamily;
import org.jhaproxy.config.addr.AddressParseResult;
import org.jhaproxy.config.addr.AddressParser;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.global.TimeValue;
import org.jhaproxy.config.model.NamedSection;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;
import org.jhaproxy.config.source.Section;

/**
 * The "mailers" section (cfg_parse_mailers() in cfgparse.c): SMTP servers for email alerts
 * ("mailer &lt;name&gt; &lt;addr&gt;:&lt;port&gt;") and "timeout mail".
 */
public final class MailersSection implements Section {
    public static final String KIND = "mailers";
    static final int MAILER_ADDRESS = AddressParser.RESOLVE | AddressParser.PORT_OK | AddressParser.PORT_MAND
            | AddressParser.STREAM | AddressParser.XPRT | AddressParser.CONNECT;
    private NamedSection current;

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public int parse(ParseContext ctx, Line line) {
        String kw = line.keyword();
        switch (kw) {
            case "mailers":
                return header(ctx, line);
            case "mailer":
                return mailer(ctx, line);
            case "timeout":
                return timeout(ctx, line);
            default:
                return ResolversSection.alert(ctx, line, String.format("unknown keyword '%s' in '%s' section", kw, KIND));
        }
    }

    private int header(ParseContext ctx, Line line) {
        if (line.arg(1).isEmpty()) {
            ctx.diag().alert(String.format("parsing [%s:%d] : missing name for mailers section.", line.file(), line.lineNo()));
            return ErrCode.ALERT | ErrCode.ABORT;
        }
        Character bad = SectionName.invalidChar(line.arg(1));
        if (bad != null) {
            ctx.diag().alert(String.format("parsing [%s:%d] : character '%c' is not permitted in '%s' name '%s'.",
                    line.file(), line.lineNo(), bad, line.keyword(), line.arg(1)));
            return ErrCode.ALERT | ErrCode.ABORT;
        }
        int err = ErrCode.NONE;
        var all = ctx.config().otherSections().of(KIND);
        NamedSection other = all.get(line.arg(1));
        if (other != null) {
            ctx.diag().alert(String.format("Parsing [%s:%d]: mailers section '%s' has the same name as another mailers section declared at %s:%d.",
                    line.file(), line.lineNo(), line.arg(1), other.at().file(), other.at().line()));
            err |= ErrCode.ALERT_FATAL;
        }
        current = new NamedSection(KIND, line.arg(1), new Position(line.file(), line.lineNo()));
        if (other == null) {
            all.put(current.name(), current);
        }
        return err;
    }

    private int mailer(ParseContext ctx, Line line) {
        if (line.arg(2).isEmpty()) {
            return ResolversSection.alert(ctx, line, String.format("'%s' expects <name> and <addr>[:<port>] as arguments.", line.keyword()));
        }
        Character bad = SectionName.invalidChar(line.arg(1));
        if (bad != null) {
            return ResolversSection.alert(ctx, line, String.format("character '%c' is not permitted in server name '%s'.", bad, line.arg(1)));
        }
        AddressParseResult r = AddressParser.system(ctx.env()::get).parse(line.arg(2), MAILER_ADDRESS);
        if (!r.ok()) {
            return ResolversSection.alert(ctx, line, String.format("'%s %s' : %s", line.keyword(), line.arg(1),
                    r.error().endsWith("\n") ? r.error() + "\n" : r.error()));
        }
        AddressFamily f = r.address().family();
        if (!f.isIp()) {
            return ResolversSection.alert(ctx, line, String.format("'%s %s' : TCP not supported for this address family.",
                    line.keyword(), line.arg(1)));
        }
        current.addEntry(new NamedSection.Entry("mailer", line.arg(1), List.of(line.arg(2)), new Position(line.file(), line.lineNo())));
        return ErrCode.NONE;
    }

    private int timeout(ParseContext ctx, Line line) {
        if (line.arg(1).isEmpty()) {
            return ResolversSection.alert(ctx, line, String.format("'%s' expects 'mail' and <time> as arguments.", line.keyword()));
        }
        if (!line.arg(1).equals("mail")) {
            return ResolversSection.alert(ctx, line, String.format("'%s' expects 'mail' and <time> as arguments got '%s'.",
                    line.keyword(), line.arg(1)));
        }
        if (line.arg(2).isEmpty()) {
            return ResolversSection.alert(ctx, line, String.format("'%s %s' expects <time> as argument.", line.keyword(), line.arg(1)));
        }
        TimeValue tv = TimeValue.parse(line.arg(2), TimeValue.MS, ctx.diag());
        String target = line.keyword() + " " + line.arg(1);
        return switch (tv.status()) {
            case OVERFLOW -> ResolversSection.alertNoSpace(ctx, line, String.format(
                    "timer overflow in argument <%s> to <%s>, maximum value is 2147483647 ms (~24.8 days).", line.arg(2), target));
            case UNDERFLOW -> ResolversSection.alertNoSpace(ctx, line, String.format(
                    "timer underflow in argument <%s> to <%s>, minimum non-null value is 1 ms.", line.arg(2), target));
            case BAD_CHAR -> ResolversSection.alertNoSpace(ctx, line, String.format("unexpected character '%c' in argument to <%s>.",
                    tv.badChar(), target));
            default -> ErrCode.NONE;
        };
    }
}
