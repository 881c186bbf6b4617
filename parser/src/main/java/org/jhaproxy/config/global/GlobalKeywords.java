package org.jhaproxy.config.global;

import static org.jhaproxy.config.global.ModuleKeyword.handler;
import static org.jhaproxy.config.global.ModuleKeyword.tooMany;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jhaproxy.config.global.ModuleKeyword.Outcome;
import org.jhaproxy.config.keyword.KeywordTable;
import org.jhaproxy.config.model.GlobalBuilder;

/**
 * The keywords of the "global" section: first those the modules register (cfg_kw_list, in
 * HAProxy 2.6's link order, which is the order "did you mean" tries them in), then those
 * cfg_parse_global() parses in code. The latter are suggested from HAProxy's common_kw_list
 * only, which leaves a few of them out and adds the section names.
 */
public final class GlobalKeywords {
    /** cfgparse-global.c's common_kw_list, in its order. */
    static final List<String> COMMON_KW_LIST = List.of(
            "global", "daemon", "master-worker", "noepoll", "nokqueue",
            "noevports", "nopoll", "busy-polling", "set-dumpable",
            "insecure-fork-wanted", "insecure-setuid-wanted", "nosplice",
            "nogetaddrinfo", "noreuseport", "quiet", "zero-warning",
            "tune.runqueue-depth", "tune.maxpollevents", "tune.maxaccept",
            "tune.recv_enough", "tune.buffers.limit",
            "tune.buffers.reserve", "tune.bufsize", "tune.maxrewrite",
            "tune.idletimer", "tune.rcvbuf.client", "tune.rcvbuf.server",
            "tune.sndbuf.client", "tune.sndbuf.server", "tune.pipesize",
            "tune.http.cookielen", "tune.http.logurilen", "tune.http.maxhdr",
            "tune.comp.maxlevel", "tune.pattern.cache-size", "uid", "gid",
            "external-check", "user", "group", "nbproc", "maxconn",
            "ssl-server-verify", "maxconnrate", "maxsessrate", "maxsslrate",
            "maxcomprate", "maxpipes", "maxzlibmem", "maxcompcpuusage", "ulimit-n",
            "chroot", "description", "node", "pidfile", "unix-bind", "log",
            "log-send-hostname", "server-state-base", "server-state-file",
            "log-tag", "spread-checks", "max-spread-checks", "cpu-map", "setenv",
            "presetenv", "unsetenv", "resetenv", "strict-limits", "localpeer",
            "numa-cpu-mapping", "defaults", "listen", "frontend", "backend",
            "peers", "resolvers", "cluster-secret");

    /** The keywords parsed in code, filled by {@link #register}. */
    private static final Set<String> PARSED_IN_CODE = new HashSet<>();

    private GlobalKeywords() {
    }

