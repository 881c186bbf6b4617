package org.jhaproxy.runtime.fcgi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jhaproxy.config.model.FcgiAppConfig;
import org.jhaproxy.runtime.log.LogLevel;
import org.jhaproxy.runtime.log.LogServer;
import org.jhaproxy.runtime.log.Syslog;
import org.jhaproxy.runtime.logformat.CompiledLogFormat;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * An fcgi-app as one backend uses it (the FCGI filter of "use-fcgi-app"): its settings, its
 * "set-param" values compiled in the backend's scope, the request headers it hides, and where
 * the application's STDERR is logged.
 */
public final class FcgiApp {
    /** The headers every fcgi-app hides unless a "pass-header" names them (hop-by-hop and credentials). */
    private static final Set<String> HIDDEN = Set.of("connection", "keep-alive", "authorization", "proxy",
            "proxy-authorization", "proxy-authenticate", "te", "trailers", "transfer-encoding", "upgrade");

    private record SetParam(String name, CompiledLogFormat value) {
    }

    private final FcgiAppConfig config;
    private final Pattern pathInfo;
    private final List<SetParam> params = new ArrayList<>();
    private final Set<String> passed = new HashSet<>();
    private final Syslog syslog;
    private final List<LogServer> stderr;

    FcgiApp(FcgiAppConfig config, CompileScope scope, Syslog syslog, List<LogServer> stderr) throws NotSupported {
        this.config = config;
        this.pathInfo = config.pathInfo() == null ? null : Pattern.compile(config.pathInfo());
        this.syslog = syslog;
        this.stderr = stderr;
        // every fcgi-app starts with these two, so that a "set-param" of the same name replaces them
        params.add(new SetParam(paramName("REMOTE_USER"), CompiledLogFormat.compile("%[http_auth_user]", scope)));
        params.add(new SetParam(paramName("AUTH_TYPE"), CompiledLogFormat.compile("%[http_auth_type]", scope)));
        for (FcgiAppConfig.Rule r : config.rules()) {
            if (r.keyword().equals("set-param")) {
                params.add(new SetParam(paramName(r.name()), CompiledLogFormat.compile(r.value(), scope.at(r.at()))));
            } else {
                passed.add(r.name().toLowerCase(Locale.ROOT));
            }
        }
    }

    public String name() {
        return config.name();
    }

    String docroot() {
        return config.docroot() == null ? "" : config.docroot();
    }

    String index() {
        return config.index() == null ? "" : config.index();
    }

    Pattern pathInfo() {
        return pathInfo;
    }

    boolean keepConn() {
        return config.keepConn();
    }

    /** Whether the request header {@code lowerName} stays out of the PARAMS. */
    boolean hides(String lowerName) {
        return HIDDEN.contains(lowerName) && !passed.contains(lowerName);
    }

    /**
     * The "set-param" values of a request, by parameter name in the order haproxy adds them (its
     * rules are sorted by name, the last rule of a name wins); an empty value is not sent.
     */
    TreeMap<String, String> params(SampleContext samples) {
        TreeMap<String, String> byName = new TreeMap<>();
        for (SetParam p : params) {
            byName.put(p.name(), p.value().eval(samples));
        }
        byName.values().removeIf(String::isEmpty);
        return byName;
    }

    /** A STDERR record: one log line at level "err", tagged with the application's name. */
    void stderr(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\0')) {
            end--;
        }
        syslog.send(stderr, config.name(), LogLevel.ERR, text.substring(0, end), "-");
    }

    /** The name a "set-param" takes: lower case, anything but letters and digits as '_'. */
    private static String paramName(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            b.append(c < 128 && Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : '_');
        }
        return b.toString();
    }
}
