package org.jhaproxy.config.keyword;

import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * Parses one configuration keyword into its target (the global settings, a proxy...) and returns
 * the ErrCode bits, reporting its own messages through the context's diagnostics.
 */
@FunctionalInterface
public interface KeywordHandler<T> {
    int parse(ParseContext ctx, Line line, T target);
}
