package org.jhaproxy.config.log;

import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.LogTarget;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.source.KeywordModifier;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * The "log" keyword of the global section and of proxies (parse_logsrv() in log.c):
 * "no log", "log global", and
 * "log &lt;target&gt; [len &lt;n&gt;] [format &lt;f&gt;] [sample &lt;ranges&gt;:&lt;size&gt;] &lt;facility&gt; [&lt;level&gt; [&lt;minlevel&gt;]]".
 * The target is checked last, after every other word, as HAProxy does, so a bad facility is
 * reported before a bad address.
 */
public final class LogTargetParser {
    static final List<String> FACILITIES = List.of("kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news",
            "uucp", "cron", "auth2", "ftp", "ntp", "audit", "alert", "cron2",
            "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7");
    static final List<String> LEVELS = List.of("emerg", "alert", "crit", "err", "warning", "notice", "info", "debug");
    static final List<String> FORMATS = List.of("local", "rfc3164", "rfc5424", "priority", "short", "timed", "iso", "raw");
    static final int MAX_SYSLOG_LEN = 1024;

    private LogTargetParser() {
    }

    /**
     * Parses a "log" line into {@code targets} and reports an error the way both
     * cfg_parse_global() and cfg_parse_listen() do: "parsing [f:l] : log : &lt;reason&gt;".
     * {@code globalTargets} is the global section's list ("log global" copies it), or
     * {@code targets} itself when parsing the global section.
     */
    public static int parseAndReport(ParseContext ctx, Line line, List<LogTarget> targets, List<LogTarget> globalTargets) {
        String err = parse(ctx, line, targets, globalTargets);
        if (err == null) {
            return ErrCode.NONE;
        }
        ctx.diag().alert(String.format("parsing [%s:%d] : %s : %s", line.file(), line.lineNo(), line.keyword(),
                err.endsWith("\n") ? err + "\n" : err));
        return ErrCode.ALERT_FATAL;
    }

    /** parse_logsrv(): null when the line was accepted, else HAProxy's errmsg. */
    public static String parse(ParseContext ctx, Line line, List<LogTarget> targets, List<LogTarget> globalTargets) {
        Position at = new Position(line.file(), line.lineNo());
        boolean isGlobal = targets == globalTargets;
        if (line.modifier() == KeywordModifier.NO) {
            if (!line.arg(1).isEmpty()) {
                return "'no log' does not expect arguments";
            }
            targets.clear();
            return null;
        }
        if (!line.arg(1).isEmpty() && line.arg(2).isEmpty() && line.arg(1).equals("global")) {
            if (isGlobal) {
                return "'global' is not supported for a global syslog server";
            }
            for (LogTarget g : globalTargets) {
                if (targets.stream().noneMatch(t -> t.ref() == g)) {
                    targets.add(g.copyFor(at));
                }
            }
            return null;
        }
        if (line.arg(1).isEmpty() || line.arg(2).isEmpty()) {
            return String.format("expects <address> and <facility> %s as arguments", isGlobal ? "" : "or global");
        }
        String target = line.arg(1);
        if (target.equals("stdout")) {
            target = "fd@1";
        } else if (target.equals("stderr")) {
            target = "fd@2";
        }
        int cur = 2;
        int maxLen = MAX_SYSLOG_LEN;
        if (line.arg(cur).equals("len")) {
            int len = org.jhaproxy.config.global.CNumber.atoi(line.arg(cur + 1));
            if (len < 80 || len > 65535) {
                return String.format("invalid log length '%s', must be between 80 and 65535", line.arg(cur + 1));
            }
            maxLen = len;
            cur += 2;
        }
        String format = null;
        if (line.arg(cur).equals("format")) {
            format = line.arg(cur + 1);
            if (!FORMATS.contains(format)) {
                return String.format("unknown log format '%s'", format);
            }
            cur += 2;
        }
        String sample = null;
        if (line.arg(cur).equals("sample")) {
            String err = LogSampling.check(line.arg(cur + 1));
            if (err != null) {
                return err;
            }
            sample = line.arg(cur + 1);
            cur += 2;
        }
        String facility = line.arg(cur);
        if (!FACILITIES.contains(facility)) {
            return String.format("unknown log facility '%s'", facility);
        }
        cur++;
        String level = "debug";
        if (!line.arg(cur).isEmpty()) {
            level = line.arg(cur);
            if (!LEVELS.contains(level)) {
                return String.format("unknown optional log level '%s'", level);
            }
            cur++;
        }
        String minLevel = "emerg";
        if (!line.arg(cur).isEmpty()) {
            minLevel = line.arg(cur);
            if (!LEVELS.contains(minLevel)) {
                return String.format("unknown optional minimum log level '%s'", minLevel);
            }
            cur++;
        }
        if (!line.arg(cur).isEmpty()) {
            return String.format("cannot handle unexpected argument '%s'", line.arg(cur));
        }
        LogTarget.Kind kind;
        String address = target;
        if (target.startsWith("ring@")) {
            kind = LogTarget.Kind.BUFFER;
            address = target.substring(5);
        } else {
            LogAddress.Result r = LogAddress.parse(ctx, target);
            if (r.error() != null) {
                return r.error();
            }
            kind = r.kind();
            address = r.address();
        }
        targets.add(new LogTarget(at, kind, address, maxLen, format, sample, facility, level, minLevel, null));
        return null;
    }

    /** The names a copy of the global targets would hold, for tests and the runtime. */
    public static List<String> addresses(List<LogTarget> targets) {
        List<String> out = new ArrayList<>();
        for (LogTarget t : targets) {
            out.add(t.address());
        }
        return out;
    }
}
