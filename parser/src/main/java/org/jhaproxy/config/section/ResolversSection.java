package org.jhaproxy.config.section;

import java.util.List;
import org.jhaproxy.config.addr.AddressParseResult;
import org.jhaproxy.config.addr.AddressParser;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.global.CNumber;
import org.jhaproxy.config.global.TimeValue;
import org.jhaproxy.config.model.NamedSection;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;
import org.jhaproxy.config.source.Section;

/**
 * The "resolvers" section (cfg_parse_resolvers() in resolvers.c): nameservers, hold periods,
 * timeouts, retries and the accepted payload size. Servers find their resolvers here by name.
 */
public final class ResolversSection implements Section {
    public static final String KIND = "resolvers";
    static final int NAMESERVER_ADDRESS = AddressParser.RESOLVE | AddressParser.PORT_OK | AddressParser.PORT_MAND
            | AddressParser.DGRAM | AddressParser.STREAM | AddressParser.DEFAULT_DGRAM;
    private static final int DNS_HEADER_SIZE = 12;
    private static final int DNS_MAX_UDP_MESSAGE = 65535;

    private NamedSection current;

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public int postParse(ParseContext ctx) {
        current = null;
        return ErrCode.NONE;
    }

    @Override
    public int parse(ParseContext ctx, Line line) {
        String kw = line.keyword();
        switch (kw) {
            case "resolvers":
                return header(ctx, line);
            case "nameserver":
                return nameserver(ctx, line);
            case "parse-resolv-conf":
                current.set(kw, pos(line), List.of());
                return ErrCode.NONE;
            case "hold":
                return hold(ctx, line);
            case "accepted_payload_size": {
                if (line.arg(1).isEmpty()) {
                    return alert(ctx, line, String.format("'%s' expects <nb> as argument.", kw));
                }
                int i = CNumber.atoi(line.arg(1));
                if (i < DNS_HEADER_SIZE || i > DNS_MAX_UDP_MESSAGE) {
                    return alert(ctx, line, String.format("'%s' must be between %d and %d inclusive (was %s).", kw, DNS_HEADER_SIZE,
                            DNS_MAX_UDP_MESSAGE, line.arg(1)));
                }
                current.set(kw, pos(line), List.of(line.arg(1)));
                return ErrCode.NONE;
            }
            case "resolution_pool_size":
                return alert(ctx, line, String.format("'%s' directive is not supported anymore (it never appeared in a stable release).", kw));
            case "resolve_retries":
                if (line.arg(1).isEmpty()) {
                    return alert(ctx, line, String.format("'%s' expects <nb> as argument.", kw));
                }
                current.set(kw, pos(line), List.of(String.valueOf(CNumber.atoi(line.arg(1)))));
                return ErrCode.NONE;
            case "timeout":
                return timeout(ctx, line);
            default:
                return alert(ctx, line, String.format("unknown keyword '%s' in '%s' section", kw, KIND));
        }
    }

    private int header(ParseContext ctx, Line line) {
        if (line.arg(1).isEmpty()) {
            ctx.diag().alert(String.format("parsing [%s:%d] : missing name for resolvers section.", line.file(), line.lineNo()));
            return ErrCode.ALERT | ErrCode.ABORT;
        }
        Character bad = SectionName.invalidChar(line.arg(1));
        if (bad != null) {
            ctx.diag().alert(String.format("parsing [%s:%d] : character '%c' is not permitted in '%s' name '%s'.",
                    line.file(), line.lineNo(), bad, line.keyword(), line.arg(1)));
            return ErrCode.ALERT | ErrCode.ABORT;
        }
        var all = ctx.config().otherSections().of(KIND);
        NamedSection other = all.get(line.arg(1));
        if (other != null) {
            ctx.diag().alert(String.format("Parsing [%s:%d]: resolvers '%s' has same name as another resolvers (declared at %s:%d).",
                    line.file(), line.lineNo(), line.arg(1), other.at().file(), other.at().line()));
            // resolvers_new() is still called and its ERR_ALERT test sees the duplicate's bits
            ctx.diag().alert(String.format("parsing [%s:%d] : out of memory.", line.file(), line.lineNo()));
            return ErrCode.ALERT | ErrCode.ABORT;
        }
        current = new NamedSection(KIND, line.arg(1), pos(line));
        all.put(current.name(), current);
        return ErrCode.NONE;
    }

