package org.jhaproxy.runtime.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jhaproxy.config.model.ProxyConfig;
import org.jhaproxy.config.source.Line;

/**
 * A proxy's "stats" lines (configuration.txt 4.2, haproxy's struct uri_auth): present as soon as
 * one of them is written, with haproxy's defaults for the others. {@code auth}: the users of the
 * "stats auth" lines, null when there is none.
 */
public record StatsSettings(String uri, String realm, org.jhaproxy.runtime.auth.Userlist auth, long refreshSeconds, boolean hideVersion,
                            boolean showLegends, boolean admin, List<String> scope, boolean showNode, String node,
                            boolean showDesc, String desc, boolean showModules) {
    /** STATS_DEFAULT_URI and STATS_DEFAULT_REALM. */
    static final String DEFAULT_URI = "/haproxy?stats";
    static final String DEFAULT_REALM = "HAProxy Statistics";

    /**
     * The "stats" keywords executed, as RuntimeSupport lists them (StatsPageIT and
     * StatsAdminIT show each).
     */
    public static final Set<String> EXECUTED = Set.of("proxy stats enable", "proxy stats uri", "proxy stats realm",
            "proxy stats auth", "proxy stats refresh", "proxy stats show-legends", "proxy stats admin",
            "proxy stats scope", "proxy stats hide-version", "proxy stats show-modules", "proxy stats show-node", "proxy stats show-desc",
            "proxy description", "global node", "global description");

    /** The proxy's settings, or null when it has no "stats" line (no stats page). */
    public static StatsSettings of(ProxyConfig c) {
        String uri = null;
        String realm = null;
        List<String> auth = new ArrayList<>();
        List<String> scope = new ArrayList<>();
        long refresh = 0;
        boolean hide = false;
        boolean legends = false;
        boolean admin = false;
        boolean showNode = false;
        String node = null;
        boolean showDesc = false;
        String desc = null;
        boolean modules = false;
        boolean any = false;
        for (Line l : c.lines()) {
            if (!l.keyword().equals("stats")) {
                continue;
            }
            any = true;
            switch (l.arg(1)) {
                case "uri" -> uri = l.arg(2);
                case "realm" -> realm = l.arg(2).replace("\\ ", " ");
                case "auth" -> auth.add(l.arg(2));
                case "refresh" -> refresh = seconds(l.arg(2));
                case "hide-version" -> hide = true;
                case "show-legends" -> legends = true;
                case "admin" -> admin = true;
                case "show-modules" -> modules = true;
                case "scope" -> scope.add(l.arg(2).equals(".") ? c.name() : l.arg(2));
                // the name or text given here, else the global "node" / "description"
                case "show-node" -> {
                    showNode = true;
                    node = l.arg(2).isEmpty() ? null : l.arg(2);
                }
                case "show-desc" -> {
                    showDesc = true;
                    desc = l.arg(2).isEmpty() ? null : l.arg(2);
                }
                default -> {
                }
            }
        }
        if (!any) {
            return null;
        }
        return new StatsSettings(uri == null ? DEFAULT_URI : uri, realm == null ? DEFAULT_REALM : realm,
                auth.isEmpty() ? null : org.jhaproxy.runtime.auth.Userlist.statsAuth(auth), refresh, hide, legends, admin, List.copyOf(scope), showNode, node, showDesc, desc, modules);
    }

    /** A delay as "stats refresh" takes it (seconds by default, or with a unit). */
    private static long seconds(String v) {
        String digits = v.replaceAll("[^0-9].*$", "");
        long n = digits.isEmpty() ? 0 : Long.parseLong(digits);
        String unit = v.substring(digits.length());
        return switch (unit) {
            case "ms" -> (n + 999) / 1000;
            case "m" -> n * 60;
            case "h" -> n * 3600;
            case "d" -> n * 86400;
            default -> n;
        };
    }

    /** Whether the stats page shows this proxy ("stats scope" lines, all when none). */
    boolean shows(String proxy) {
        return scope.isEmpty() || scope.contains(proxy);
    }
}
