package org.jhaproxy.config.proxy;

import org.jhaproxy.config.keyword.KeywordTable;
import org.jhaproxy.config.model.ProxyBuilder;

/** The core keywords of the proxy sections (cfgparse-listen.c and the CFG_LISTEN lists). */
public final class ProxyKeywords {
    private ProxyKeywords() {
    }

    public static void register(KeywordTable<ProxyBuilder> table) {
    }
}
