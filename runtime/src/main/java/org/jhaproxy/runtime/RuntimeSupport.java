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
            "global global", "global nbthread",
            "proxy defaults", "proxy frontend", "proxy backend", "proxy listen",
            "proxy mode", "proxy bind", "proxy server", "proxy default_backend",
            "proxy timeout connect", "proxy timeout client", "proxy timeout server",
            "proxy timeout http-request", "proxy timeout http-keep-alive", "proxy timeout tunnel",
            "proxy balance roundrobin", "proxy balance static-rr", "proxy balance leastconn",
            "proxy balance first", "proxy balance source", "proxy balance uri", "proxy balance url_param",
            "proxy balance hdr", "proxy balance random", "proxy hash-type", "proxy option allbackups",
            "proxy timeout queue", "proxy retries", "proxy option redispatch",
            "proxy option httpclose", "proxy option http-server-close", "proxy option http-keep-alive",
            "proxy http-reuse");

    /** Bind options executed, with how many value words follow each. */
    private static final Map<String, Integer> BIND_OPTIONS = Map.of();

    /** Server options executed (by name, as the server line parser records them). */
    private static final Set<String> SERVER_OPTIONS = Set.of("weight", "backup", "disabled", "enabled",
            "maxconn", "maxqueue", "id");

    /** A line the runtime would not execute: where, and the message naming it. */
    public record Unsupported(Position at, String message) {
    }

    private final Set<String> executed;

    public RuntimeSupport(Set<String> executed) {
        this.executed = Set.copyOf(executed);
    }

    /** What this build's runtime executes. */
    public static RuntimeSupport current() {
        return new RuntimeSupport(EXECUTED);
    }

    public boolean executes(KeywordUse use) {
        String k = sectionKind(use.section()) + " " + use.keyword();
        // "balance hdr(name)", "balance random(2)": the algorithm is the word before the parenthesis
        String sub = use.sub();
        int paren = sub.indexOf('(');
        if (paren > 0) {
            sub = sub.substring(0, paren);
        }
        return executed.contains(k) || executed.contains(k + " " + sub);
    }

    /** The first keyword, bind option or server option of the configuration not executed, if any. */
    public Optional<Unsupported> firstUnsupported(ConfigBuilder config) {
        for (KeywordUse u : config.uses()) {
            if (executes(u)) {
                continue;
            }
            String where = "parsing [" + u.at().file() + ":" + u.at().line() + "] : ";
            if (u.header()) {
                return Optional.of(new Unsupported(u.at(), where + "section '" + u.section() + "' is not supported by jhaproxy yet."));
            }
            String kw = selects(u.keyword()) && !u.sub().isEmpty() ? u.keyword() + " " + u.sub() : u.keyword();
            return Optional.of(new Unsupported(u.at(), where + "'" + kw + "' in '" + u.section() + "' section is not supported by jhaproxy yet."));
        }
        for (ProxyBuilder p : config.proxies()) {
            for (Bind b : p.binds()) {
                String bad = firstUnsupportedBindOption(b.options());
                if (bad != null) {
                    return Optional.of(new Unsupported(b.at(), "parsing [" + b.at().file() + ":" + b.at().line()
                            + "] : bind option '" + bad + "' is not supported by jhaproxy yet."));
                }
            }
            for (ServerBuilder s : p.servers()) {
                for (String opt : s.options().keySet()) {
                    if (!SERVER_OPTIONS.contains(opt)) {
                        return Optional.of(new Unsupported(s.at(), "parsing [" + s.at().file() + ":" + s.at().line()
                                + "] : server option '" + opt + "' is not supported by jhaproxy yet."));
                    }
                }
            }
        }
        return Optional.empty();
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
        return keyword.equals("timeout") || keyword.equals("option") || keyword.equals("balance");
    }

    private static String sectionKind(String section) {
        return switch (section) {
            case "frontend", "backend", "listen", "defaults" -> "proxy";
            default -> section;
        };
    }
}
