package org.jhaproxy.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jhaproxy.config.model.Bind;
import org.jhaproxy.config.model.ConfigBuilder;
import org.jhaproxy.config.model.KeywordUse;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.server.ServerBuilder;
import org.jhaproxy.runtime.listener.BindConf;

/**
 * Which configuration keywords the runtime executes. Starting on a configuration that uses any
 * other keyword, bind option or server option is refused, naming it: jhaproxy never runs a
 * configuration differently from haproxy by silently ignoring a line.
 *
 * <p>An entry is "section keyword" (any arguments) or "section keyword first-argument" for the
 * keywords whose first word selects a behaviour (timeout, option, balance). Sections are
 * "global", "proxy" (frontend, backend, listen, defaults). An entry is added only with the code
 * that executes it and the test that shows it.
 */
public final class RuntimeSupport {
    private static final Set<String> EXECUTED = Set.of(
            "global global", "global nbthread", "global maxconn",
            "proxy defaults", "proxy frontend", "proxy backend", "proxy listen",
            "proxy mode", "proxy bind", "proxy maxconn", "proxy backlog", "proxy server", "proxy default_backend",
            "proxy timeout connect", "proxy timeout client", "proxy timeout server",
            "proxy timeout http-request", "proxy timeout http-keep-alive", "proxy timeout tunnel",
            "proxy balance roundrobin", "proxy balance static-rr", "proxy balance leastconn",
            "proxy balance first", "proxy balance source", "proxy balance uri", "proxy balance url_param",
            "proxy balance hdr", "proxy balance random", "proxy hash-type", "proxy option allbackups",
            "proxy retries", "proxy option redispatch", "proxy option prefer-last-server", "proxy option abortonclose",
            "proxy option httpclose", "proxy option http-server-close", "proxy option http-keep-alive",
            "proxy http-reuse", "proxy option forwardfor", "proxy option http-pretend-keepalive", "proxy option http-ignore-probes",
            "proxy errorfile", "proxy errorfiles", "http-errors http-errors", "http-errors errorfile", "global tune.bufsize",
            // rules: ACLs, switching, redirects and the tcp-request rule sets (their actions are
            // checked when the rules are compiled: accept and reject only)
            "proxy acl", "proxy use_backend", "proxy redirect",
            "proxy tcp-request connection", "proxy tcp-request session", "proxy tcp-request content", "proxy tcp-request inspect-delay");

    /**
     * TLS tuning with no effect a client or a server can see from jhaproxy's TLS library: no DHE
     * cipher exists in BoringSSL (dh-param), the curves and record sizes are its own, and
     * "maxsslconn" is not enforced (the connection limits of maxconn are). They do not stop a
     * start, are not executed, and -dKall and keywords.md do not list them.
     */
    private static final Set<String> INERT_WITHOUT_TLS = Set.of("global ssl-default-bind-curves",
            "global ssl-dh-param-file", "global tune.ssl.default-dh-param", "global tune.ssl.maxrecord", "global maxsslconn");

    /** "http-request ACTION" / "http-response ACTION" entries: the actions the runtime executes. */
    private static final Set<String> RULE_ACTIONS = ruleActions();

    private static Set<String> ruleActions() {
        Set<String> s = new java.util.HashSet<>();
        for (String a : org.jhaproxy.runtime.action.HttpActionCompiler.REQUEST) {
            s.add("proxy http-request " + a);
        }
        for (String a : org.jhaproxy.runtime.action.HttpActionCompiler.RESPONSE) {
            s.add("proxy http-response " + a);
        }
        for (String a : org.jhaproxy.runtime.action.HttpAfterResponse.ACTIONS) {
            s.add("proxy http-after-response " + a);
        }
        return Set.copyOf(s);
    }

    /** Bind options executed, with how many value words follow each. */
    private static final Map<String, Integer> BIND_OPTIONS = BindConf.EXECUTED;

