package org.jhaproxy.config.cond;

/** Evaluates the expression of a .if/.elif line (configuration.txt section 2.4). */
public interface CfgCondition {

    /**
     * The outcome: a value, or a failure. A failure carries HAProxy's message and the 0-based
     * position of the first bad character; both are absent (null, -1) for the failures HAProxy
     * reports without a message (openssl_version_*() given something that is not a version).
     */
    record Result(boolean value, boolean failed, String error, int errorPos) {
        public static Result of(boolean v) {
            return new Result(v, false, null, -1);
        }

        public static Result error(String msg, int pos) {
            return new Result(false, true, msg, pos);
        }
    }

    Result evaluate(String expression);
}
