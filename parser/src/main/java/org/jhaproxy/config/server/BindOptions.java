package org.jhaproxy.config.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.keyword.DidYouMean;

/**
 * The options of a "bind" line, as registered by listener.c, cfgparse-tcp.c, cfgparse-unix.c,
 * cli.c and cfgparse-ssl.c, in that order (the order "did you mean" tries them in).
 */
final class BindOptions {
    private static final Map<String, BindOption> OPTIONS = new LinkedHashMap<>();

    static {
        // listener.c
        add("accept-netscaler-cip", 1, "enable NetScaler Client IP insertion protocol", BindOptions::netscalerCip);
        flag("accept-proxy", "enable PROXY protocol");
        add("backlog", 1, "set backlog of listening socket", c -> intValue(c, 1, "must be > 0"));
        add("id", 1, "set id of listening socket", BindOptions::id);
        add("maxconn", 1, "set maxconn of listening socket", c -> intValue(c, 0, "must be >= 0"));
        add("name", 1, "set name of listening socket", c -> c.value().isEmpty() ? c.fail(String.format("'%s' : missing name", c.kw())) : 0);
        add("nice", 1, "set nice of listening socket", BindOptions::nice);
        add("process", 1, "set list of allowed process for this socket", BindOptions::process);
        add("proto", 1, "set the proto to use for all incoming connections", BindOptions::proto);
        add("shards", 1, "set number of shards", BindOptions::shards);
        add("thread", 1, "set list of allowed threads for this socket", BindOptions::thread);
        // cfgparse-tcp.c
        flag("defer-accept", "wait for some data for 1 second max before doing accept");
        add("interface", 1, "specifically bind to this interface", c -> missing(c, "'%s' : missing interface name"));
        add("mss", 1, "set MSS of listening socket", BindOptions::mss);
        add("tcp-ut", 1, "set User Timeout on listening socket", BindOptions::tcpUt);
        flag("tfo", "enable TCP_FASTOPEN of listening socket");
        flag("transparent", "transparently bind to the specified addresses");
        flag("v4v6", "force socket to bind to IPv4+IPv6");
        flag("v6only", "force socket to bind to IPv6 only");
        add("namespace", 1, "bind in this network namespace", BindOptions::namespace);
        // cfgparse-unix.c
        add("gid", 1, "set the socket's gid", c -> missing(c, "'%s' : missing value"));
        add("group", 1, "set the socket's gid from the group name", c -> missing(c, "'%s' : missing group name"));
        add("mode", 1, "set the socket's mode (eg: 0644)", BindOptions::mode);
        add("uid", 1, "set the socket's uid", c -> missing(c, "'%s' : missing value"));
        add("user", 1, "set the socket's uid from the user name", c -> missing(c, "'%s' : missing user name"));
        // cli.c
        add("level", 1, "set the unix socket admin level", c -> oneOf(c, "'%s' : missing level",
                "'%s' only supports 'user', 'operator', and 'admin' (got '%s')", "user", "operator", "admin"));
        add("expose-fd", 1, "set the unix socket expose fd rights", c -> oneOf(c, "'%s' : missing fd type",
                "'%s' only supports 'listeners' (got '%s')", "listeners"));
        add("severity-output", 1, "set the severity output format", c -> oneOf(c, "'%s' : missing severity format",
                "'%s' only supports 'none', 'number', and 'string' (got '%s')", "none", "number", "string"));
        BindSslOptions.register(BindOptions::add);
    }

    private BindOptions() {
    }

    static void add(String name, int skip, String usage, BindOption.Parser parser) {
        OPTIONS.put(name, new BindOption(name, skip, usage, parser));
    }

    private static void flag(String name, String usage) {
        add(name, 0, usage, c -> ErrCode.NONE);
    }

    static BindOption find(String name) {
        return OPTIONS.get(name);
    }

    static String bestMatch(String word) {
        return DidYouMean.bestMatch(word, OPTIONS.keySet());
    }

    static List<BindOption> all() {
        return new ArrayList<>(OPTIONS.values());
    }

    static int missing(BindOption.Call c, String format) {
        return c.value().isEmpty() ? c.fail(String.format(format, c.kw())) : ErrCode.NONE;
    }

    private static int oneOf(BindOption.Call c, String missing, String bad, String... allowed) {
        if (c.value().isEmpty()) {
            return c.fail(String.format(missing, c.kw()));
        }
        for (String a : allowed) {
            if (a.equals(c.value())) {
                return ErrCode.NONE;
            }
        }
        return c.fail(String.format(bad, c.kw(), c.value()));
    }

