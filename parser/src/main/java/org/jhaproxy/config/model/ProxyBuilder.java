package org.jhaproxy.config.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jhaproxy.config.model.server.ServerBuilder;

/**
 * A frontend, backend, listen or defaults section while it is being parsed (HAProxy's struct
 * proxy during cfg_parse_listen()). A proxy starts as a copy of its defaults section
 * ({@link #inheritFrom(ProxyBuilder)}, proxy_defproxy_cpy()).
 */
public final class ProxyBuilder {
    private final String name;
    private final Set<ProxyCapability> caps;
    private final Position at;
    private final String sectionKeyword;

    private final List<Bind> binds = new ArrayList<>();
    private final ProxyLines lines = new ProxyLines();
    private boolean disabled;

    private ProxyMode mode = ProxyMode.TCP;
    private final Map<TimeoutKind, Long> timeouts = new EnumMap<>(TimeoutKind.class);
    /** "option X" set (options/options2 bits), and "no option X" (no_options). */
    private final Set<String> options = new LinkedHashSet<>();
    private final Set<String> noOptions = new LinkedHashSet<>();
    /** httpclose / http-server-close / http-keep-alive (PR_O_HTTP_MODE), null when unset. */
    private String httpConnectionMode;
    private final ProxyCheckSettings checks = new ProxyCheckSettings();
    private final ProxyLogSettings logSettings = new ProxyLogSettings();
    private BackendRef defaultBackend;
    /** "stats" used (HAProxy's uri_auth set): shared with the defaults section until changed. */
    private boolean stats;
    private String cookieName;
    private final ProxyCaptures captures = new ProxyCaptures();
    private final ProxyBalance balance = new ProxyBalance();
    private boolean transparent;
    private Long uuid;
    private final EmailAlert emailAlert = new EmailAlert();
    private String loadServerStateFromFile;
    /** "errorfiles <name>" references to http-errors sections, resolved after parsing. */
    private final List<BackendRef> errorFilesRefs = new ArrayList<>();
    /** The defaults section this proxy was built from (null for a fresh defaults section). */
    private ProxyBuilder parentDefaults;

    public ProxyBuilder(String sectionKeyword, String name, Set<ProxyCapability> caps, Position at) {
        this.sectionKeyword = sectionKeyword;
        this.name = name;
        this.caps = EnumSet.copyOf(caps);
        this.at = at;
    }

    /**
     * Copies what a proxy takes from its defaults section, by capability, as
     * proxy_defproxy_cpy() does (rules are not copied: HAProxy keeps a reference instead).
     */
    public void inheritFrom(ProxyBuilder def) {
        parentDefaults = def;
        lines.inherit(def.lines);
        boolean fe = has(ProxyCapability.FRONTEND);
        boolean be = has(ProxyCapability.BACKEND);
        disabled = def.disabled;
        options.addAll(def.options);
        noOptions.addAll(def.noOptions);
        httpConnectionMode = def.httpConnectionMode;
        if (be) {
            cookieName = def.cookieName;
            balance.inheritFrom(def.balance);
            loadServerStateFromFile = def.loadServerStateFromFile;
        }
        if (fe) {
            captures.inheritFrom(def.captures);
            defaultBackend = def.defaultBackend;
            monitorUri = def.monitorUri;
        }
        logSettings.inheritFrom(def.logSettings, fe);
        for (Map.Entry<TimeoutKind, Long> e : def.timeouts.entrySet()) {
            if ((fe && e.getKey().inheritedByFrontend()) || (be && e.getKey().inheritedByBackend())) {
                timeouts.put(e.getKey(), e.getValue());
            }
        }
        mode = def.mode;
        stats = def.stats;
        errorFilesRefs.addAll(def.errorFilesRefs);
        checks.inheritFrom(def.checks, be);
        emailAlert.inheritFrom(def.emailAlert);
    }

    /** The http-errors sections named by "errorfiles" (and copied from defaults), in order. */
    public List<BackendRef> errorFilesRefs() {
        return errorFilesRefs;
    }

    /** Every line of the section, after the inherited ones. */
    public ProxyLines lines() {
        return lines;
    }

    public ProxyBuilder parentDefaults() {
        return parentDefaults;
    }

    /**
     * The "defpx" HAProxy hands keyword parsers: the proxy's defaults section, or the section
     * itself while a defaults section is parsed.
     */
    public ProxyBuilder keywordDefaults() {
        return isDefaults() ? this : parentDefaults;
    }

    public String name() {
        return name;
    }

    public String sectionKeyword() {
        return sectionKeyword;
    }

    public Position at() {
        return at;
    }

    public boolean has(ProxyCapability cap) {
        return caps.contains(cap);
    }

    public boolean isDefaults() {
        return caps.contains(ProxyCapability.DEFAULTS);
    }

    /** "frontend", "backend", "listen" or "defaults", as HAProxy's proxy_type_str(). */
    public String typeName() {
        if (isDefaults()) {
            return "defaults";
        }
        if (has(ProxyCapability.FRONTEND) && has(ProxyCapability.BACKEND)) {
            return "listen";
        }
        return has(ProxyCapability.FRONTEND) ? "frontend" : "backend";
    }

    /** HAProxy's proxy_type_str(): a listen section is reported as "proxy". */
    public String typeString() {
        if (isDefaults()) {
            return "defaults";
        }
        if (has(ProxyCapability.FRONTEND) && has(ProxyCapability.BACKEND)) {
            return "proxy";
        }
        return has(ProxyCapability.FRONTEND) ? "frontend" : "backend";
    }

    public List<Bind> binds() {
        return binds;
    }

