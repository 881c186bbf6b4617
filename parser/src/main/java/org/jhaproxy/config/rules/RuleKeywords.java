package org.jhaproxy.config.rules;

import org.jhaproxy.config.keyword.KeywordTable;
import org.jhaproxy.config.model.ProxyBuilder;

/** The proxy keywords holding ACLs and rules: acl, http-request, tcp-request, use_backend... */
public final class RuleKeywords {
    private RuleKeywords() {
    }

    public static void register(KeywordTable<ProxyBuilder> table) {
    }
}
