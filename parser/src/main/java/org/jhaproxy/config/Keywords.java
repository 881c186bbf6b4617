package org.jhaproxy.config;

import org.jhaproxy.config.keyword.KeywordTable;
import org.jhaproxy.config.model.GlobalBuilder;
import org.jhaproxy.config.model.ProxyBuilder;

/**
 * Every registered keyword table, built once. -dK, "did you mean", the documentation's keyword
 * matrix and the runtime's support check are all printed from here.
 */
public final class Keywords {
    public final KeywordTable<GlobalBuilder> global = new KeywordTable<>("global");
    public final KeywordTable<ProxyBuilder> proxy = new KeywordTable<>("listen");

    private static final Keywords STANDARD = new Keywords();

    private Keywords() {
        org.jhaproxy.config.global.GlobalKeywords.register(global);
        org.jhaproxy.config.proxy.ProxyKeywords.register(proxy);
        org.jhaproxy.config.server.ServerKeywords.register(proxy);
        org.jhaproxy.config.rules.RuleKeywords.register(proxy);
    }

    public static Keywords standard() {
        return STANDARD;
    }
}