    /**
     * Keywords executed by the features outside the proxying core (logs, checks, stats...): each
     * feature keeps its own set next to its code and is listed here once.
     */
    private static final List<Set<String>> FEATURES = List.of(org.jhaproxy.runtime.cli.StatsSockets.EXECUTED,
            org.jhaproxy.runtime.check.HealthChecks.KEYWORDS, org.jhaproxy.runtime.log.LogKeywords.EXECUTED,
            org.jhaproxy.runtime.stats.StatsSettings.EXECUTED, org.jhaproxy.runtime.process.ProcessKeywords.EXECUTED,
            org.jhaproxy.runtime.process.OpenFiles.EXECUTED,
            org.jhaproxy.runtime.queue.QueueKeywords.EXECUTED, org.jhaproxy.runtime.tcp.FinTimeouts.EXECUTED,
            org.jhaproxy.runtime.persist.PersistSettings.EXECUTED, org.jhaproxy.runtime.http.MonitorUri.EXECUTED,
            org.jhaproxy.runtime.http.HttpKeywords.EXECUTED, org.jhaproxy.runtime.stream.TcpKeepAlive.EXECUTED,
            org.jhaproxy.runtime.stick.StickKeywords.EXECUTED, org.jhaproxy.runtime.stick.LocalPeers.EXECUTED,
            org.jhaproxy.runtime.resolvers.ResolverKeywords.EXECUTED,
            org.jhaproxy.runtime.sink.Sinks.EXECUTED,
            org.jhaproxy.runtime.logfwd.LogForwards.EXECUTED,
            org.jhaproxy.runtime.server.ServerStateFile.EXECUTED,
            org.jhaproxy.runtime.auth.Userlist.EXECUTED,
            org.jhaproxy.runtime.ssl.SslKeywords.EXECUTED,
            org.jhaproxy.runtime.proxyprotocol.ConnectionKeywords.EXECUTED,
            org.jhaproxy.runtime.process.MasterWorkerKeywords.EXECUTED,
            org.jhaproxy.runtime.process.WorkingDirectory.EXECUTED,
            org.jhaproxy.runtime.cache.CacheKeywords.EXECUTED,
            org.jhaproxy.runtime.fcgi.FcgiKeywords.EXECUTED,
            org.jhaproxy.runtime.payload.RdpCookie.EXECUTED,
            org.jhaproxy.runtime.comp.CompKeywords.EXECUTED,
            org.jhaproxy.runtime.proxy.Proxies.EXECUTED);

    /** Server options executed (by name, as the server line parser records them). */
    private static final Set<String> SERVER_OPTIONS = union(List.of(
            Set.of("weight", "backup", "disabled", "enabled", "maxconn", "maxqueue", "id"),
            org.jhaproxy.runtime.server.SessionShutdown.SERVER_OPTIONS,
            org.jhaproxy.runtime.check.HealthChecks.SERVER_OPTIONS, org.jhaproxy.runtime.queue.QueueKeywords.SERVER_OPTIONS,
            org.jhaproxy.runtime.persist.PersistSettings.SERVER_OPTIONS,
            org.jhaproxy.runtime.resolvers.ResolverKeywords.SERVER_OPTIONS,
            org.jhaproxy.runtime.ssl.SslKeywords.SERVER_OPTIONS,
            org.jhaproxy.runtime.proxyprotocol.ConnectionKeywords.SERVER_OPTIONS,
            org.jhaproxy.runtime.fcgi.FcgiKeywords.SERVER_OPTIONS));

    private static Set<String> union(List<Set<String>> sets) {
        Set<String> all = new java.util.HashSet<>();
        sets.forEach(all::addAll);
        return Set.copyOf(all);
    }

    /** A line the runtime would not execute: where, what (the keyword or option), and the message naming it. */
    public record Unsupported(Position at, String what, String message) {
    }

    private final Set<String> executed;

    public RuntimeSupport(Set<String> executed) {
        this.executed = Set.copyOf(executed);
    }

