package org.jhaproxy.runtime.check;

import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.config.model.ProxyConfig;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.NotSupported;

/**
 * "option httpchk [meth] [uri] [ver]" and the "http-check" rules compiled into one check program
 * (tcpcheck_add_http_rule(), check_proxy_tcpcheck()): the option's request merges with the first
 * "http-check send" (whose headers replace the option's), or goes first (after a leading
 * "connect"); a last "send" gets the implicit "expect status 200-399".
 */
final class HttpCheckProgram {
    private final CompileScope scope;
    private final List<CheckRules.Entry> entries = new ArrayList<>();
    private String meth = "OPTIONS";
    private String uri = "/";
    private String ver = "HTTP/1.0";
    private List<HttpCheckRequest.Header> headers = new ArrayList<>();
    private String body = "";
    /** Where the option's request sits once merged with the first explicit send, else -1. */
    private int merged = -1;

    private HttpCheckProgram(CompileScope scope) {
        this.scope = scope;
    }

    static CheckRules of(ProxyConfig backend, List<Line> lines, boolean sendState, CompileScope scope) throws NotSupported {
        HttpCheckProgram p = new HttpCheckProgram(scope);
        p.option(backend.last("option", "httpchk"));
        for (Line l : lines) {
            p.rule(l);
        }
        return p.finish(sendState);
    }

    private void option(Line opt) {
        if (opt == null || opt.count() <= 2) {
            return;
        }
        if (opt.count() == 3) {
            uri = opt.arg(2);
            return;
        }
        meth = opt.arg(2);
        uri = opt.arg(3);
        if (!opt.arg(4).isEmpty()) {
            // the old trick: headers after the version, separated by CRLF
            String[] v = opt.arg(4).split("\r\n", -1);
            ver = v[0];
            for (int k = 1; k < v.length; k++) {
                int colon = v[k].indexOf(':');
                if (colon > 0) {
                    String value = v[k].substring(colon + 1).trim();
                    headers.add(new HttpCheckRequest.Header(v[k].substring(0, colon).trim(), s -> value));
                }
            }
        }
    }

    private void rule(Line l) throws NotSupported {
        switch (l.arg(1)) {
            case "comment" -> entries.add(CheckRules.Entry.comment(l.arg(2)));
            case "connect" -> entries.add(new CheckRules.Entry(ConnectParser.parse(l, scope), ConnectParser.comment(l)));
            case "send" -> send(l);
            case "expect" -> {
                ExpectParser.Parsed e = ExpectParser.parse(l, true, scope);
                entries.add(new CheckRules.Entry(e.expect(), e.comment()));
            }
            case "set-var", "unset-var" -> entries.add(new CheckRules.Entry(CheckVars.parse(l, scope), null));
            case "send-state", "disable-on-404" -> {
                // flags of the proxy, read by the program's user
            }
            default -> {
                if (l.arg(1).startsWith("set-var") || l.arg(1).startsWith("unset-var")) {
                    entries.add(new CheckRules.Entry(CheckVars.parse(l, scope), null));
                } else {
                    throw ExpectParser.refused(l, l.arg(1));
                }
            }
        }
    }

    /** An explicit send: the first one takes over the option's request, the others stand alone. */
    private void send(Line l) throws NotSupported {
        boolean first = merged < 0;
        String m = first ? meth : "OPTIONS";
        String u = first ? uri : "/";
        String v = first ? ver : "HTTP/1.0";
        String b = first ? body : "";
        List<HttpCheckRequest.Header> hdrs = new ArrayList<>();
        String comment = null;
        for (int k = 2; k < l.count(); k++) {
            switch (l.arg(k)) {
                case "meth" -> m = l.arg(++k);
                case "uri" -> u = l.arg(++k);
                case "ver" -> v = l.arg(++k);
                case "hdr" -> {
                    String name = l.arg(++k);
                    hdrs.add(new HttpCheckRequest.Header(name, ExpectParser.format(l.arg(++k), scope, l)));
                }
                case "body" -> b = l.arg(++k);
                case "comment" -> comment = l.arg(++k);
                default -> throw ExpectParser.refused(l, "send " + l.arg(k));
            }
        }
        if (first) {
            meth = m;
            uri = u;
            ver = v;
            body = b;
            headers = hdrs;
            merged = entries.size();
        }
        entries.add(new CheckRules.Entry(new CheckRule.SendHttp(new HttpCheckRequest(m, u, v, hdrs, b, false)), comment));
    }

    private CheckRules finish(boolean sendState) {
        List<CheckRules.Entry> all = new ArrayList<>();
        for (CheckRules.Entry e : entries) {
            if (e.rule() instanceof CheckRule.SendHttp s) {
                HttpCheckRequest r = s.request();
                all.add(new CheckRules.Entry(new CheckRule.SendHttp(
                        new HttpCheckRequest(r.meth(), r.uri(), r.ver(), r.headers(), r.body(), sendState)), e.comment()));
            } else {
                all.add(e);
            }
        }
        if (merged < 0) {
            // the option's own request: first, or right after a leading connect
            CheckRules.Entry req = new CheckRules.Entry(new CheckRule.SendHttp(
                    new HttpCheckRequest(meth, uri, ver, headers, body, sendState)), null);
            int first = CheckRules.firstRule(all);
            all.add(first >= 0 && all.get(first).rule() instanceof CheckRule.Connect ? first + 1 : 0, req);
        }
        int last = CheckRules.lastRule(all);
        if (last >= 0 && all.get(last).rule() instanceof CheckRule.SendHttp) {
            all.add(new CheckRules.Entry(new CheckRule.Expect(CheckRule.Match.STATUS, false, "200-399", null, null, true), null));
        }
        return CheckRules.of(CheckRules.Kind.HTTP, all);
    }
}
