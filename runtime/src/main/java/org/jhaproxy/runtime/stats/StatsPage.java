package org.jhaproxy.runtime.stats;

import java.util.List;

/**
 * The HTML stats page (stats_dump_html_*() of haproxy 2.6): the process block, then per proxy a
 * title table and a table of its lines under the same two header rows and CSS classes. The
 * cells hold the values of the CSV; haproxy's tooltips are left out.
 */
final class StatsPage {
    private static final String VERSION = "2.6.12";

    private StatsPage() {
    }

    /**
     * What the title and the process heading add: " on NODE" with "stats show-node" and ": DESC"
     * with "stats show-desc" (their own text, else the global "node", host name by default, and
     * "description"); and each proxy's "description" in its title row.
     */
    record Heading(String node, String desc, java.util.Map<String, String> proxyDescriptions) {
        static Heading of(StatsSettings st, org.jhaproxy.runtime.proxy.Proxies proxies) {
            org.jhaproxy.config.model.Config c = proxies.config();
            String node = null;
            if (st.showNode()) {
                node = st.node();
                if (node == null) {
                    org.jhaproxy.config.source.Line l = c == null ? null : c.globalLine("node");
                    node = l != null ? l.arg(1) : java.util.Objects.requireNonNullElse(
                            org.jhaproxy.runtime.process.ProcessFacts.hostname(), "");
                }
            }
            String desc = null;
            if (st.showDesc()) {
                desc = st.desc() != null ? st.desc() : description(c == null ? null : c.globalLine("description"));
                desc = desc == null ? "" : desc;
            }
            java.util.Map<String, String> px = new java.util.HashMap<>();
            for (org.jhaproxy.runtime.proxy.Proxy p : proxies.all()) {
                String d = description(p.config().last("description"));
                if (d != null) {
                    px.put(p.name(), d);
                }
            }
            return new Heading(node, desc, px);
        }

        /** A "description" line's words, joined by spaces as haproxy joins them. */
        private static String description(org.jhaproxy.config.source.Line l) {
            if (l == null) {
                return null;
            }
            return String.join(" ", l.args().subList(1, l.args().size())).strip();
        }
    }

