package org.jhaproxy.config.section;

import java.util.List;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.global.TooManyArgs;
import org.jhaproxy.config.model.NamedSection;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;
import org.jhaproxy.config.source.Section;

/**
 * The "cache" section (cfg_parse_cache() and cfg_post_parse_section_cache() in cache.c). Most
 * value errors there are warnings that nevertheless abort the file (ERR_ABORT without ERR_ALERT),
 * and a cache without "total-max-size" is refused when its section ends.
 */
public final class CacheSection implements Section {
    public static final String KIND = "cache";
    private static final long CACHE_BLOCKSIZE = 1024;

    private NamedSection current;
    private long maxBlocks;
    private long maxObjSize;

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public int parse(ParseContext ctx, Line line) {
        String kw = line.keyword();
        if (!kw.equals("cache") && current == null) {
            // lines of a cache section whose header was rejected
            return ErrCode.NONE;
        }
        if (current != null && !kw.equals("cache") && !(kw.equals("process-vary")
                && !line.arg(1).equals("on") && !line.arg(1).equals("off"))) {
            // what the runtime's cache reads (CacheConfig); a line in error aborts the file anyway
            current.set(kw, new Position(line.file(), line.lineNo()), List.of(line.arg(1)));
        }
        switch (kw) {
            case "cache": {
                if (line.arg(1).isEmpty()) {
                    ctx.diag().alert(String.format("parsing [%s:%d] : '%s' expects a <name> argument", line.file(), line.lineNo(), kw));
                    return ErrCode.ALERT | ErrCode.ABORT;
                }
                int err = TooManyArgs.alertIf(ctx, line, 1);
                if (err != 0) {
                    return err | ErrCode.ABORT;
                }
                if (current == null) {
                    String id = line.arg(1).length() > 32 ? line.arg(1).substring(0, 32) : line.arg(1);
                    if (line.arg(1).length() > 32) {
                        warn(ctx, line, String.format("cache name is limited to 32 characters, truncate to '%s'.", id));
                        err |= ErrCode.WARN;
                    }
                    var all = ctx.config().otherSections().of(KIND);
                    if (all.containsKey(id)) {
                        ctx.diag().alert(String.format("parsing [%s:%d]: Duplicate cache name '%s'.", line.file(), line.lineNo(), id));
                        return err | ErrCode.ALERT | ErrCode.ABORT;
                    }
                    current = new NamedSection(KIND, id, new Position(line.file(), line.lineNo()));
                    maxBlocks = 0;
                    maxObjSize = 0;
                }
                return err;
            }
            case "total-max-size": {
                int err = tooMany(ctx, line);
                if (err != 0) {
                    return err;
                }
                Long v = strtoul(line.arg(1));
                if (v == null) {
                    warn(ctx, line, String.format("total-max-size wrong value '%s'", line.arg(1)));
                    return ErrCode.ABORT;
                }
                if (Long.compareUnsigned(v, 0xFFFFFFFFL >> 20) > 0) {
                    warn(ctx, line, String.format("\"total-max-size\" (%s) must not be greater than %d", line.arg(1), 0xFFFFFFFFL >> 20));
                    return ErrCode.ABORT;
                }
                maxBlocks = v * 1024 * 1024 / CACHE_BLOCKSIZE;
                return ErrCode.NONE;
            }
            case "max-age": {
                int err = tooMany(ctx, line);
                if (err != 0) {
                    return err;
                }
                if (line.arg(1).isEmpty()) {
                    warn(ctx, line, String.format("'%s' expects an age parameter in seconds.", kw));
                    return ErrCode.WARN;
                }
                return ErrCode.NONE;
            }
            case "max-object-size": {
                int err = tooMany(ctx, line);
                if (err != 0) {
                    return err;
                }
                if (line.arg(1).isEmpty()) {
                    warn(ctx, line, String.format("'%s' expects a maximum file size parameter in bytes.", kw));
                    err |= ErrCode.WARN;
                }
                Long v = strtoul(line.arg(1));
                if (v == null) {
                    warn(ctx, line, String.format("max-object-size wrong value '%s'", line.arg(1)));
                    return err | ErrCode.ABORT;
                }
                maxObjSize = v & 0xFFFFFFFFL;
                return err;
            }
            case "process-vary": {
                int err = tooMany(ctx, line);
                if (err != 0) {
                    return err;
                }
                String msg = String.format("'%s' expects \"on\" or \"off\" (enable or disable vary processing).", kw);
                if (line.arg(1).isEmpty()) {
                    warn(ctx, line, msg);
                    err |= ErrCode.WARN;
                }
                if (!line.arg(1).equals("on") && !line.arg(1).equals("off")) {
                    warn(ctx, line, msg);
                    err |= ErrCode.WARN;
                }
                return err;
            }
            case "max-secondary-entries": {
                int err = tooMany(ctx, line);
                if (err != 0) {
                    return err;
                }
                if (line.arg(1).isEmpty()) {
                    warn(ctx, line, String.format("'%s' expects a strictly positive number.", kw));
                    err |= ErrCode.WARN;
                }
                Long v = strtoul(line.arg(1));
                if (v == null || (v & 0xFFFFFFFFL) == 0) {
                    warn(ctx, line, String.format("max-secondary-entries wrong value '%s'", line.arg(1)));
                    return err | ErrCode.ABORT;
                }
                return err;
            }
            default:
                ctx.diag().alert(String.format("parsing [%s:%d] : unknown keyword '%s' in 'cache' section", line.file(), line.lineNo(), kw));
                return ErrCode.ALERT_FATAL;
        }
    }

    @Override
    public int postParse(ParseContext ctx) {
        if (current == null) {
            return ErrCode.NONE;
        }
        NamedSection done = current;
        current = null;
        if (maxBlocks <= 0) {
            ctx.diag().alert(String.format("Size not specified for cache '%s'", done.name()));
            return ErrCode.ALERT_FATAL;
        }
        long half = maxBlocks * CACHE_BLOCKSIZE / 2;
        if (maxObjSize != 0 && maxObjSize > half) {
            ctx.diag().alert(String.format("\"max-object-size\" is limited to an half of \"total-max-size\" => %d", half & 0xFFFFFFFFL));
            return ErrCode.ALERT_FATAL;
        }
        ctx.config().otherSections().of(KIND).put(done.name(), done);
        return ErrCode.NONE;
    }

    private static int tooMany(ParseContext ctx, Line line) {
        int err = TooManyArgs.alertIf(ctx, line, 1);
        return err != 0 ? err | ErrCode.ABORT : 0;
    }

    private static void warn(ParseContext ctx, Line line, String text) {
        ctx.diag().warning(String.format("parsing [%s:%d]: %s", line.file(), line.lineNo(), text));
    }

    /** strtoul() that must consume the whole, non-empty text (a leading '-' wraps like C). */
    static Long strtoul(String s) {
        String t = s.stripLeading();
        int i = 0;
        boolean neg = false;
        if (!t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-')) {
            neg = t.charAt(0) == '-';
            i = 1;
        }
        if (i >= t.length()) {
            return null;
        }
        for (int j = i; j < t.length(); j++) {
            if (t.charAt(j) < '0' || t.charAt(j) > '9') {
                return null;
            }
        }
        try {
            long v = Long.parseUnsignedLong(t.substring(i));
            return neg ? -v : v;
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    static List<String> keywords() {
        return List.of("cache", "total-max-size", "max-age", "max-object-size", "process-vary", "max-secondary-entries");
    }
}