    /** "disabled" in the section: the proxy is parsed and checked but never started. */
    public boolean disabled() {
        return disabled;
    }

    public void disabled(boolean disabled) {
        this.disabled = disabled;
    }

    public ProxyMode mode() {
        return mode;
    }

    public void mode(ProxyMode mode) {
        this.mode = mode;
    }

    /** A timeout in milliseconds, 0 when unset (HAProxy's TICK_ETERNITY). */
    public long timeout(TimeoutKind kind) {
        return timeouts.getOrDefault(kind, 0L);
    }

    public void timeout(TimeoutKind kind, long ms) {
        timeouts.put(kind, ms);
    }

    public Set<String> options() {
        return options;
    }

    public Set<String> noOptions() {
        return noOptions;
    }

    public String httpConnectionMode() {
        return httpConnectionMode;
    }

    public void httpConnectionMode(String m) {
        this.httpConnectionMode = m;
    }

    /** The health check type, its rules and flags ("option httpchk", "http-check", "tcp-check"...). */
    public ProxyCheckSettings checks() {
        return checks;
    }

    /** "log", "log-format", "log-format-sd", "error-log-format" and "unique-id-format". */
    public ProxyLogSettings logSettings() {
        return logSettings;
    }

    public BackendRef defaultBackend() {
        return defaultBackend;
    }

    public void defaultBackend(BackendRef ref) {
        this.defaultBackend = ref;
    }

    public boolean stats() {
        return stats;
    }

    public void stats(boolean s) {
        this.stats = s;
    }

    public String cookieName() {
        return cookieName;
    }

    public void cookieName(String n) {
        this.cookieName = n;
    }

    /** "capture cookie", "capture request/response header", "declare capture". */
    public ProxyCaptures captures() {
        return captures;
    }

    public ProxyBalance balance() {
        return balance;
    }

    public boolean transparent() {
        return transparent;
    }

    public void transparent(boolean t) {
        this.transparent = t;
    }

    public Long uuid() {
        return uuid;
    }

    public void uuid(long id) {
        this.uuid = id;
    }

    public EmailAlert emailAlert() {
        return emailAlert;
    }

    public String loadServerStateFromFile() {
        return loadServerStateFromFile;
    }

    public void loadServerStateFromFile(String v) {
        this.loadServerStateFromFile = v;
    }

    // ---- shared with other areas: simple public data, appended to by their parsers ----

    /**
     * The static "use_backend" targets (h4's rules parser appends one per rule, with
     * dynamic=true for log-format names), checked by check_config_validity() like default_backend.
     */
    private final List<BackendRef> useBackends = new ArrayList<>();

    public List<BackendRef> useBackends() {
        return useBackends;
    }

    /**
     * The rules of this proxy by list ("http-request", "http-response", "http-after-response",
     * "redirect", "tcp-request connection", "tcp-request session", "tcp-request content",
     * "tcp-response content"): the positions of the rules, appended by the rules parser. Used for
     * the inheritance checks of defaults sections and the HTTP-mode warnings.
     */
    private final Map<String, List<Position>> rules = new LinkedHashMap<>();

    public List<Position> rules(String list) {
        return rules.computeIfAbsent(list, k -> new ArrayList<>());
    }

    public boolean hasRules(String list) {
        List<Position> l = rules.get(list);
        return l != null && !l.isEmpty();
    }

    /** Servers declared in this proxy: the server parser calls {@link #noteServer()} for each. */
    private int serverCount;

    public void noteServer() {
        serverCount++;
    }

    public int serverCount() {
        return serverCount;
    }

    /** "monitor-uri" (set by the rules parser; frontends inherit it from defaults). */
    private String monitorUri;

    public String monitorUri() {
        return monitorUri;
    }

    public void monitorUri(String uri) {
        this.monitorUri = uri;
    }

    /** "tcp-request content switch-mode http" seen (PR_O_HTTP_UPG): set by the rules parser. */
    private boolean httpUpgrade;

    public boolean httpUpgrade() {
        return httpUpgrade;
    }

    public void httpUpgrade(boolean v) {
        this.httpUpgrade = v;
    }

    // ---- servers (h3: server/ package) ------------------------------------------------------
    private final List<ServerBuilder> servers = new ArrayList<>();
    private ServerBuilder defaultServer;

    /** The "server" and "server-template" lines, in declaration order. */
    public List<ServerBuilder> servers() {
        return servers;
    }

    /** The "default-server" settings of this section; null until one is set or inherited. */
    public ServerBuilder defaultServer() {
        return defaultServer;
    }

    public void defaultServer(ServerBuilder settings) {
        this.defaultServer = settings;
    }

    // ---- h4: ACLs and rules (acl, http-request, tcp-request, use_backend, redirect, stick...) ----
    private final ProxyRules ruleSets = new ProxyRules();

    /** The ACLs and parsed rules of this section (conditions, actions, stick rules...). */
    public ProxyRules rules() {
        return ruleSets;
    }
    // ---- h8: use-fcgi-app (fcgi-app.c) ----
    private String fcgiApp;
    private Position fcgiAppAt;

    /** The fcgi-app named by "use-fcgi-app", or null. */
    public String fcgiApp() {
        return fcgiApp;
    }

    public Position fcgiAppAt() {
        return fcgiAppAt;
    }

    public void fcgiApp(String name, Position at) {
        this.fcgiApp = name;
        this.fcgiAppAt = at;
    }

    // ---- h7: names resolved after parsing (check/RuleReferences) ----
    private final ProxyReferences references = new ProxyReferences();

    /** The backend, table, userlist, cache... names this proxy refers to, resolved post-parse. */
    public ProxyReferences references() {
        return references;
    }
}
