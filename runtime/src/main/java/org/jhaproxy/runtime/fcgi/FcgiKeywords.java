package org.jhaproxy.runtime.fcgi;

import java.util.Map;
import java.util.Set;
import org.jhaproxy.config.model.ConfigBuilder;
import org.jhaproxy.config.model.NamedSection;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.server.ServerBuilder;
import org.jhaproxy.runtime.RuntimeSupport;

/**
 * The FastCGI keywords the runtime executes (manual chapter 10). Not executed, so refused:
 * "option get-values", "option mpxs-conns" and "option max-reqs" (jhaproxy sends one request
 * at a time on a connection and never asks the application its limits), the conditions of
 * "set-param" and "pass-header", and a server "proto" other than fcgi.
 */
public final class FcgiKeywords {
    public static final Set<String> EXECUTED = Set.of("fcgi-app fcgi-app", "fcgi-app docroot", "fcgi-app index",
            "fcgi-app path-info", "fcgi-app log-stderr", "fcgi-app acl", "fcgi-app set-param", "fcgi-app pass-header",
            "fcgi-app option keep-conn", "proxy use-fcgi-app");

    /** "proto", with the value fcgi only (checked by {@link #unsupported}). */
    public static final Set<String> SERVER_OPTIONS = Set.of("proto");

    private FcgiKeywords() {
    }

    /** Adds the FastCGI lines whose keyword runs but whose arguments do not to {@code found}. */
    public static void unsupported(ConfigBuilder config, Map<String, RuntimeSupport.Unsupported> found) {
        for (NamedSection s : config.otherSections().of("fcgi-app").values()) {
            for (NamedSection.Entry e : s.lines()) {
                int words = e.kind().equals("set-param") ? 3 : e.kind().equals("pass-header") ? 2 : -1;
                if (words > 0 && e.args().size() > words) {
                    String where = "parsing [" + e.at().file() + ":" + e.at().line() + "] : ";
                    found.putIfAbsent("fcgi-app " + e.kind() + " condition", new RuntimeSupport.Unsupported(e.at(),
                            e.kind() + " " + e.args().get(words), where + "'" + e.kind() + " ... " + e.args().get(words)
                            + "' in 'fcgi-app' section is not supported by jhaproxy yet."));
                }
            }
        }
        for (ProxyBuilder p : config.proxies()) {
            for (ServerBuilder s : p.servers()) {
                String proto = s.options().get("proto");
                if (proto != null && !proto.equals("fcgi")) {
                    found.putIfAbsent("server proto " + proto, new RuntimeSupport.Unsupported(s.at(), "proto " + proto,
                            "parsing [" + s.at().file() + ":" + s.at().line() + "] : server option 'proto " + proto
                            + "' is not supported by jhaproxy yet."));
                }
            }
        }
    }
}
