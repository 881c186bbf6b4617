package org.jhaproxy.config.section;

import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.config.addr.AddressParseResult;
import org.jhaproxy.config.addr.AddressParser;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.server.BindArguments;
import org.jhaproxy.config.global.TimeValue;
import org.jhaproxy.config.global.TooManyArgs;
import org.jhaproxy.config.log.LogTargetParser;
import org.jhaproxy.config.model.LogTarget;
import org.jhaproxy.config.model.NamedSection;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;
import org.jhaproxy.config.source.Section;

/**
 * The "log-forward" section (cfg_parse_log_forward() in log.c): a syslog relay receiving on
 * "bind" (stream) and "dgram-bind" (datagram) addresses and sending to its "log" targets. Its
 * listeners count for "-c" like a proxy's.
 */
public final class LogForwardSection implements Section {
    public static final String KIND = "log-forward";
    static final int DGRAM_ADDRESS = AddressParser.RESOLVE | AddressParser.PORT_OK | AddressParser.PORT_MAND
            | AddressParser.PORT_RANGE | AddressParser.SOCKET_FD | AddressParser.DGRAM;

    private NamedSection current;
    private final List<LogTarget> logs = new ArrayList<>();

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public int parse(ParseContext ctx, Line line) {
        String kw = line.keyword();
        switch (kw) {
            case "log-forward":
                return header(ctx, line);
            case "maxconn":
            case "backlog": {
                if (line.arg(1).isEmpty()) {
                    return ResolversSection.alert(ctx, line, String.format("'%s' expects an integer argument.", kw));
                }
                int err = TooManyArgs.alertIf(ctx, line, 1);
                if (err == ErrCode.NONE && current != null) {
                    current.set(kw, new Position(line.file(), line.lineNo()), List.of(line.arg(1)));
                }
                return err;
            }
            case "bind":
                return bind(ctx, line, ListenerAddress.OPTIONS, false);
            case "dgram-bind":
                return bind(ctx, line, DGRAM_ADDRESS, true);
            case "log": {
                int err = LogTargetParser.parseAndReport(ctx, line, logs, ctx.config().global().logTargets());
                if (current != null) {
                    current.logTargets().clear();
                    current.logTargets().addAll(logs);
                }
                return err;
            }
            case "timeout":
                return timeout(ctx, line);
            default:
                ctx.diag().alert(String.format("parsing [%s:%d] : unknown keyword '%s' in log-forward section.", line.file(), line.lineNo(), kw));
                return ErrCode.ALERT | ErrCode.ABORT;
        }
    }

    private int header(ParseContext ctx, Line line) {
        if (line.arg(1).isEmpty()) {
            ctx.diag().alert(String.format("parsing [%s:%d] : missing name for ip-forward section.", line.file(), line.lineNo()));
            return ErrCode.ALERT | ErrCode.ABORT;
        }
        int err = TooManyArgs.alertIf(ctx, line, 1);
        if (err != 0) {
            return err;
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
            ctx.diag().alert(String.format("Parsing [%s:%d]: log-forward section '%s' has the same name as another log-forward section "
                    + "declared at %s:%d.", line.file(), line.lineNo(), line.arg(1), other.at().file(), other.at().line()));
            err |= ErrCode.ALERT_FATAL;
        }
        for (ProxyBuilder p : ctx.config().proxies()) {
            if (p.name().equals(line.arg(1))) {
                ctx.diag().alert(String.format("Parsing [%s:%d]: log forward section '%s' has the same name as %s '%s' declared at %s:%d.",
                        line.file(), line.lineNo(), line.arg(1), p.typeName(), p.name(), p.at().file(), p.at().line()));
                err |= ErrCode.ALERT_FATAL;
                break;
            }
        }
        current = new NamedSection(KIND, line.arg(1), new Position(line.file(), line.lineNo()));
        all.put(current.name(), current);
        logs.clear();
        return err;
    }

    private int bind(ParseContext ctx, Line line, int options, boolean dgram) {
        AddressParseResult r = AddressParser.system(ctx.env()::get).parse(line.arg(1), options);
        if (!r.ok()) {
            ctx.diag().alert(String.format("parsing [%s:%d] : '%s %s' : %s", line.file(), line.lineNo(), line.keyword(), line.arg(1),
                    ListenerAddress.indent(r.error())));
            // str2listener() failing with a message is reported without failing the configuration
            return dgram ? ErrCode.ALERT_FATAL : ErrCode.NONE;
        }
        if (current != null) {
            current.addListener();
            current.receivers().add(new org.jhaproxy.config.model.LogForwardConfig.Receiver(dgram, line.arg(1), r.address(),
                    line.args().subList(2, line.count()), new Position(line.file(), line.lineNo())));
        }
        // the options of the listener are bind keywords: "bind" reports them like a proxy's
        // bind line, "dgram-bind" with log.c's own messages
        int listeners = BindArguments.listenerCount(r.address());
        if (dgram) {
            return BindArguments.parseReceiverOptions(ctx, line, 2, KIND, listeners);
        }
        // any report of the option parser, even a warning, fails the section in 2.6.12
        int err = BindArguments.parse(ctx, line, 2, KIND, listeners);
        return err == ErrCode.NONE ? err : err | ErrCode.ALERT_FATAL;
    }

    private int timeout(ParseContext ctx, Line line) {
        if (!line.arg(1).equals("client")) {
            return ResolversSection.alert(ctx, line, String.format("unknown keyword '%s %s' in log-forward section.", line.keyword(), line.arg(1)));
        }
        if (line.arg(2).isEmpty()) {
            return ResolversSection.alert(ctx, line, "missing timeout client value.");
        }
        TimeValue tv = TimeValue.parse(line.arg(2), TimeValue.MS, ctx.diag());
        String err = switch (tv.status()) {
            case OVERFLOW -> String.format("timer overflow in argument '%s' to 'timeout client' (maximum value is 2147483647 ms or ~24.8 days)",
                    line.arg(2));
            case UNDERFLOW -> String.format("timer underflow in argument '%s' to 'timeout client' (minimum non-null value is 1 ms)", line.arg(2));
            case BAD_CHAR -> null;
            default -> null;
        };
        if (tv.status() == TimeValue.Status.BAD_CHAR) {
            // HAProxy returns -1 here instead of error bits, which its file reader takes for
            // a file that could not be read
            return -1;
        }
        if (err != null) {
            return ResolversSection.alert(ctx, line, String.format("%s : %s", line.keyword(), err));
        }
        if (current != null) {
            current.set("timeout client", new Position(line.file(), line.lineNo()), List.of(Long.toString(tv.value())));
        }
        return ErrCode.NONE;
    }
}
