package org.jhaproxy.config.proxy;

import java.util.Map;
import org.jhaproxy.config.keyword.KeywordTable;
import org.jhaproxy.config.model.ProxyBuilder;

/**
 * Directives removed from HAProxy that cfg_parse_listen() still recognizes to explain what
 * replaces them: each is a fatal alert with HAProxy's exact text ("%s" is the keyword).
 */
final class RemovedKeywords {
    private static final String V21 = "The '%s' directive is not supported anymore since HAProxy 2.1. ";

    /** keyword -> alert text after "parsing [file:line] : ", in cfg_parse_listen() order. */
    static final Map<String, String> REMOVED = orderedMap(
            "monitor-net", "'monitor-net' doesn't exist anymore. Please use 'http-request return status 200 if { src %2$s }' instead.",
            "appsession", "'%s' is not supported anymore since HAProxy 1.6.",
            "block", V21 + "Use 'http-request deny' which uses the exact same syntax.",
            "grace", "the '%s' keyword is not supported any more since HAProxy version 2.5.",
            "redispatch", "keyword '%s' directive is not supported anymore since HAProxy 2.1. Use 'option redispatch'.",
            "redisp", "keyword '%s' directive is not supported anymore since HAProxy 2.1. Use 'option redispatch'.",
            "cliexp", V21 + "Use 'http-request replace-path', 'http-request replace-uri' or 'http-request replace-header' instead.",
            "reqrep", V21 + "Use 'http-request replace-path', 'http-request replace-uri' or 'http-request replace-header' instead.",
            "reqdel", V21 + "Use 'http-request del-header' instead.",
            "reqdeny", "The '%s' not supported anymore since HAProxy 2.1. Use 'http-request deny' instead.",
            "reqpass", "The '%s' not supported anymore since HAProxy 2.1.",
            "reqallow", V21 + "Use 'http-request allow' instead.",
            "reqtarpit", V21 + "Use 'http-request tarpit' instead.",
            "reqirep", V21 + "Use 'http-request replace-header' instead.",
            "reqidel", V21 + "Use 'http-request del-header' instead.",
            "reqideny", V21 + "Use 'http-request deny' instead.",
            "reqipass", "The '%s' directive is not supported anymore since HAProxy 2.1.",
            "reqiallow", V21 + "Use 'http-request allow' instead.",
            "reqitarpit", V21 + "Use 'http-request tarpit' instead.",
            "reqadd", V21 + "Use 'http-request add-header' instead.",
            "srvexp", V21 + "Use 'http-response replace-header' instead.",
            "rsprep", V21 + "Use 'http-response replace-header' instead.",
            "rspdel", V21 + "Use 'http-response del-header' .",
            "rspdeny", V21 + "Use 'http-response deny' instead.",
            "rspirep", V21 + "Use 'http-response replace-header' instead.",
            "rspidel", V21 + "Use 'http-response del-header' instead.",
            "rspideny", V21 + "Use 'http-response deny' instead.",
            "rspadd", V21 + "Use 'http-response add-header' instead.");

    private RemovedKeywords() {
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    static void register(KeywordTable<ProxyBuilder> table) {
        REMOVED.forEach((kw, text) -> table.add(kw, "removed: " + kw, (ctx, line, px) -> {
            String msg = String.format(text, line.arg(0), line.arg(1));
            if (kw.equals("grace")) {
                return ProxyChecks.alertTight(ctx, line, msg);
            }
            return ProxyChecks.alert(ctx, line, msg);
        }));
    }
}
