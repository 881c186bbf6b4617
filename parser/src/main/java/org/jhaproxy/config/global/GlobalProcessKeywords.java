package org.jhaproxy.config.global;

import static org.jhaproxy.config.global.GlobalInt.alert;
import static org.jhaproxy.config.global.GlobalInt.alertNoSpace;
import static org.jhaproxy.config.global.GlobalInt.alreadySpecified;
import static org.jhaproxy.config.global.GlobalInt.record;

import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.keyword.KeywordHandler;
import org.jhaproxy.config.keyword.KeywordTable;
import org.jhaproxy.config.model.GlobalBuilder;
import org.jhaproxy.config.source.KeywordModifier;

/**
 * Process management keywords parsed in code by cfg_parse_global(): daemon and master-worker,
 * the poller switches, identity (user/group/uid/gid, chroot), pidfile, node/description,
 * environment (setenv/presetenv/unsetenv/resetenv) and localpeer.
 */
final class GlobalProcessKeywords {
    private GlobalProcessKeywords() {
    }

    static void register(KeywordTable<GlobalBuilder> t) {
        t.add("expose-experimental-directives", "allow the experimental keywords", (ctx, line, g) -> {
            g.allowExperimental();
            record(line, g);
            return ErrCode.NONE;
        });
        t.add("daemon", "run in the background", flag(0));
        t.add("master-worker", "master-worker [no-exit-on-failure]", (ctx, line, g) -> {
            int err = TooManyArgs.alertIf(ctx, line, 1);
            if (err != 0) {
                return err;
            }
            if (!line.arg(1).isEmpty() && !line.arg(1).equals("no-exit-on-failure")) {
                return alert(ctx, line, String.format("'%s' only supports 'no-exit-on-failure' option.", line.keyword()));
            }
            record(line, g);
            return ErrCode.NONE;
        });
        for (String kw : new String[] {"noepoll", "nokqueue", "noevports", "nopoll", "busy-polling", "set-dumpable",
                "h2-workaround-bogus-websocket-clients", "insecure-fork-wanted", "insecure-setuid-wanted", "nosplice",
                "nogetaddrinfo", "noreuseport", "quiet", "zero-warning", "external-check", "strict-limits"}) {
            KeywordHandler<GlobalBuilder> set = flag(0);
            if (kw.equals("quiet")) {
                // "quiet" takes effect at once, as MODE_QUIET does: later startup messages are not shown
                KeywordHandler<GlobalBuilder> plain = set;
                set = (ctx, line, g) -> {
                    int err = plain.parse(ctx, line, g);
                    if (!ErrCode.isFatal(err)) {
                        ctx.diag().quiet(true);
                    }
                    return err;
                };
            }
            t.add(kw, "a process-wide switch", set);
        }
        t.add("numa-cpu-mapping", "[no] numa-cpu-mapping", (ctx, line, g) -> {
            record(line, g);
            return ErrCode.NONE;
        });
        t.add("uid", "uid <number>", (ctx, line, g) -> numericId(ctx, line, g, "uid", "user/uid already specified. Continuing.",
                " uid: string '%s' is not a number.\n   | You might want to use the 'user' parameter to use a system user name."));
        t.add("gid", "gid <number>", (ctx, line, g) -> numericId(ctx, line, g, "gid", "group/gid already specified. Continuing.",
                " gid: string '%s' is not a number.\n   | You might want to use the 'group' parameter to use a system group name."));
        t.add("user", "user <name>", (ctx, line, g) -> namedId(ctx, line, g, "uid", "user/uid already specified. Continuing.",
                SystemAccounts.uid(line.arg(1)), "user"));
        t.add("group", "group <name>", (ctx, line, g) -> namedId(ctx, line, g, "gid", "gid/group was already specified. Continuing.",
                SystemAccounts.gid(line.arg(1)), "group"));
        t.add("nbproc", "removed in 2.5", (ctx, line, g) -> alert(ctx, line,
                "nbproc is not supported any more since HAProxy 2.5. Threads will automatically be used on multi-processor machines if available."));
        t.add("chroot", "chroot <dir>", once("expects a directory as an argument."));
        t.add("pidfile", "pidfile <file>", once("expects a file name as an argument."));
        t.add("description", "description <text...>", (ctx, line, g) -> {
            if (line.arg(1).isEmpty()) {
                return alertNoSpace(ctx, line, String.format("'%s' expects a string argument.", line.keyword()));
            }
            record(line, g);
            return ErrCode.NONE;
        });
        t.add("node", "node <name>", (ctx, line, g) -> {
            int err = TooManyArgs.alertIf(ctx, line, 1);
            if (err != 0) {
                return err;
            }
            String n = line.arg(1);
            if (n.isEmpty() || !n.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.')) {
                return alertNoSpace(ctx, line, String.format("'%s' requires valid node name - non-empty string with digits(0-9), "
                        + "letters(A-Z, a-z), dot(.), hyphen(-) or underscode(_).", line.keyword()));
            }
            record(line, g);
            return ErrCode.NONE;
        });
        t.add("ulimit-n", "ulimit-n <number>", GlobalInt.once("expects an integer argument."));
        t.add("cpu-map", "cpu-map <proc>[/<thread>] <cpu-set>...", CpuMap::parse);
        t.add("setenv", "setenv <name> <value>", GlobalProcessKeywords::setenv);
        t.add("presetenv", "presetenv <name> <value>", GlobalProcessKeywords::setenv);
        t.add("unsetenv", "unsetenv <name>...", (ctx, line, g) -> {
            if (line.arg(1).isEmpty()) {
                return alertNoSpace(ctx, line, String.format("'%s' expects at least one variable name.", line.keyword()));
            }
            for (int i = 1; i < line.count(); i++) {
                if (line.arg(i).contains("=")) {
                    return alertNoSpace(ctx, line, String.format("'%s' failed on variable '%s' : Invalid argument.", line.keyword(), line.arg(i)));
                }
                ctx.env().unset(line.arg(i));
            }
            return ErrCode.NONE;
        });
        t.add("resetenv", "resetenv [<name>...]", (ctx, line, g) -> {
            java.util.Set<String> keep = new java.util.HashSet<>(line.args().subList(1, line.count()));
            for (String name : ctx.env().snapshot().keySet()) {
                if (!keep.contains(name)) {
                    ctx.env().unset(name);
                }
            }
            return ErrCode.NONE;
        });
        t.add("localpeer", "localpeer <name>", (ctx, line, g) -> {
            int err = TooManyArgs.alertIf(ctx, line, 1);
            if (err != 0) {
                return err;
            }
            if (line.arg(1).isEmpty()) {
                return alert(ctx, line, String.format("'%s' expects a name as an argument.", line.keyword()));
            }
            if (!ctx.config().peersSections().isEmpty()) {
                ctx.diag().warning(String.format("parsing [%s:%d] : '%s' ignored since it is used after 'peers' section.",
                        line.file(), line.lineNo(), line.keyword()));
                return ErrCode.WARN;
            }
            ctx.env().set("HAPROXY_LOCALPEER", line.arg(1));
            record(line, g);
            return ErrCode.NONE;
        });
        t.add("unix-bind", "unix-bind [prefix <p>] [mode <m>] [user <u>] [group <g>] [uid <n>] [gid <n>]", GlobalProcessKeywords::unixBind);
    }

