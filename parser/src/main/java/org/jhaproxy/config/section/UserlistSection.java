package org.jhaproxy.config.section;

import java.util.List;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.global.TooManyArgs;
import org.jhaproxy.config.model.NamedSection;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.model.UserlistConfig;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;
import org.jhaproxy.config.source.Section;

/**
 * The "userlist" section (cfg_parse_users() in cfgparse.c): "group &lt;name&gt; [users a,b]" and
 * "user &lt;name&gt; [password &lt;hash&gt;|insecure-password &lt;pw&gt;] [groups a,b]". A duplicated
 * userlist is ignored with a warning, and so are its lines.
 */
public final class UserlistSection implements Section {
    public static final String KIND = "userlist";
    private NamedSection current;

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public int parse(ParseContext ctx, Line line) {
        String kw = line.keyword();
        switch (kw) {
            case "userlist":
                return header(ctx, line);
            case "group":
                return group(ctx, line);
            case "user":
                return user(ctx, line);
            default:
                ctx.diag().alert(String.format("parsing [%s:%d]: unknown keyword '%s' in '%s' section", line.file(), line.lineNo(), kw, "users"));
                return ErrCode.ALERT_FATAL;
        }
    }

    private int header(ParseContext ctx, Line line) {
        if (line.arg(1).isEmpty()) {
            return alert(ctx, line, String.format("'%s' expects <name> as arguments.", line.keyword()));
        }
        int err = TooManyArgs.alertIf(ctx, line, 1);
        if (err != 0) {
            return err;
        }
        Character bad = SectionName.invalidChar(line.arg(1));
        if (bad != null) {
            return alert(ctx, line, String.format("character '%c' is not permitted in '%s' name '%s'.", bad, line.keyword(), line.arg(1)));
        }
        var lists = ctx.config().otherSections().of(KIND);
        if (lists.containsKey(line.arg(1))) {
            ctx.diag().warning(String.format("parsing [%s:%d]: ignoring duplicated userlist '%s'.", line.file(), line.lineNo(), line.arg(1)));
            return ErrCode.WARN;
        }
        current = new NamedSection(KIND, line.arg(1), new Position(line.file(), line.lineNo()));
        lists.put(current.name(), current);
        return ErrCode.NONE;
    }

    private int group(ParseContext ctx, Line line) {
        if (line.arg(1).isEmpty()) {
            return alert(ctx, line, String.format("'%s' expects <name> as arguments.", line.keyword()));
        }
        Character bad = SectionName.invalidChar(line.arg(1));
        if (bad != null) {
            return alert(ctx, line, String.format("character '%c' is not permitted in '%s' name '%s'.", bad, line.keyword(), line.arg(1)));
        }
        if (current == null) {
            return ErrCode.NONE;
        }
        if (current.entry("group", line.arg(1)) != null) {
            ctx.diag().warning(String.format("parsing [%s:%d]: ignoring duplicated group '%s' in userlist '%s'.",
                    line.file(), line.lineNo(), line.arg(1), current.name()));
            return ErrCode.ALERT;
        }
        String users = null;
        for (int cur = 2; !line.arg(cur).isEmpty(); cur += 2) {
            if (!line.arg(cur).equals("users")) {
                return alert(ctx, line, String.format("'%s' only supports 'users' option.", line.keyword()));
            }
            users = line.arg(cur + 1);
        }
        current.addEntry(new NamedSection.Entry("group", line.arg(1), users == null ? List.of() : List.of(users),
                new Position(line.file(), line.lineNo())));
        return ErrCode.NONE;
    }

    private int user(ParseContext ctx, Line line) {
        if (line.arg(1).isEmpty()) {
            return alert(ctx, line, String.format("'%s' expects <name> as arguments.", line.keyword()));
        }
        if (current == null) {
            return ErrCode.NONE;
        }
        if (current.entry("user", line.arg(1)) != null) {
            ctx.diag().warning(String.format("parsing [%s:%d]: ignoring duplicated user '%s' in userlist '%s'.",
                    line.file(), line.lineNo(), line.arg(1), current.name()));
            return ErrCode.ALERT;
        }
        // the user exists as soon as it is named, even when an option below is rejected: its
        // entry is {groups, password kind, password} as UserlistConfig reads it
        java.util.List<String> args = new java.util.ArrayList<>(List.of("", UserlistConfig.NO_PASSWORD, ""));
        NamedSection.Entry entry = new NamedSection.Entry("user", line.arg(1), args,
                new Position(line.file(), line.lineNo()));
        current.addEntry(entry);
        for (int cur = 2; !line.arg(cur).isEmpty(); cur += 2) {
            switch (line.arg(cur)) {
                case "password" -> {
                    // HAProxy rejects a hash when crypt("", hash) returns NULL; the libxcrypt of
                    // the reference system answers a failure token ("*0") instead, so no hash is refused
                    args.set(UserlistConfig.USER_PASSWORD, line.arg(cur + 1));
                    if (!args.get(UserlistConfig.USER_KIND).equals(UserlistConfig.INSECURE)) {
                        args.set(UserlistConfig.USER_KIND, UserlistConfig.CRYPT);
                    }
                }
                case "insecure-password" -> {
                    // the last password given is kept, but once insecure a user stays so (AU_O_INSECURE)
                    args.set(UserlistConfig.USER_PASSWORD, line.arg(cur + 1));
                    args.set(UserlistConfig.USER_KIND, UserlistConfig.INSECURE);
                }
                case "groups" -> args.set(UserlistConfig.USER_GROUPS, line.arg(cur + 1));
                default -> {
                    return alert(ctx, line, String.format("'%s' only supports 'password', 'insecure-password' and 'groups' options.",
                            line.keyword()));
                }
            }
        }
        return ErrCode.NONE;
    }

    private static int alert(ParseContext ctx, Line line, String text) {
        ctx.diag().alert(String.format("parsing [%s:%d]: %s", line.file(), line.lineNo(), text));
        return ErrCode.ALERT_FATAL;
    }
}
