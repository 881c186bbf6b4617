package org.jhaproxy.config.check;

import org.jhaproxy.config.source.ParseContext;

/**
 * One pass over the whole parsed configuration, after all files were read, returning ErrCode
 * bits (like HAProxy's check_config_validity() and the post-parse hooks).
 */
@FunctionalInterface
public interface PostParseCheck {
    int run(ParseContext ctx);
}
