package org.jhaproxy.config.check;

import java.util.List;
import org.jhaproxy.config.acl.AclCondition;
import org.jhaproxy.config.acl.AclExpr;
import org.jhaproxy.config.acl.AclTerm;
import org.jhaproxy.config.action.RuleSet;
import org.jhaproxy.config.diag.Diagnostics;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.ConfigBuilder;
import org.jhaproxy.config.model.PeersBuilder;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.model.ProxyMode;
import org.jhaproxy.config.model.ProxyReferences;
import org.jhaproxy.config.model.ProxyReferences.ActionRef;
import org.jhaproxy.config.model.ProxyRules;
import org.jhaproxy.config.sample.CheckPlace;
import org.jhaproxy.config.sample.SampleFetch;
import org.jhaproxy.config.sample.SampleRegistry;
import org.jhaproxy.config.sample.SampleSources;

/**
 * The rule targets check_config_validity() resolves once every section is known: use-server
 * servers, the tables of track-sc actions and the slots of "capture ... id" actions
 * (check_action_rules()), the stick-table's peers section and the caches of the cache filters.
 * Each method prints HAProxy's messages and returns the number of errors found.
 */
public final class RuleReferences {
    private RuleReferences() {
    }

    /**
     * Called by the rule parsers once a rule is accepted: {@code args} are the rule's words from
     * its action word on. Records what check_action_rules() and the cache filter check need.
     */
    public static void noteRule(ProxyBuilder px, RuleSet set, List<String> args, Position at) {
        if (args.isEmpty()) {
            return;
        }
        String action = args.get(0);
        int end = 1;
        while (end < args.size() && !args.get(end).equals("if") && !args.get(end).equals("unless")) {
            end++;
        }
        List<String> words = args.subList(0, end);
        ProxyReferences refs = px.references();
        if (action.startsWith("track-sc")) {
            int t = words.lastIndexOf("table");
            String table = t > 1 && t + 1 < words.size() ? words.get(t + 1) : null;
            refs.actions().add(new ActionRef(set.name(), action, table, words.size() > 1 ? words.get(1) : "", at));
        } else if (action.equals("capture") && set.isHttp()) {
            int i = words.lastIndexOf("id");
            if (i > 1 && i + 1 < words.size()) {
                refs.actions().add(new ActionRef(set.name(), "capture", words.get(i + 1), words.get(1), at));
            }
        } else if ((action.equals("cache-use") || action.equals("cache-store")) && words.size() > 1) {
            noteCache(px, words.get(1));
        }
    }

    /** A cache filter (explicit "filter cache" or implied by cache-use/cache-store): one per cache name. */
    public static void noteCache(ProxyBuilder px, String name) {
        if (!px.references().caches().contains(name)) {
            px.references().caches().add(name);
        }
    }

    /** The server of each static use-server rule must exist in the backend. */
    public static int useServers(Diagnostics diag, ProxyBuilder px) {
        int errors = 0;
        for (ProxyRules.Rule r : px.rules().useServers()) {
            String name = r.action();
            if (name.contains("%[")) {
                continue; // a log-format: resolved per request
            }
            if (!hasServer(px, name)) {
                diag.alert(String.format("%s '%s' : unable to find server '%s' referenced in a 'use-server' rule.",
                        px.typeString(), px.name(), name));
                errors++;
            }
        }
        return errors;
    }

