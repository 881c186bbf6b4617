package org.jhaproxy.config.check;

import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.source.ParseContext;

/** HAProxy's check_config_validity(): the checks that need the whole configuration. */
public final class ConfigValidity implements PostParseCheck {
    @Override
    public int run(ParseContext ctx) {
        return ErrCode.NONE;
    }
}