    /** atol() then a lower bound, as listener.c's maxconn/backlog/accept-netscaler-cip. */
    private static int intValue(BindOption.Call c, int min, String rule) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' : missing value", c.kw()));
        }
        int val = Atoi.atol(c.value());
        if (val < min) {
            return c.fail(String.format("'%s' : invalid value %d, %s", c.kw(), val, rule));
        }
        return ErrCode.NONE;
    }

    /** The magic number is a uint32_t: only a value that wraps to 0 is refused. */
    private static int netscalerCip(BindOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' : missing value", c.kw()));
        }
        if (Atoi.atol(c.value()) == 0) {
            return c.fail(String.format("'%s' : invalid value %d, must be >= 0", c.kw(), 0));
        }
        return ErrCode.NONE;
    }

    /**
     * bind_parse_thread(): an optional "group/" prefix (1..MAX_TGROUPS), then a thread number,
     * range, "all", "odd" or "even" within 1..MAX_THREADS (parse_process_number()).
     */
    private static int thread(BindOption.Call c) {
        String v = c.value();
        String set = v;
        int slash = strtolEnd(v);
        if (slash < v.length() && v.charAt(slash) == '/') {
            long group = slash == 0 ? 0 : Atoi.atol(v.substring(0, slash));
            if (group < 1 || group > MAX_TGROUPS) {
                return c.fail(String.format("'%s' thread-group number must be between 1 and %d (was %d)", v, MAX_TGROUPS, group));
            }
            set = v.substring(slash + 1);
        }
        String err = org.jhaproxy.config.proxy.ProcessNumber.check(set, MAX_THREADS);
        if (err != null) {
            return c.fail(String.format("'%s' : %s", set, err.strip()));
        }
        return ErrCode.NONE;
    }

    private static final int MAX_THREADS = 64;
    private static final int MAX_TGROUPS = 1;

    /** Where C strtol(s, &end, 10) stops: blanks, a sign, digits (0 when there are no digits). */
    private static int strtolEnd(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int start = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        return i == start ? 0 : i;
    }

    private static int id(BindOption.Call c) {
        if (c.listeners > 1) {
            return c.fail(String.format("'%s' can only be used with a single socket", c.kw()));
        }
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' : expects an integer argument", c.kw()));
        }
        String v = c.value();
        if (!Atoi.isStrtolWhole(v)) {
            return c.fail(String.format("'%s' : expects an integer argument, found '%s'", c.kw(), v));
        }
        if (Atoi.atol(v) <= 0) {
            return c.fail(String.format("'%s' : custom id has to be > 0", c.kw()));
        }
        return ErrCode.NONE;
    }

    private static int nice(BindOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' : missing value", c.kw()));
        }
        int val = Atoi.atol(c.value());
        if (val < -1024 || val > 1024) {
            return c.fail(String.format("'%s' : invalid value %d, allowed range is -1024..1024", c.kw(), val));
        }
        return ErrCode.NONE;
    }

    private static int process(BindOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' : %s", c.kw(), "'process' expects a process number or range"));
        }
        String v = c.value();
        int slash = v.indexOf('/');
        String msg = String.format("'process %s' on 'bind' lines is deprecated and will be removed in 2.7.", v);
        if (slash >= 0) {
            msg += String.format(" Please use 'thread %s' instead.", v.substring(slash + 1));
        }
        c.error = msg;
        return ErrCode.WARN;
    }

    private static int proto(BindOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' : missing value", c.kw()));
        }
        if (!MuxProtocols.isKnown(c.value(), MuxProtocols.Side.FRONTEND)) {
            // sic: two spaces in HAProxy 2.6's message for bind lines
            return c.fail(String.format("'%s' :  unknown MUX protocol '%s'", c.kw(), c.value()));
        }
        return ErrCode.NONE;
    }

    private static int shards(BindOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' : missing value", c.kw()));
        }
        if (c.value().equals("by-thread")) {
            return ErrCode.NONE;
        }
        int val = Atoi.atol(c.value());
        if (val < 1 || val > 64) {
            return c.fail(String.format("'%s' : invalid value %d, allowed range is %d..%d or 'by-thread'", c.kw(), val, 1, 64));
        }
        return ErrCode.NONE;
    }

    private static int mss(BindOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' : missing MSS value", c.kw()));
        }
        int mss = Math.abs(Atoi.atol(c.value()));
        if (mss < 1 || mss > 65535) {
            return c.fail(String.format("'%s' : expects an MSS with and absolute value between 1 and 65535", c.kw()));
        }
        return ErrCode.NONE;
    }

    private static int tcpUt(BindOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' : missing TCP User Timeout value", c.kw()));
        }
        TimeArg t = TimeArg.parseMs(c.value(), null);
        return switch (t.kind()) {
            case OVERFLOW -> c.fail(String.format("timer overflow in argument '%s' to '%s' (maximum value is 2147483647 ms or ~24.8 days)", c.value(), c.kw()));
            case UNDERFLOW -> c.fail(String.format("timer underflow in argument '%s' to '%s' (minimum non-null value is 1 ms)", c.value(), c.kw()));
            case BAD_CHAR -> c.fail(String.format("'%s' : expects a positive delay in milliseconds", c.kw()));
            default -> ErrCode.NONE;
        };
    }

    /** netns_store_insert(): the namespace must exist in /var/run/netns. */
    private static int namespace(BindOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' : missing namespace id", c.kw()));
        }
        if (!NetNamespaces.exists(c.value())) {
            c.ctx.diag().alert(String.format("Cannot open namespace '%s'.", c.value()));
            return ErrCode.ALERT_FATAL; // no message of its own: "error encountered while processing"
        }
        return ErrCode.NONE;
    }

    private static int mode(BindOption.Call c) {
        String v = c.value();
        if (v.isEmpty() || !v.chars().allMatch(ch -> ch >= '0' && ch <= '7')) {
            return c.fail(String.format("'%s' : missing or invalid mode '%s' (octal integer expected)", c.kw(), v));
        }
        return ErrCode.NONE;
    }
}