    /**
     * Prints what the runtime executes, one entry a line, sorted: doc/update-keywords.sh puts it
     * in the keyword matrix so the documentation says what runs, not only what parses.
     */
    public static void main(String[] args) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        current().executed.forEach(e -> lines.add(e));
        BIND_OPTIONS.keySet().forEach(o -> lines.add("bind " + o));
        SERVER_OPTIONS.forEach(o -> lines.add("server " + o));
        lines.stream().sorted().forEach(System.out::println);
    }

    /** What this build's runtime executes. */
    public static RuntimeSupport current() {
        Set<String> all = new java.util.HashSet<>(EXECUTED);
        all.addAll(RULE_ACTIONS);
        FEATURES.forEach(all::addAll);
        return new RuntimeSupport(all);
    }

    /**
     * Whether the runtime executes {@code keyword} of a section kind ("global" or "proxy") in
     * at least one of its forms ("option" for "option httplog"...): what -dK lists.
     */
    public boolean executesKeyword(String sectionKind, String keyword) {
        String k = sectionKind + " " + keyword;
        for (String e : executed) {
            if (e.equals(k) || e.startsWith(k + " ")) {
                return true;
            }
        }
        return false;
    }

    public boolean executes(KeywordUse use) {
        String k = sectionKind(use.section()) + " " + use.keyword();
        if (k.equals("proxy balance") && use.sub().isEmpty()) {
            // a bare "balance" is round robin (backend_parse_balance())
            k = "proxy balance roundrobin";
        }
        return executed.contains(k) || executed.contains(k + " " + action(use.sub())) || INERT_WITHOUT_TLS.contains(k);
    }

    /** The first keyword, bind option or server option of the configuration not executed, if any. */
    public Optional<Unsupported> firstUnsupported(ConfigBuilder config) {
        List<Unsupported> all = allUnsupported(config);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /**
     * Every keyword, bind option and server option not executed, each once (at its first use):
     * what "-c" lists as notices, keywords first, then bind and server options.
     */
    public List<Unsupported> allUnsupported(ConfigBuilder config) {
        java.util.Map<String, Unsupported> found = new java.util.LinkedHashMap<>();
        for (KeywordUse u : config.uses()) {
            if (u.section().equals("peers")) {
                // a peers section runs only without remote peers: refused once, at the remote peer
                org.jhaproxy.config.model.PeersBuilder p = org.jhaproxy.runtime.stick.LocalPeers.sectionAt(config.peersSections(), u.at());
                String refused = org.jhaproxy.runtime.stick.LocalPeers.refusal(p);
                if (refused != null) {
                    found.putIfAbsent("peers " + p.name(), new Unsupported(p.at(), "section peers", refused));
                    continue;
                }
            }
            if (executes(u)) {
                continue;
            }
            String where = "parsing [" + u.at().file() + ":" + u.at().line() + "] : ";
            if (u.header()) {
                found.putIfAbsent("section " + u.section(), new Unsupported(u.at(), "section " + u.section(),
                        where + "section '" + u.section() + "' is not supported by jhaproxy yet."));
                continue;
            }
            String kw = selects(u.keyword()) && !u.sub().isEmpty() ? u.keyword() + " " + action(u.sub()) : u.keyword();
            found.putIfAbsent(u.section() + " " + kw, new Unsupported(u.at(), kw,
                    where + "'" + kw + "' in '" + u.section() + "' section is not supported by jhaproxy yet."));
        }
        for (org.jhaproxy.config.source.Line l : config.global().lines().all()) {
            String bad = l.keyword().equals("stats") && l.arg(1).equals("socket")
                    ? org.jhaproxy.runtime.cli.StatsSocket.unsupportedOption(l) : null;
            if (bad != null) {
                found.putIfAbsent("stats socket " + bad, new Unsupported(new Position(l.file(), l.lineNo()), bad,
                        "parsing [" + l.where() + "] : 'stats socket' option '" + bad + "' is not supported by jhaproxy yet."));
            }
        }
        org.jhaproxy.runtime.logfwd.ReceiverSupport.unsupported(config, found);
        org.jhaproxy.runtime.fcgi.FcgiKeywords.unsupported(config, found);
        for (ProxyBuilder p : config.proxies()) {
            org.jhaproxy.config.source.Line source = p.lines().last("source");
            String sourceSub = source == null ? null
                    : org.jhaproxy.runtime.stream.ConnectSource.unsupported(String.join(" ", source.args().subList(1, source.args().size())));
            if (sourceSub != null) {
                // "usesrc" needs a transparent socket (root, IP_TRANSPARENT); "interface" SO_BINDTODEVICE
                Position at = new Position(source.file(), source.lineNo());
                found.putIfAbsent("source " + sourceSub, new Unsupported(at, "source " + sourceSub,
                        "parsing [" + source.where() + "] : 'source ... " + sourceSub + "' in '" + p.sectionKeyword()
                        + "' section is not supported by jhaproxy yet."));
            }
            org.jhaproxy.config.source.Line cookie = p.lines().last("cookie");
            if (cookie != null && cookie.args().contains("dynamic")) {
                // dynamic cookies (a hash of dynamic-cookie-key and the address) are not computed
                Position at = new Position(cookie.file(), cookie.lineNo());
                found.putIfAbsent("cookie dynamic", new Unsupported(at, "cookie dynamic",
                        "parsing [" + cookie.where() + "] : 'cookie dynamic' in '" + p.sectionKeyword()
                        + "' section is not supported by jhaproxy yet."));
            }
            for (Bind b : p.binds()) {
                String bad = firstUnsupportedBindOption(b.options());
                if (bad != null) {
                    found.putIfAbsent("bind " + bad, new Unsupported(b.at(), bad, "parsing [" + b.at().file() + ":" + b.at().line()
                            + "] : bind option '" + bad + "' is not supported by jhaproxy yet."));
                }
            }
            for (ServerBuilder s : p.servers()) {
                for (String opt : s.options().keySet()) {
                    String sub = opt.equals("source") ? org.jhaproxy.runtime.stream.ConnectSource.unsupported(s.options().get(opt)) : null;
                    if (sub != null) {
                        found.putIfAbsent("server source " + sub, new Unsupported(s.at(), "source " + sub, "parsing [" + s.at().file() + ":"
                                + s.at().line() + "] : server option 'source' with '" + sub + "' is not supported by jhaproxy yet."));
                    }
                    if (!SERVER_OPTIONS.contains(opt)) {
                        found.putIfAbsent("server " + opt, new Unsupported(s.at(), opt, "parsing [" + s.at().file() + ":" + s.at().line()
                                + "] : server option '" + opt + "' is not supported by jhaproxy yet."));
                    }
                }
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * The first rule whose fetch, converter, action or pattern the runtime cannot execute, found
     * by compiling every proxy's rules as the start will (message "parsing [file:line] : ...").
     */
    public static Optional<String> firstUnexecutableRule(org.jhaproxy.config.model.Config config) {
        try {
            org.jhaproxy.runtime.action.ProxyRuleSets.compileAll(new org.jhaproxy.runtime.proxy.Proxies(config));
            return Optional.empty();
        } catch (org.jhaproxy.runtime.sample.NotSupported e) {
            return Optional.of(e.getMessage());
        }
    }

    private static String firstUnsupportedBindOption(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.isEmpty()) {
                break;
            }
            Integer values = BIND_OPTIONS.get(w);
            if (values == null) {
                return w;
            }
            i += values;
        }
        return null;
    }

    private static boolean selects(String keyword) {
        return keyword.equals("timeout") || keyword.equals("option") || keyword.equals("balance")
                || keyword.equals("http-request") || keyword.equals("http-response") || keyword.equals("tcp-request")
                || keyword.equals("http-after-response") || keyword.equals("tcp-response") || keyword.equals("filter");
    }

    /** "set-var(txn.x)" is the action "set-var". */
    private static String action(String sub) {
        int paren = sub.indexOf('(');
        return paren < 0 ? sub : sub.substring(0, paren);
    }

    private static String sectionKind(String section) {
        return switch (section) {
            case "frontend", "backend", "listen", "defaults" -> "proxy";
            default -> section;
        };
    }
}