    /** findserver(): a server of the proxy by name, those of server-template lines included (prefix + number). */
    static boolean hasServer(ProxyBuilder px, String name) {
        for (var srv : px.servers()) {
            if (!srv.isTemplate()) {
                if (srv.name().equals(name)) {
                    return true;
                }
                continue;
            }
            String prefix = srv.name();
            if (name.length() > prefix.length() && name.startsWith(prefix)) {
                String num = name.substring(prefix.length());
                if (num.length() < 10 && num.chars().allMatch(Character::isDigit) && !num.startsWith("0")) {
                    int n = Integer.parseInt(num);
                    if (n >= srv.templateLow() && n <= srv.templateHigh()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** check_action_rules() on the rule sets in HAProxy's order: track-sc tables, capture slots. */
    public static int actionRules(ConfigBuilder cfg, Diagnostics diag, ProxyBuilder px) {
        int errors = 0;
        List<RuleSet> order = List.of(RuleSet.TCP_REQ_CONN, RuleSet.TCP_REQ_SESS, RuleSet.TCP_REQ_CONT, RuleSet.TCP_RES_CONT,
                RuleSet.HTTP_REQ, RuleSet.HTTP_RES, RuleSet.HTTP_AFTER_RES);
        for (RuleSet set : order) {
            for (ActionRef a : px.references().actions()) {
                if (!a.ruleSet().equals(set.name())) {
                    continue;
                }
                if (a.action().equals("capture")) {
                    errors += captureSlot(diag, px, set, a);
                } else {
                    errors += trackTable(cfg, diag, px, set, a);
                }
            }
        }
        return errors;
    }

    private static int captureSlot(Diagnostics diag, ProxyBuilder px, RuleSet set, ActionRef a) {
        long id = atoi(a.target());
        boolean request = set == RuleSet.HTTP_REQ;
        // capture slots are declared in frontends only: backends cannot be checked here
        if (request && px.has(ProxyCapability.FRONTEND) && id >= px.captures().requestCaptures()) {
            diag.alert(String.format("Proxy '%s': unable to find capture id '%d' referenced by http-request capture rule.", px.name(), id));
            return 1;
        }
        if (!request && px.has(ProxyCapability.FRONTEND) && id >= px.captures().responseCaptures()) {
            diag.alert(String.format("Proxy '%s': unable to find capture id '%d' referenced by http-response capture rule.", px.name(), id));
            return 1;
        }
        return 0;
    }

    private static int trackTable(ConfigBuilder cfg, Diagnostics diag, ProxyBuilder px, RuleSet set, ActionRef a) {
        String name = a.target() != null ? a.target() : px.name();
        // tables of peers sections are named "peers/table"; they are left to the peers checks
        boolean found = a.target() != null ? name.contains("/") || findTable(cfg, name) : px.rules().stickTable() != null;
        String num = a.action().substring("track-sc".length());
        if (!found) {
            diag.alert(String.format("Proxy '%s': unable to find table '%s' referenced by track-sc%s.", px.name(), name, num));
            return 1;
        }
        if (set == RuleSet.TCP_REQ_CONT && px.has(ProxyCapability.FRONTEND)) {
            SampleFetch fetch = trackedFetch(a);
            Long delay = px.rules().tcpRequestInspectDelay();
            if ((delay == null || delay == 0) && fetch != null && (fetch.validAt() & CheckPlace.FE_SES_ACC.bit()) == 0) {
                diag.warning(String.format("%s '%s' : a 'tcp-request content track-sc*' rule explicitly depending on request contents without "
                        + "any 'tcp-request inspect-delay' setting. This means that this rule will randomly find its contents. This can be "
                        + "fixed by setting the tcp-request inspect-delay.", px.typeString(), px.name()));
            }
        }
        if (set == RuleSet.TCP_REQ_CONT && px.has(ProxyCapability.FRONTEND) && px.mode() == ProxyMode.HTTP) {
            ProxyRules.Rule rule = ruleAt(px, set, a.at());
            if (rule != null && !readsRequest(trackedFetch(a)) && !conditionReadsRequest(rule.condition())) {
                diag.warning(String.format("%s '%s' : a 'tcp-request content track-sc*' rule not depending on request contents for an HTTP "
                        + "frontend should be executed at the session level, using a 'tcp-request session' rule (mandatory to track invalid "
                        + "HTTP requests).", px.typeString(), px.name()));
            }
        }
        return 0;
    }

    /** The fetch the tracked expression starts with (its name: letters, digits and ".-_+:"). */
    private static SampleFetch trackedFetch(ActionRef a) {
        String w = a.fetch();
        int e = 0;
        while (e < w.length() && (Character.isLetterOrDigit(w.charAt(e)) || ".-_+:".indexOf(w.charAt(e)) >= 0)) {
            e++;
        }
        return SampleRegistry.standard().fetch(w.substring(0, e));
    }

    /** stktable_find_by_name(): the tables are the proxies' stick-tables, named after them. */
    static boolean findTable(ConfigBuilder cfg, String name) {
        for (ProxyBuilder p : cfg.proxies()) {
            if (p.name().equals(name) && p.rules().stickTable() != null) {
                return true;
            }
        }
        return false;
    }

    private static ProxyRules.Rule ruleAt(ProxyBuilder px, RuleSet set, Position at) {
        for (ProxyRules.Rule r : px.rules().rules(set)) {
            if (r.at().equals(at)) {
                return r;
            }
        }
        return null;
    }

    /**
     * warnif_tcp_http_cond(): a static use_backend rule of an HTTP proxy whose condition reads
     * the raw request or response buffer (SMP_USE_L6REQ/L6RES), which an HTTP proxy does not
     * keep; {@code at} is where the condition was declared.
     */
    public static int warnL6OnHttp(Diagnostics diag, ProxyBuilder px, AclCondition cond, Position at) {
        if (cond == null || px.mode() != ProxyMode.HTTP) {
            return ErrCode.NONE;
        }
        if (!anyFetch(cond, RuleReferences::readsBuffer)) {
            return ErrCode.NONE;
        }
        diag.warning(String.format("Proxy '%s': L6 sample fetches ignored on HTTP proxies (declared at %s:%d).",
                px.name(), at.file(), at.line()));
        return ErrCode.WARN;
    }

    /** SMP_USE_L6REQ or L6RES: the fetch reads the raw request or response buffer. */
    private static boolean readsBuffer(SampleFetch f) {
        String src = f == null ? "" : SampleSources.names(f);
        return src.equals("request buffer") || src.equals("response buffer");
    }

    /** Whether a fetch of {@code cond}'s ACL expressions satisfies {@code test} (acl_cond's "use" bits). */
    private static boolean anyFetch(AclCondition cond, java.util.function.Predicate<SampleFetch> test) {
        for (List<AclTerm> suite : cond.suites()) {
            for (AclTerm t : suite) {
                for (AclExpr e : t.acl().exprs()) {
                    if (test.test(e.sample().fetch())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** SMP_USE_L6REQ, HRQHV, HRQHP or HRQBO: the fetch reads the request's contents. */
    static boolean readsRequest(SampleFetch f) {
        if (f == null) {
            return false;
        }
        String src = SampleSources.names(f);
        return src.equals("request buffer") || src.equals("HTTP request headers") || src.equals("HTTP request body");
    }

    private static boolean conditionReadsRequest(AclCondition cond) {
        return cond != null && anyFetch(cond, RuleReferences::readsRequest);
    }

    /** The stick-table's "peers" section must exist and have a local peer. */
    public static int peers(ConfigBuilder cfg, Diagnostics diag, ProxyBuilder px, String localPeer) {
        String name = px.references().peers();
        if (name == null || px.rules().stickTable() == null) {
            return 0;
        }
        for (PeersBuilder p : cfg.peersSections()) {
            if (p.name().equals(name)) {
                if (p.disabled()) {
                    return 0;
                }
                // the section's frontend exists once it has a bind or peer line
                if (!p.hasBind() && p.peers().isEmpty()) {
                    diag.alert(String.format("Proxy '%s': unable to find local peer '%s' in peers section '%s'.", px.name(), localPeer, name));
                    return 1;
                }
                return 0;
            }
        }
        diag.alert(String.format("Proxy '%s': unable to find sync peers '%s'.", px.name(), name));
        return 1;
    }

    /** flt_check() for the cache filters: each names a declared cache section. */
    public static int cacheFilters(ConfigBuilder cfg, Diagnostics diag, ProxyBuilder px) {
        int errors = 0;
        for (String name : px.references().caches()) {
            if (cfg.otherSections().find("cache", name) == null) {
                diag.alert(String.format("config: %s '%s': unable to find the cache '%s' referenced by the filter 'cache'.",
                        px.typeString(), px.name(), name));
                errors++;
            }
        }
        return errors;
    }

    private static long atoi(String s) {
        long v = 0;
        int i = 0;
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        while (i < s.length() && Character.isDigit(s.charAt(i)) && v < Integer.MAX_VALUE) {
            v = v * 10 + (s.charAt(i++) - '0');
        }
        return neg ? -v : v;
    }
}
