package org.jhaproxy.config.cond;

/** Evaluates the expression of a .if/.elif line (configuration.txt section 2.4). */
public interface CfgCondition {

    /** The outcome: a value, or an error message and the 0-based position of the bad character. */
    record Result(boolean value, String error, int errorPos) {
        public static Result of(boolean v) {
            return new Result(v, null, -1);
        }

        public static Result error(String msg, int pos) {
            return new Result(false, msg, pos);
        }
    }

    Result evaluate(String expression);
}
