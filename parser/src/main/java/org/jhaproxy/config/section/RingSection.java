package org.jhaproxy.config.section;

import java.util.List;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.global.CNumber;
import org.jhaproxy.config.global.TimeValue;
import org.jhaproxy.config.model.NamedSection;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;
import org.jhaproxy.config.source.Section;

/**
 * The "ring" section (cfg_parse_ring() and cfg_post_parse_ring() in sink.c, HAProxy 2.6.12):
 * a named in-memory log buffer, optionally forwarded to servers. Ring names share the sink
 * namespace with the built-in "stdout", "stderr" and "buf0".
 */
public final class RingSection implements Section {
    public static final String KIND = "ring";
    private static final List<String> BUILTIN_SINKS = List.of("stdout", "stderr", "buf0");
    private static final List<String> FORMATS = List.of("local", "rfc3164", "rfc5424", "priority", "short", "timed", "iso", "raw");
    private static final long DEFAULT_SIZE = 16384;

    private NamedSection current;
    private long size;
    private long maxLen;

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public int parse(ParseContext ctx, Line line) {
        String kw = line.keyword();
        if (kw.equals("ring")) {
            return header(ctx, line);
        }
        switch (kw) {
            case "size": {
                long v = CNumber.atol(line.arg(1));
                if (v == 0) {
                    return alert(ctx, line, String.format("invalid size '%s' for new sink buffer.", line.arg(1)));
                }
                if (current == null) {
                    return alert(ctx, line, String.format("fail to set sink buffer size '%s'.", line.arg(1)));
                }
                if (Long.compareUnsigned(v, size) < 0) {
                    ctx.diag().warning(String.format("parsing [%s:%d] : ignoring new size '%d' that is smaller than current size '%d' for ring '%s'.",
                            line.file(), line.lineNo(), v, size, current.name()));
                    // 2.6.12 leaves through its error path here: the warning fails the configuration
                    return ErrCode.WARN | ErrCode.FATAL;
                }
                size = v;
                current.set("size", pos(line), List.of(Long.toUnsignedString(v)));
                return ErrCode.NONE;
            }
            case "server":
                if (current != null) {
                    current.addEntry(new NamedSection.Entry("server", line.arg(1), line.args().subList(1, line.count()), pos(line)));
                }
                return ErrCode.NONE;
            case "timeout":
                return timeout(ctx, line);
            case "format":
                if (current == null) {
                    return alert(ctx, line, String.format("unable to set format '%s'.", line.arg(1)));
                }
                if (!FORMATS.contains(line.arg(1))) {
                    return alert(ctx, line, String.format("unknown format '%s'.", line.arg(1)));
                }
                current.set("format", pos(line), List.of(line.arg(1)));
                return ErrCode.NONE;
            case "maxlen": {
                if (current == null) {
                    return alert(ctx, line, String.format("unable to set event max length '%s'.", line.arg(1)));
                }
                long v = CNumber.atol(line.arg(1));
                if (v == 0) {
                    return alert(ctx, line, String.format("invalid size '%s' for new sink buffer.", line.arg(1)));
                }
                maxLen = v & 0xFFFFFFFFL;
                current.set("maxlen", pos(line), List.of(Long.toString(maxLen)));
                return ErrCode.NONE;
            }
            case "description":
                if (current == null) {
                    return alert(ctx, line, String.format("unable to set description '%s'.", line.arg(1)));
                }
                if (line.arg(1).isEmpty()) {
                    return alert(ctx, line, "missing ring description text.");
                }
                current.set("description", pos(line), List.of(line.arg(1)));
                return ErrCode.NONE;
            default:
                return alert(ctx, line, String.format("unknown statement '%s'.", kw));
        }
    }

    private int header(ParseContext ctx, Line line) {
        current = null;
        String name = line.arg(1);
        if (name.isEmpty()) {
            return alert(ctx, line, "missing ring name.");
        }
        Character bad = SectionName.invalidChar(name);
        if (bad != null) {
            return alert(ctx, line, String.format("invalid ring name '%s' (character '%c' is not permitted).", name, bad));
        }
        var all = ctx.config().otherSections().of(KIND);
        if (BUILTIN_SINKS.contains(name) || all.containsKey(name)) {
            return alert(ctx, line, String.format("sink named '%s' already exists.", name));
        }
        current = new NamedSection(KIND, name, pos(line));
        all.put(name, current);
        size = DEFAULT_SIZE;
        maxLen = DEFAULT_SIZE;
        return ErrCode.NONE;
    }

    private int timeout(ParseContext ctx, Line line) {
        if (current == null) {
            return alert(ctx, line, String.format("unable to set timeout '%s'.", line.arg(1)));
        }
        if (!line.arg(1).equals("connect") && !line.arg(1).equals("server")) {
            return ErrCode.NONE;
        }
        if (line.arg(2).isEmpty()) {
            return alert(ctx, line, String.format("'%s %s' expects <time> as argument.", line.keyword(), line.arg(1)));
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
            default -> {
                current.set(target, pos(line), List.of(Long.toString(tv.value())));
                yield ErrCode.NONE;
            }
        };
    }

    @Override
    public int postParse(ParseContext ctx) {
        int err = ErrCode.NONE;
        if (current != null && maxLen > size) {
            ctx.diag().warning(String.format("ring '%s' event max length '%d' exceeds size, forced to size '%d'.", current.name(), maxLen, size));
            current.set("maxlen", current.at(), List.of(Long.toString(size)));
            err |= ErrCode.ALERT;
        }
        current = null;
        return err;
    }

    private static Position pos(Line line) {
        return new Position(line.file(), line.lineNo());
    }

    private static int alert(ParseContext ctx, Line line, String text) {
        return ResolversSection.alert(ctx, line, text);
    }
}