    public static void register(KeywordTable<GlobalBuilder> t) {
        GlobalSslKeywords.register(t);
        GlobalLuaKeywords.register(t);
        // mux_h2.c
        t.add("tune.h2.header-table-size", "tune.h2.header-table-size <size>", GlobalHttpKeywords.h2Setting(4096, 65536));
        t.add("tune.h2.initial-window-size", "tune.h2.initial-window-size <size>", GlobalHttpKeywords.h2Setting(0, Integer.MAX_VALUE));
        t.add("tune.h2.max-concurrent-streams", "tune.h2.max-concurrent-streams <n>", GlobalHttpKeywords.h2Setting(0, Integer.MAX_VALUE));
        t.add("tune.h2.max-frame-size", "tune.h2.max-frame-size <size>", GlobalHttpKeywords.h2Setting(16384, 16777215));
        // mux_h1.c
        t.add("h1-accept-payload-with-any-method", "h1-accept-payload-with-any-method",
                handler((c, l, g) -> GlobalRuntimeKeywords.noArg(l)));
        t.add("h1-case-adjust", "h1-case-adjust <from> <to>", GlobalHttpKeywords.caseAdjust());
        t.add("h1-case-adjust-file", "h1-case-adjust-file <file>", handler((c, l, g) -> GlobalHttpKeywords.caseAdjustFile(l)));
        // server.c
        t.add("tune.idle-pool.shared", "tune.idle-pool.shared on|off", handler((c, l, g) -> GlobalRuntimeKeywords.onOff(l)));
        t.add("tune.pool-high-fd-ratio", "tune.pool-high-fd-ratio <0..100>", handler((c, l, g) -> fdRatio(l)));
        t.add("tune.pool-low-fd-ratio", "tune.pool-low-fd-ratio <0..100>", handler((c, l, g) -> fdRatio(l)));
        // cfgparse.c
        t.add("default-path", "default-path current|config|parent|origin <path>", handler(GlobalRuntimeKeywords::defaultPath));
        // peers.c
        t.add("tune.peers.max-updates-at-once", "tune.peers.max-updates-at-once <n>", handler((c, l, g) -> {
            Outcome tm = tooMany(l, 1);
            if (tm != null) {
                return tm;
            }
            if (l.arg(1).isEmpty() || CNumber.atoi(l.arg(1)) <= 0) {
                return Outcome.error("'%s' expects an integer argument greater than 0.", l.keyword());
            }
            return Outcome.OK;
        }));
        // cli.c
        t.add("stats", "stats socket|timeout|maxconn|bind-process ...", handler(GlobalStatsKeywords::parse));
        // connection.c
        t.add("pp2-never-send-local", "pp2-never-send-local", handler((c, l, g) -> GlobalRuntimeKeywords.noArg(l)));
        // proxy.c
        t.add("grace", "grace <time>", handler((c, l, g) -> GlobalRuntimeKeywords.stopDelay(c, l, false)));
        t.add("hard-stop-after", "hard-stop-after <time>", handler((c, l, g) -> GlobalRuntimeKeywords.stopDelay(c, l, false)));
        t.add("close-spread-time", "close-spread-time <time>|infinite", handler((c, l, g) -> GlobalRuntimeKeywords.stopDelay(c, l, true)));
        // http_client.c
        t.add("httpclient.resolvers.id", "httpclient.resolvers.id <name>", handler((c, l, g) -> GlobalHttpKeywords.oneArg(l)));
        t.add("httpclient.resolvers.prefer", "httpclient.resolvers.prefer ipv4|ipv6", GlobalHttpKeywords.httpclientChoice("ipv4", "ipv6"));
        t.add("httpclient.ssl.verify", "httpclient.ssl.verify none|required", GlobalHttpKeywords.httpclientChoice("none", "required"));
        t.add("httpclient.ssl.ca-file", "httpclient.ssl.ca-file <file>", handler((c, l, g) -> GlobalHttpKeywords.oneArg(l)));
        // listener.c
        t.add("tune.listener.multi-queue", "tune.listener.multi-queue on|off", handler((c, l, g) -> GlobalRuntimeKeywords.onOff(l)));
        // vars.c
        t.add("set-var", "set-var proc.<name> <expr>", handler(GlobalKeywords::setVar));
        t.add("set-var-fmt", "set-var-fmt proc.<name> <fmt>", handler(GlobalKeywords::setVar));
        for (String scope : new String[] {"global", "proc", "sess", "txn", "reqres", "check"}) {
            t.add("tune.vars." + scope + "-max-size", "tune.vars." + scope + "-max-size <size>", handler((c, l, g) -> {
                if (l.arg(1).isEmpty() || !l.arg(1).chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                    return Outcome.error("%s: '%s' is an invalid size", l.keyword(), l.arg(1));
                }
                return Outcome.OK;
            }));
        }
        // task.c
        t.add("tune.sched.low-latency", "tune.sched.low-latency on|off", handler((c, l, g) -> GlobalRuntimeKeywords.onOff(l)));
        // pool.c
        t.add("tune.fail-alloc", "tune.fail-alloc <0..100>", handler((c, l, g) -> GlobalRuntimeKeywords.percent(l)));
        t.add("no-memory-trimming", "no-memory-trimming", handler((c, l, g) -> GlobalRuntimeKeywords.noArg(l)));
        // mworker.c
        t.add("mworker-max-reloads", "mworker-max-reloads <n>", GlobalRuntimeKeywords.mworkerMaxReloads());
        // fd.c
        t.add("tune.fd.edge-triggered", "tune.fd.edge-triggered on|off",
                ModuleKeyword.experimental((c, l, g) -> GlobalRuntimeKeywords.onOff(l)));
        // activity.c
        t.add("profiling.tasks", "profiling.tasks on|auto|off", handler((c, l, g) -> {
            Outcome tm = tooMany(l, 1);
            if (tm != null) {
                return tm;
            }
            if (!List.of("on", "auto", "off").contains(l.arg(1))) {
                return Outcome.error("'%s' expects either 'on', 'auto', or 'off' but got '%s'.", l.keyword(), l.arg(1));
            }
            return Outcome.OK;
        }));
        // thread.c
        t.add("nbthread", "nbthread <n>", handler(GlobalRuntimeKeywords::nbthread));
        t.add("thread-group", "thread-group <group> [<threads>]", handler((c, l, g) -> threadGroup(l)));
        t.add("thread-groups", "thread-groups <n>", handler((c, l, g) -> {
            Outcome tm = tooMany(l, 1);
            if (tm != null) {
                return tm;
            }
            Long n = GlobalRuntimeKeywords.strictLong(l.arg(1));
            if (n == null) {
                return Outcome.error("'%s' passed a missing or unparsable integer value in '%s'", l.keyword(), l.arg(1));
            }
            if (n != 1) {
                return Outcome.error("'%s' value must be between 1 and %d (was %d)", l.keyword(), 1, n);
            }
            return Outcome.OK;
        }));

        int before = t.names().size();
        GlobalProcessKeywords.register(t);
        GlobalLimitKeywords.register(t);
        GlobalTuneKeywords.register(t);
        GlobalLogKeywords.register(t);
        List<String> names = t.names();
        synchronized (PARSED_IN_CODE) {
            PARSED_IN_CODE.addAll(names.subList(before, names.size()));
        }
    }

