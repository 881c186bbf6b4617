package org.jhaproxy.cli;

import java.io.PrintStream;
import org.jhaproxy.config.cond.CfgCondition;
import org.jhaproxy.config.cond.CfgConditionEvaluator;
import org.jhaproxy.config.source.Environment;

/** -cc: evaluates a .if condition; exit 0 when true, 1 when false, 2 on a bad expression. */
final class CheckCondition {
    private CheckCondition() {
    }

    static int run(String expr, Environment env, PrintStream err) {
        CfgCondition.Result r = new CfgConditionEvaluator(env::get).evaluate(expr);
        if (r.error() != null) {
            long pid = ProcessHandle.current().pid();
            err.printf("[NOTICE]   (%d) : jhaproxy version is %s%n", pid, Version.FULL);
            err.printf("[ALERT]    (%d) : config : Failed to evaluate condition: %s%n", pid, r.error());
            return 2;
        }
        return r.value() ? 0 : 1;
    }
}