    static String render(StatsSettings st, List<List<StatRow>> proxies, String uri, long pid, Heading h) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"\n")
                .append("\"http://www.w3.org/TR/html4/loose.dtd\">\n")
                .append("<html><head><title>Statistics Report for HAProxy")
                .append(h.node() != null ? " on " + h.node() : "").append("</title>\n")
                .append("<link rel=\"icon\" href=\"data:,\">\n")
                .append("<meta http-equiv=\"content-type\" content=\"text/html; charset=iso-8859-1\">\n")
                .append("<style type=\"text/css\"><!--\n").append(StatsPageStyle.CSS).append("-->\n</style></head>\n");
        sb.append("<body><h1><a href=\"http://www.haproxy.org/\" style=\"text-decoration: none;\">HAProxy")
                .append(st.hideVersion() ? "" : " version " + VERSION).append("</a></h1>\n")
                .append("<h2>Statistics Report for pid ").append(pid).append(h.node() != null ? " on " + h.node() : "")
                .append(h.desc() != null ? ": " + h.desc() : "").append("</h2>\n")
                .append("<hr width=\"100%\" class=\"hr\">\n<h3>&gt; General process information</h3>\n");
        sb.append("<table border=0><tr><td align=\"left\" valign=\"top\" nowrap width=\"1%\"><b>Display option:</b>")
                .append("<ul style=\"margin-top: 0.25em;\">\n")
                .append("<li><a href=\"").append(uri).append("\">Refresh now</a><br>\n")
                .append("<li><a href=\"").append(uri).append(";csv\">CSV export</a><br>\n")
                .append("<li><a href=\"").append(uri).append(";json\">JSON export</a> (<a href=\"").append(uri)
                .append(";json-schema\">schema</a>)<br>\n</ul></td></tr></table>\n");
        for (List<StatRow> rows : proxies) {
            if (!rows.isEmpty()) {
                proxy(sb, rows, h.proxyDescriptions().get(rows.get(0).pxname()), st.showModules());
            }
        }
        return sb.append("</body></html>\n").toString();
    }

    private static void proxy(StringBuilder sb, List<StatRow> rows, String description, boolean modules) {
        String px = esc(rows.get(0).pxname());
        sb.append("<table class=\"tbl\" width=\"100%\">\n<tr class=\"titre\"><th class=\"pxname\" width=\"10%\">")
                .append("<a name=\"").append(px).append("\"></a><a class=px href=\"#").append(px).append("\">").append(px)
                .append("</a></th><th class=\"").append(description != null ? "desc" : "empty").append("\" width=\"90%\">")
                .append(description != null ? description : "").append("</th></tr>\n</table>\n");
        sb.append("<table class=\"tbl\" width=\"100%\">\n<tr class=\"titre\"><th rowspan=2></th><th colspan=3>Queue</th>")
                .append("<th colspan=3>Session rate</th><th colspan=6>Sessions</th><th colspan=2>Bytes</th>")
                .append("<th colspan=2>Denied</th><th colspan=3>Errors</th><th colspan=2>Warnings</th>")
                .append("<th colspan=9>Server</th>")
                .append(modules ? "<th colspan=" + StatsModules.ALL.size() + ">Extra modules</th>" : "")
                .append("</tr>\n<tr class=\"titre\">");
        for (String h : new String[] {"Cur", "Max", "Limit", "Cur", "Max", "Limit", "Cur", "Max", "Limit", "Total",
            "LbTot", "Last", "In", "Out", "Req", "Resp", "Req", "Conn", "Resp", "Retr", "Redis", "Status", "LastChk",
            "Wght", "Act", "Bck", "Chk", "Dwn", "Dwntme", "Thrtle"}) {
            sb.append("<th>").append(h).append("</th>");
        }
        sb.append("\n");
        if (modules) {
            StatsModules.ALL.forEach(m -> sb.append("<th>").append(m.name()).append("</th>"));
        }
        sb.append("</tr>");
        for (StatRow r : rows) {
            switch (r.type()) {
                case StatRow.FRONTEND -> frontend(sb, r);
                case StatRow.SERVER -> server(sb, r);
                default -> backend(sb, r);
            }
            if (modules) {
                StatsModules.cells(sb, r);
            }
            sb.append(r.type() == StatRow.SERVER ? "</tr>\n" : "</tr>");
        }
        sb.append("</table><p>\n");
    }

    private static void name(StringBuilder sb, String cls, StatRow r, String label) {
        String anchor = esc(r.pxname()) + "/" + esc(label);
        sb.append("<tr class=\"").append(cls).append("\"><td class=ac><a name=\"").append(anchor)
                .append("\"></a><a class=lfsb href=\"#").append(anchor).append("\">").append(esc(label)).append("</a></td>");
    }

    private static void frontend(StringBuilder sb, StatRow r) {
        name(sb, "frontend", r, "Frontend");
        sb.append("<td colspan=3></td>");
        td(sb, r, "rate", "rate_max");
        sb.append("<td>").append(limit(r, "rate_lim")).append("</td>");
        td(sb, r, "scur", "smax", "slim", "stot");
        sb.append("<td></td><td></td>");
        td(sb, r, "bin", "bout", "dreq", "dresp", "ereq");
        sb.append("<td></td><td></td><td></td><td></td>");
        sb.append("<td class=ac>").append(v(r, "status")).append("</td><td class=ac colspan=8></td>");
    }

    private static void server(StringBuilder sb, StatRow r) {
        boolean backup = "1".equals(v(r, "bck"));
        String status = v(r, "status");
        String cls = status.startsWith("MAINT") ? "maintain" : (backup ? "backup" : "active")
                + (status.equals("no check") ? "_no_check" : status.startsWith("DOWN") ? "_down" : "_up");
        name(sb, cls, r, r.svname());
        td(sb, r, "qcur", "qmax");
        sb.append("<td>").append(limit(r, "qlimit")).append("</td>");
        td(sb, r, "rate", "rate_max");
        sb.append("<td></td>");
        td(sb, r, "scur", "smax");
        sb.append("<td>").append(limit(r, "slim")).append("</td>");
        td(sb, r, "stot", "lbtot");
        sb.append("<td>").append(age(r)).append("</td>");
        td(sb, r, "bin", "bout");
        sb.append("<td></td>");
        td(sb, r, "dresp");
        sb.append("<td></td>");
        td(sb, r, "econ", "eresp", "wretr", "wredis");
        sb.append("<td class=ac>").append(status.equals("no check") ? "<i>no check</i>" : esc(status)).append("</td>")
                .append("<td></td><td class=ac>").append(v(r, "weight")).append('/').append(v(r, "uweight"))
                .append("</td><td class=ac>").append(backup ? "-" : "Y").append("</td><td class=ac>")
                .append(backup ? "Y" : "-").append("</td><td colspan=3></td><td class=ac>-</td>");
    }

    private static void backend(StringBuilder sb, StatRow r) {
        name(sb, "backend", r, "Backend");
        td(sb, r, "qcur", "qmax");
        sb.append("<td></td>");
        td(sb, r, "rate", "rate_max");
        sb.append("<td></td>");
        td(sb, r, "scur", "smax", "slim", "stot", "lbtot");
        sb.append("<td>").append(age(r)).append("</td>");
        td(sb, r, "bin", "bout", "dreq", "dresp");
        sb.append("<td></td>");
        td(sb, r, "econ", "eresp", "wretr", "wredis");
        sb.append("<td class=ac>").append(v(r, "lastchg")).append("s ").append(v(r, "status"))
                .append("</td><td class=ac>&nbsp;</td><td class=ac>").append(v(r, "weight")).append('/')
                .append(v(r, "uweight")).append("</td><td class=ac>").append(v(r, "act")).append("</td><td class=ac>")
                .append(v(r, "bck")).append("</td><td class=ac>&nbsp;</td>");
        td(sb, r, "chkdown");
        sb.append("<td>").append(v(r, "downtime").isEmpty() ? "&nbsp;" : v(r, "downtime") + "s").append("</td><td></td>");
    }

    private static void td(StringBuilder sb, StatRow r, String... fields) {
        for (String f : fields) {
            sb.append("<td>").append(esc(v(r, f))).append("</td>");
        }
    }

    static String v(StatRow r, String field) {
        StatRow.Value x = r.get(field);
        return x == null ? "" : x.text();
    }

    private static String limit(StatRow r, String field) {
        String s = v(r, field);
        return s.isEmpty() || s.equals("0") ? "-" : s;
    }

    private static String age(StatRow r) {
        String s = v(r, "lastsess");
        return s.isEmpty() || s.startsWith("-") ? "-" : s + "s";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
