package org.jhaproxy.cli.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * The frontends, backends and servers ("backend/server") a live `show stat` lists, and the maps and
 * ACLs `show map` and `show acl` list, for completion.
 */
public record ProxyNames(List<String> frontends, List<String> backends, List<String> servers,
                         List<String> maps, List<String> acls) {
    public static final ProxyNames NONE = new ProxyNames(List.of(), List.of(), List.of());

    public ProxyNames(List<String> frontends, List<String> backends, List<String> servers) {
        this(frontends, backends, servers, List.of(), List.of());
    }

    /** These names with the maps and ACLs of `show map` and `show acl` answers. */
    public ProxyNames withPatterns(String showMap, String showAcl) {
        return new ProxyNames(frontends, backends, servers, patternRefs(showMap), patternRefs(showAcl));
    }

    /**
     * How the map and ACL commands can name each entry of a `show map|acl` answer ("&lt;id&gt;
     * (&lt;file&gt;) &lt;description&gt;"): by its file when it has one, else by "#&lt;id&gt;".
     */
    static List<String> patternRefs(String answer) {
        List<String> refs = new ArrayList<>();
        for (String line : answer.split("\n")) {
            int open = line.indexOf(" (");
            int close = line.indexOf(") ", open + 2);
            if (line.startsWith("#") || open <= 0 || close < 0 && !line.endsWith(")")) {
                continue;
            }
            String file = line.substring(open + 2, close < 0 ? line.length() - 1 : close);
            String ref = file.isEmpty() ? "#" + line.substring(0, open) : file;
            if (!refs.contains(ref)) {
                refs.add(ref);
            }
        }
        return List.copyOf(refs);
    }

    /** Reads haproxy's `show stat` CSV: svname FRONTEND/BACKEND name the proxy, other rows are servers. */
    public static ProxyNames fromStat(String showStat) {
        StatCsv csv = StatCsv.parse(showStat);
        List<String> fe = new ArrayList<>();
        List<String> be = new ArrayList<>();
        List<String> srv = new ArrayList<>();
        int type = csv.column("type");
        for (List<String> row : csv.rows()) {
            if (row.size() < 2) {
                continue;
            }
            String px = row.get(0);
            String sv = row.get(1);
            // type: 0 frontend, 1 backend, 2 server, 3 listener (only with `option socket-stats`)
            String t = type >= 0 && type < row.size() ? row.get(type) : "";
            if (sv.equals("FRONTEND")) {
                fe.add(px);
            } else if (sv.equals("BACKEND")) {
                be.add(px);
            } else if (!t.equals("3")) {
                srv.add(px + "/" + sv);
            }
        }
        return new ProxyNames(List.copyOf(fe), List.copyOf(be), List.copyOf(srv));
    }

    /** Every proxy name once (a `listen` section is both a frontend and a backend). */
    public List<String> proxies() {
        List<String> all = new ArrayList<>(frontends);
        for (String b : backends) {
            if (!all.contains(b)) {
                all.add(b);
            }
        }
        return all;
    }
}
