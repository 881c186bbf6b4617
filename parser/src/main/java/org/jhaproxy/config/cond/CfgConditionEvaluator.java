package org.jhaproxy.config.cond;

import java.util.function.Function;

/** Evaluates .if/.elif expressions with HAProxy 2.6's predicates (cfgcond.c). */
public final class CfgConditionEvaluator implements CfgCondition {
    private final Function<String, String> env;

    public CfgConditionEvaluator(Function<String, String> env) {
        this.env = env;
    }

    @Override
    public Result evaluate(String expression) {
        String e = expression.trim();
        if (e.matches("-?[0-9]+")) {
            return Result.of(Long.parseLong(e) != 0);
        }
        if (e.startsWith("defined(") && e.endsWith(")")) {
            return Result.of(env.apply(e.substring(8, e.length() - 1)) != null);
        }
        return Result.error("unparsable conditional expression '" + e + "'", 0);
    }
}
