package org.jhaproxy.cli;

import org.jhaproxy.config.cond.CfgCondition;
import org.jhaproxy.config.cond.CfgConditionEvaluator;
import org.jhaproxy.config.diag.Diagnostics;
import org.jhaproxy.config.source.Environment;
import org.jhaproxy.config.source.LineError;
import org.jhaproxy.config.source.LineTokenizer;
import org.jhaproxy.config.source.TokenizedLine;
import org.jhaproxy.config.source.Variables;

/**
 * -cc: evaluates a .if condition the way haproxy.c does: the text is first cut into words like
 * a configuration line (quotes, escapes, variables, but no '#' comments) into a buffer no longer
 * than the text itself, the words are joined again with spaces, then evaluated. Exit 0 when
 * true, 1 when false, 2 on any error.
 */
final class CheckCondition {
    private CheckCondition() {
    }

    static int run(String condition, Environment env, Diagnostics diag) {
        TokenizedLine tl = LineTokenizer.tokenizeWithoutComments(condition, new Variables() {
            @Override
            public String env(String name) {
                return env.get(name);
            }

            @Override
            public String currentFile() {
                return null;
            }

            @Override
            public int currentLine() {
                return 0;
            }

            @Override
            public String currentSection() {
                return null;
            }
        });
        String problem = lineProblem(condition, tl);
        if (problem != null) {
            diag.alert(problem);
            return 2;
        }
        String expr = tl.output().substring(0, tl.output().length() - 1).replace('\0', ' ');
        CfgCondition.Result r = new CfgConditionEvaluator(env::get).evaluate(expr);
        if (r.failed()) {
            if (r.error() != null) {
                diag.alert("Failed to evaluate condition: " + r.error());
            }
            return 2;
        }
        return r.value() ? 0 : 1;
    }

    /** The word-splitting errors, in haproxy's order of checking them. */
    private static String lineProblem(String condition, TokenizedLine tl) {
        LineError e = tl.error();
        if (e == LineError.QUOTE) {
            return "Syntax Error in condition: Unmatched quote.";
        }
        if (e == LineError.HEX) {
            return "Syntax Error in condition: Truncated or invalid hexadecimal sequence.";
        }
        // parse_line() writes in place: the words may not take more room than the text did
        if (tl.output().length() > condition.length() + 1) {
            return "Error in condition: Line too long.";
        }
        if (e == LineError.TOO_MANY) {
            return "Error in condition: Too many words.";
        }
        if (e != null) {
            return "Unhandled error in condition, please report this to the developers.";
        }
        return null;
    }
}
