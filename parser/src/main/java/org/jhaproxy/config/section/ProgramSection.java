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
 * The "program" section (cfg_parse_program() in mworker-prog.c): an external command the
 * master process starts. Its post-parse check (every program has a command, and programs
 * need master-worker mode) is {@link ProgramPostCheck}.
 */
public final class ProgramSection implements Section {
    public static final String KIND = "program";
    private NamedSection current;

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public int parse(ParseContext ctx, Line line) {
        String kw = line.keyword();
        switch (kw) {
            case "program": {
                int err = TooManyArgs.alertIf(ctx, line, 1);
                if (err != 0) {
                    return err | ErrCode.ABORT;
                }
                if (line.arg(1).isEmpty()) {
                    ctx.diag().alert(String.format("parsing [%s:%d] : '%s' expects an <id> argument", line.file(), line.lineNo(), kw));
                    return ErrCode.ALERT | ErrCode.ABORT;
                }
                var all = ctx.config().otherSections().of(KIND);
                if (all.containsKey(line.arg(1))) {
                    ctx.diag().alert(String.format("parsing [%s:%d]: '%s' program section already exists in the configuration.",
                            line.file(), line.lineNo(), line.arg(1)));
                    return ErrCode.ALERT | ErrCode.ABORT;
                }
                current = new NamedSection(KIND, line.arg(1), pos(line));
                all.put(current.name(), current);
                return ErrCode.NONE;
            }
            case "command":
                if (line.arg(1).isEmpty()) {
                    return noSpace(ctx, line, String.format("'%s' expects a command with optional arguments separated in words.", kw));
                }
                current.set("command", pos(line), line.args().subList(1, line.count()));
                return ErrCode.NONE;
            case "option":
                if (line.arg(1).isEmpty()) {
                    return noSpace(ctx, line, String.format("'%s' expects an option name.", kw));
                }
                if (line.arg(1).equals("start-on-reload")) {
                    return TooManyArgs.alertIf(ctx, line, 0, 1);
                }
                return ResolversSection.alert(ctx, line, String.format("unknown option '%s'.", line.arg(1)));
            case "user":
            case "group": {
                if (line.arg(1).isEmpty()) {
                    return noSpace(ctx, line, String.format("'%s' expects a %s name.", kw, kw));
                }
                int err = TooManyArgs.alertIf(ctx, line, 1);
                if (err != 0) {
                    return err;
                }
                if (current.settings().containsKey(kw)) {
                    ctx.diag().alert(String.format("parsing [%s:%d] : %s already specified. Continuing.", line.file(), line.lineNo(),
                            kw.equals("user") ? "user/uid" : "group/gid"));
                    return ErrCode.ALERT;
                }
                boolean known = kw.equals("user") ? existsIn("/etc/passwd", line.arg(1)) : existsIn("/etc/group", line.arg(1));
                if (!known) {
                    return ResolversSection.alert(ctx, line, String.format("cannot find %s id for '%s' (0:Success)", kw, line.arg(1)));
                }
                current.set(kw, pos(line), List.of(line.arg(1)));
                return ErrCode.NONE;
            }
            default:
                return ResolversSection.alert(ctx, line, String.format("unknown keyword '%s' in '%s' section", kw, KIND));
        }
    }

    private static boolean existsIn(String file, String name) {
        try {
            for (String l : java.nio.file.Files.readAllLines(java.nio.file.Path.of(file), java.nio.charset.StandardCharsets.ISO_8859_1)) {
                if (l.startsWith(name + ":")) {
                    return true;
                }
            }
        } catch (java.io.IOException e) {
            return false;
        }
        return false;
    }

    private static int noSpace(ParseContext ctx, Line line, String text) {
        return ResolversSection.alertNoSpace(ctx, line, text);
    }

    private static Position pos(Line line) {
        return new Position(line.file(), line.lineNo());
    }
}