    /** A keyword without value; "no" only matters for the few that accept it. */
    private static KeywordHandler<GlobalBuilder> flag(int max) {
        return (ctx, line, g) -> {
            int err = TooManyArgs.alertIf(ctx, line, max);
            if (err != 0) {
                return err;
            }
            if (line.modifier() == KeywordModifier.NO) {
                g.set("no " + line.keyword(), new org.jhaproxy.config.model.Position(line.file(), line.lineNo()), java.util.List.of());
            } else {
                record(line, g);
            }
            return ErrCode.NONE;
        };
    }

    /** A string setting given once: "'X' already specified. Continuing." on the second one. */
    private static KeywordHandler<GlobalBuilder> once(String expects) {
        return (ctx, line, g) -> {
            int err = TooManyArgs.alertIf(ctx, line, 1);
            if (err != 0) {
                return err;
            }
            if (g.isSet(line.keyword())) {
                return alreadySpecified(ctx, line);
            }
            if (line.arg(1).isEmpty()) {
                return alert(ctx, line, String.format("'%s' %s", line.keyword(), expects));
            }
            record(line, g);
            return ErrCode.NONE;
        };
    }

    private static int numericId(org.jhaproxy.config.source.ParseContext ctx, org.jhaproxy.config.source.Line line,
                                 GlobalBuilder g, String key, String already, String notANumber) {
        int err = TooManyArgs.alertIf(ctx, line, 1);
        if (err != 0) {
            return err;
        }
        if (g.number(key) != 0) {
            ctx.diag().alert(String.format("parsing [%s:%d] : %s", line.file(), line.lineNo(), already));
            return ErrCode.ALERT;
        }
        if (line.arg(1).isEmpty()) {
            return alert(ctx, line, String.format("'%s' expects an integer argument.", line.keyword()));
        }
        Integer v = CNumber.strictInt(line.arg(1));
        if (v == null) {
            ctx.diag().warning(String.format("parsing [%s:%d] : " + notANumber, line.file(), line.lineNo(), line.arg(1)));
            return ErrCode.WARN;
        }
        g.number(key, v);
        return ErrCode.NONE;
    }

