package org.jhaproxy.config.action;

import org.jhaproxy.config.sample.ExprError;

/**
 * Parses the arguments of one action: {@code cur} is the index of the first word after the
 * action name; returns the index of the first word not consumed (where a condition may start).
 */
@FunctionalInterface
public interface ActionParser {
    int parse(ActionContext ac, int cur) throws ExprError;
}
