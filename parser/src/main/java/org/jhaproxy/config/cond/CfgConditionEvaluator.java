package org.jhaproxy.config.cond;

import java.util.function.Function;

/**
 * Evaluates .if/.elif expressions (and haproxy -cc) as HAProxy 2.6's cfg_eval_condition():
 * an empty expression is false, the whole text must parse, then OR/AND evaluate lazily.
 */
public final class CfgConditionEvaluator implements CfgCondition {
    private final Function<String, String> env;

    /** @param env the environment defined() looks into */
    public CfgConditionEvaluator(Function<String, String> env) {
        this.env = env;
    }

    @Override
    public Result evaluate(String expression) {
        if (expression.isEmpty()) {
            return Result.of(false);
        }
        CondParser parser = new CondParser(expression);
        CondParser.Step<CondExpr.Or> parsed = parser.expr(0, CondParser.MAX_CFG_RECURSION);
        if (parsed.status() < 0) {
            return Result.error(parser.error(), parser.errorPos());
        }
        if (parsed.status() == 0) {
            return Result.error("unparsable conditional expression '" + expression + "'", parsed.text());
        }
        int rest = parser.skipBlanks(parsed.text());
        if (!parser.atEnd(rest)) {
            return Result.error(String.format("unexpected character '%c' at the end of conditional expression '%s'",
                    expression.charAt(rest), expression), rest);
        }
        int v = eval(parsed.node());
        if (v < 0) {
            // HAProxy fails here without a message (an unparsable OpenSSL version)
            return Result.error(null, -1);
        }
        return Result.of(v > 0);
    }

    private int eval(CondExpr.Or or) {
        int ret = 0;
        for (CondExpr.And and : or.alternatives()) {
            ret = eval(and);
            if (ret != 0) {
                break;
            }
        }
        return ret;
    }

    private int eval(CondExpr.And and) {
        int ret = 1;
        for (CondExpr.Term t : and.terms()) {
            ret = eval(t);
            if (ret <= 0) {
                break;
            }
        }
        return ret;
    }

    private int eval(CondExpr.Term term) {
        int ret;
        if (term instanceof CondExpr.Constant c) {
            ret = c.value() ? 1 : 0;
        } else if (term instanceof CondExpr.Group g) {
            ret = eval(g.expr());
        } else {
            CondExpr.Call c = (CondExpr.Call) term;
            ret = c.predicate().evaluate(c.args(), env);
        }
        if (ret >= 0 && term.negated()) {
            ret = ret == 0 ? 1 : 0;
        }
        return ret;
    }
}
