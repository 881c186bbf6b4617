package org.jhaproxy.config.server;

import org.jhaproxy.config.keyword.KeywordTable;
import org.jhaproxy.config.model.ProxyBuilder;

/** The proxy keywords about listening and servers: bind, server, default-server, server-template... */
public final class ServerKeywords {
    private ServerKeywords() {
    }

    public static void register(KeywordTable<ProxyBuilder> table) {
    }
}