    /** user/group: the name must exist in the system's account database (getpwnam/getgrnam). */
    private static int namedId(org.jhaproxy.config.source.ParseContext ctx, org.jhaproxy.config.source.Line line,
                               GlobalBuilder g, String key, String already, Integer id, String what) {
        int err = TooManyArgs.alertIf(ctx, line, 1);
        if (err != 0) {
            return err;
        }
        if (g.number(key) != 0) {
            ctx.diag().alert(String.format("parsing [%s:%d] : %s", line.file(), line.lineNo(), already));
            return ErrCode.ALERT;
        }
        if (id == null) {
            return alert(ctx, line, String.format("cannot find %s id for '%s' (0:Success)", what, line.arg(1)));
        }
        g.number(key, id);
        record(line, g);
        return ErrCode.NONE;
    }

    private static int setenv(org.jhaproxy.config.source.ParseContext ctx, org.jhaproxy.config.source.Line line, GlobalBuilder g) {
        int err = TooManyArgs.alertIf(ctx, line, 3);
        if (err != 0) {
            return err;
        }
        if (line.arg(2).isEmpty()) {
            return alertNoSpace(ctx, line, String.format("'%s' expects a name and a value.", line.keyword()));
        }
        String name = line.arg(1);
        if (name.isEmpty() || name.contains("=")) {
            return alertNoSpace(ctx, line, String.format("'%s' failed on variable '%s' : Invalid argument.", line.keyword(), name));
        }
        // "setenv" overwrites, "presetenv" only sets what is not set yet
        if (line.keyword().equals("setenv") || ctx.env().get(name) == null) {
            ctx.env().set(name, line.arg(2));
        }
        return ErrCode.NONE;
    }

    private static int unixBind(org.jhaproxy.config.source.ParseContext ctx, org.jhaproxy.config.source.Line line, GlobalBuilder g) {
        int err = ErrCode.NONE;
        int cur = 1;
        while (!line.arg(cur).isEmpty()) {
            String opt = line.arg(cur);
            switch (opt) {
                case "prefix" -> {
                    if (g.isSet("unix-bind prefix")) {
                        ctx.diag().alert(String.format("parsing [%s:%d] : unix-bind '%s' already specified. Continuing.",
                                line.file(), line.lineNo(), opt));
                        err |= ErrCode.ALERT;
                        cur += 2;
                        continue;
                    }
                    if (line.arg(cur + 1).isEmpty()) {
                        return err | alert(ctx, line, String.format("unix_bind '%s' expects a path as an argument.", opt));
                    }
                    g.set("unix-bind prefix", new org.jhaproxy.config.model.Position(line.file(), line.lineNo()), java.util.List.of(line.arg(cur + 1)));
                    // the bind parser reads the prefix from the "unix-bind" line itself
                    record(line, g);
                }
                case "mode", "uid", "gid" -> {
                }
                case "user" -> {
                    if (SystemAccounts.uid(line.arg(cur + 1)) == null) {
                        return err | alert(ctx, line, String.format("'%s' : '%s' unknown user.", line.keyword(), line.arg(cur + 1)));
                    }
                }
                case "group" -> {
                    if (SystemAccounts.gid(line.arg(cur + 1)) == null) {
                        return err | alert(ctx, line, String.format("'%s' : '%s' unknown group.", line.keyword(), line.arg(cur + 1)));
                    }
                }
                default -> {
                    return err | alert(ctx, line, String.format("'%s' only supports the 'prefix', 'mode', 'uid', 'gid', 'user' and 'group' options.",
                            line.keyword()));
                }
            }
            cur += 2;
        }
        return err;
    }
}
