package org.jhaproxy.config.global;

import static org.jhaproxy.config.global.ModuleKeyword.handler;
import static org.jhaproxy.config.global.ModuleKeyword.tooMany;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jhaproxy.config.global.ModuleKeyword.Outcome;
import org.jhaproxy.config.keyword.KeywordTable;
import org.jhaproxy.config.model.GlobalBuilder;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * The global keywords of the Lua module (hlua.c). HAProxy loads and runs each script while it
 * parses; jhaproxy cannot run Lua, so it reports what luaL_loadfile() reports about the file
 * itself (missing, unreadable) and keeps the path.
 */
final class GlobalLuaKeywords {
    private GlobalLuaKeywords() {
    }

    static void register(KeywordTable<GlobalBuilder> t) {
        t.add("lua-prepend-path", "lua-prepend-path <path> [path|cpath]", handler((ctx, line, g) -> {
            Outcome tm = tooMany(line, 2);
            if (tm != null) {
                return tm;
            }
            if (line.arg(1).isEmpty()) {
                return Outcome.error("'%s' expects to receive a <path> as argument", line.keyword());
            }
            if (!line.arg(2).isEmpty() && !line.arg(2).equals("path") && !line.arg(2).equals("cpath")) {
                return Outcome.error("'%s' expects <type> to either be 'path' or 'cpath'", line.keyword());
            }
            return Outcome.OK;
        }));
        t.add("lua-load", "lua-load <file>", handler((ctx, line, g) -> load(ctx, line, "'%s' expects a file name as parameter.")));
        t.add("lua-load-per-thread", "lua-load-per-thread <file>", handler((ctx, line, g) -> load(ctx, line,
                "'%s' expects a file as parameter.")));
        t.add("tune.lua.session-timeout", "tune.lua.session-timeout <time>", handler(GlobalLuaKeywords::timeout));
        t.add("tune.lua.task-timeout", "tune.lua.task-timeout <time>", handler(GlobalLuaKeywords::timeout));
        t.add("tune.lua.service-timeout", "tune.lua.service-timeout <time>", handler(GlobalLuaKeywords::timeout));
        t.add("tune.lua.forced-yield", "tune.lua.forced-yield <number>", handler((ctx, line, g) -> {
            if (!allDigits(line.arg(1))) {
                return Outcome.error("%s: invalid number", line.keyword());
            }
            return Outcome.OK;
        }));
        t.add("tune.lua.maxmem", "tune.lua.maxmem <MB>", handler((ctx, line, g) -> {
            String v = line.arg(1);
            if (v.isEmpty()) {
                return Outcome.error("'%s' expects an integer argument (Lua memory size in MB).", line.keyword());
            }
            int bad = firstNonNumber(v);
            if (bad >= 0) {
                return Outcome.error("%s: invalid number %s (error at '%c')", line.keyword(), v, v.charAt(bad));
            }
            return Outcome.OK;
        }));
    }

    private static Outcome load(ParseContext ctx, Line line, String expects) {
        String file = line.arg(1);
        if (file.isEmpty()) {
            return Outcome.error(expects, line.keyword());
        }
        Path p = ctx.env().resolve(file);
        if (!Files.exists(p)) {
            return Outcome.error("error in Lua file '%s': cannot open %s: No such file or directory", file, file);
        }
        if (!Files.isReadable(p)) {
            return Outcome.error("error in Lua file '%s': cannot open %s: Permission denied", file, file);
        }
        if (Files.isDirectory(p)) {
            return Outcome.error("error in Lua file '%s': cannot read %s: Is a directory", file, file);
        }
        return Outcome.OK;
    }

    private static Outcome timeout(ParseContext ctx, Line line, GlobalBuilder g) {
        TimeValue tv = TimeValue.parse(line.arg(1), TimeValue.MS, ctx.diag());
        return switch (tv.status()) {
            case OVERFLOW -> Outcome.error("timer overflow in argument <%s> to <%s> (maximum value is 2147483647 ms or ~24.8 days)",
                    line.arg(1), line.keyword());
            case UNDERFLOW -> Outcome.error("timer underflow in argument <%s> to <%s> (minimum non-null value is 1 ms)",
                    line.arg(1), line.keyword());
            case BAD_CHAR -> Outcome.error("%s: invalid timeout", line.keyword());
            default -> Outcome.OK;
        };
    }

    /** strtoll() consumed the whole text (an empty text is a valid 0). */
    private static boolean allDigits(String v) {
        return firstNonNumber(v) < 0;
    }

    /** Where strtoll() stops, or -1 when it reads to the end. */
    private static int firstNonNumber(String v) {
        int i = 0;
        while (i < v.length() && CNumber.isSpace(v.charAt(i))) {
            i++;
        }
        int start = i;
        if (i < v.length() && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
            i++;
        }
        int digits = i;
        while (i < v.length() && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
            i++;
        }
        if (i == digits) {
            // no digits: strtoll() leaves the end pointer at the start
            return v.isEmpty() ? -1 : 0;
        }
        return i == v.length() ? -1 : i;
    }
}