    private int nameserver(ParseContext ctx, Line line) {
        if (line.arg(2).isEmpty()) {
            return alert(ctx, line, String.format("'%s' expects <name> and <addr>[:<port>] as arguments.", line.keyword()));
        }
        Character bad = SectionName.invalidChar(line.arg(1));
        if (bad != null) {
            return alert(ctx, line, String.format("character '%c' is not permitted in server name '%s'.", bad, line.arg(1)));
        }
        int err = ErrCode.NONE;
        NamedSection.Entry other = current.entry("nameserver", line.arg(1));
        if (other != null) {
            ctx.diag().alert(String.format("Parsing [%s:%d]: nameserver '%s' has same name as another nameserver (declared at %s:%d).",
                    line.file(), line.lineNo(), line.arg(1), other.at().file(), other.at().line()));
            err |= ErrCode.ALERT_FATAL;
        }
        AddressParseResult r = AddressParser.system(ctx.env()::get).parse(line.arg(2), NAMESERVER_ADDRESS);
        if (!r.ok()) {
            return err | alert(ctx, line, String.format("'%s %s' : %s", line.keyword(), line.arg(1),
                    r.error().endsWith("\n") ? r.error() + "\n" : r.error()));
        }
        if (other == null) {
            current.addEntry(new NamedSection.Entry("nameserver", line.arg(1), List.of(line.arg(2)), pos(line)));
        }
        return err;
    }

    private int hold(ParseContext ctx, Line line) {
        if (line.arg(2).isEmpty()) {
            ctx.diag().alert(String.format("parsing [%s:%d] : '%s' expects an <event> and a <time> as arguments.", line.file(), line.lineNo(),
                    line.keyword()));
            ctx.diag().alert("<event> can be either 'valid', 'nx', 'refused', 'timeout', or 'other'");
            return ErrCode.ALERT_FATAL;
        }
        int err = timer(ctx, line, line.arg(2), line.arg(1), "<%s>", line.keyword());
        if (err != 0) {
            return err;
        }
        if (!List.of("nx", "other", "refused", "timeout", "valid", "obsolete").contains(line.arg(1))) {
            return alert(ctx, line, String.format("'%s' unknown <event>: '%s', expects either 'nx', 'timeout', 'valid', 'obsolete' or 'other'.",
                    line.keyword(), line.arg(1)));
        }
        // the runtime reads "hold valid" and the other events by this key
        current.set("hold " + line.arg(1), pos(line), List.of(line.arg(2)));
        return ErrCode.NONE;
    }

    private int timeout(ParseContext ctx, Line line) {
        String kw = line.keyword();
        if (line.arg(1).isEmpty()) {
            return alert(ctx, line, String.format("'%s' expects 'retry' or 'resolve' and <time> as arguments.", kw));
        }
        if (!line.arg(1).equals("retry") && !line.arg(1).equals("resolve")) {
            return alert(ctx, line, String.format("'%s' expects 'retry' or 'resolve' and <time> as arguments got '%s'.", kw, line.arg(1)));
        }
        if (line.arg(2).isEmpty()) {
            return alert(ctx, line, String.format("'%s %s' expects <time> as argument.", kw, line.arg(1)));
        }
        int err = timer(ctx, line, line.arg(2), line.arg(2), "<%s>", kw + " " + line.arg(1));
        if (err == ErrCode.NONE) {
            current.set(kw + " " + line.arg(1), pos(line), List.of(line.arg(2)));
        }
        return err;
    }

    /** The three timer errors of this section; {@code shown} is the argument the overflow messages name. */
    private static int timer(ParseContext ctx, Line line, String value, String shown, String fmt, String what) {
        TimeValue tv = TimeValue.parse(value, TimeValue.MS, ctx.diag());
        String target = String.format(fmt, what);
        return switch (tv.status()) {
            case OVERFLOW -> alertNoSpace(ctx, line, String.format("timer overflow in argument <%s> to %s, maximum value is 2147483647 ms (~24.8 days).",
                    shown, target));
            case UNDERFLOW -> alertNoSpace(ctx, line, String.format("timer underflow in argument <%s> to %s, minimum non-null value is 1 ms.",
                    shown, target));
            case BAD_CHAR -> alertNoSpace(ctx, line, String.format("unexpected character '%c' in argument to %s.", tv.badChar(), target));
            default -> ErrCode.NONE;
        };
    }

    private static Position pos(Line line) {
        return new Position(line.file(), line.lineNo());
    }

    static int alert(ParseContext ctx, Line line, String text) {
        ctx.diag().alert(String.format("parsing [%s:%d] : %s", line.file(), line.lineNo(), text));
        return ErrCode.ALERT_FATAL;
    }

    static int alertNoSpace(ParseContext ctx, Line line, String text) {
        ctx.diag().alert(String.format("parsing [%s:%d]: %s", line.file(), line.lineNo(), text));
        return ErrCode.ALERT_FATAL;
    }
}