    /**
     * The words "did you mean" tries for an unknown global keyword, in order: the registered
     * keywords, then the common list (cfg_find_best_match(..., CFG_GLOBAL, common_kw_list)).
     */
    public static List<String> suggestionCandidates(KeywordTable<GlobalBuilder> t) {
        List<String> out = new ArrayList<>();
        for (String n : t.names()) {
            if (!PARSED_IN_CODE.contains(n)) {
                out.add(n);
            }
        }
        out.addAll(COMMON_KW_LIST);
        return out;
    }

    private static Outcome fdRatio(org.jhaproxy.config.source.Line l) {
        Outcome tm = tooMany(l, 1);
        if (tm != null) {
            return tm;
        }
        int v = CNumber.atoi(l.arg(1));
        if (v < 0 || v > 100) {
            return Outcome.error("'%s' expects an integer argument between 0 and 100.", l.keyword());
        }
        return Outcome.OK;
    }

    /** set-var / set-var-fmt in the global section: only process-wide variables. */
    private static Outcome setVar(org.jhaproxy.config.source.ParseContext c, org.jhaproxy.config.source.Line l, GlobalBuilder g) {
        boolean fmt = l.keyword().equals("set-var-fmt");
        if (l.arg(1).isEmpty() || l.arg(2).isEmpty()) {
            return Outcome.error("'%s' requires a process-wide variable name ('proc.<name>') and a %s.", l.keyword(),
                    fmt ? "format string" : "sample expression");
        }
        if (!l.arg(1).startsWith("proc.")) {
            return Outcome.error("'%s': cannot set variable '%s', only scope 'proc' is permitted in the global section.", l.keyword(), l.arg(1));
        }
        return Outcome.OK;
    }

    private static Outcome threadGroup(org.jhaproxy.config.source.Line l) {
        Long n = GlobalRuntimeKeywords.strictLong(l.arg(1));
        if (n == null) {
            return Outcome.error("'%s' passed a missing or unparsable integer value in '%s'", l.keyword(), l.arg(1));
        }
        if (n < 1 || n > 1) {
            return Outcome.error("'%s' thread-group number must be between 1 and %d (was %d)", l.keyword(), 1, n);
        }
        return Outcome.OK;
    }
}
