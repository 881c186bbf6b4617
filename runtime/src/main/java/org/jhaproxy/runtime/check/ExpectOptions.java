package org.jhaproxy.runtime.check;

import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The options of a tcp-check expect rule beyond its pattern (configuration.txt 4 "tcp-check
 * expect"): "min-recv", "ok-status", "error-status", "tout-status", "on-success", "on-error",
 * "status-code", and the custom parsers of the protocol checks (MySQL, LDAP). The messages and
 * the status code are computed from the data read so far (res.payload() in haproxy's
 * log-format expressions), hence functions of the received bytes.
 *
 * @param minRecv       the bytes to read before the rule concludes, -1 for none (then a mismatch
 *                      waits for more data until the server closes or the buffer is full)
 * @param okStatus      the status of a check that ends on this rule, null for L7OK
 * @param errorStatus   the status of a failure on this rule, null for L7RSP
 * @param timeoutStatus the status of a timeout waiting on this rule, null for L7TOUT
 * @param onSuccess     the info of a check that ends on this rule, null for the default
 * @param onError       the info of a failure on this rule, null for the default
 * @param statusCode    the check's code once the rule concluded, null for none
 * @param custom        a protocol parser replacing the pattern ("expect custom"), or null
 */
record ExpectOptions(int minRecv, CheckStatus okStatus, CheckStatus errorStatus, CheckStatus timeoutStatus,
                     Function<CheckSession, String> onSuccess, Function<CheckSession, String> onError,
                     ToIntFunction<CheckSession> statusCode, CustomExpect custom) {
    static final ExpectOptions NONE = new ExpectOptions(-1, null, null, null, null, null, null, null);

    /** A protocol check's own parser of the server's answer (tcpcheck_mysql_expect_iniths()...). */
    @FunctionalInterface
    interface CustomExpect {
        /**
         * @param lastRule whether no rule follows (the MySQL parser reports the version only then)
         */
        ExpectVerdict evaluate(byte[] data, boolean lastRead, boolean lastRule);
    }

    ExpectOptions withMinRecv(int n) {
        return new ExpectOptions(n, okStatus, errorStatus, timeoutStatus, onSuccess, onError, statusCode, custom);
    }

    ExpectOptions withStatuses(CheckStatus ok, CheckStatus error, CheckStatus timeout) {
        return new ExpectOptions(minRecv, ok, error, timeout, onSuccess, onError, statusCode, custom);
    }

    /** A protocol check's messages, computed from the data read. */
    ExpectOptions withMessages(Function<byte[], String> success, Function<byte[], String> error) {
        return withFormats(success == null ? null : s -> success.apply(s.data()), error == null ? null : s -> error.apply(s.data()));
    }

    /** "on-success" / "on-error": log-format strings evaluated in the check's session. */
    ExpectOptions withFormats(Function<CheckSession, String> success, Function<CheckSession, String> error) {
        return new ExpectOptions(minRecv, okStatus, errorStatus, timeoutStatus, success, error, statusCode, custom);
    }

    /** A protocol check's code, computed from the data read. */
    ExpectOptions withStatusCode(ToIntFunction<byte[]> code) {
        return withStatusExpr(s -> code.applyAsInt(s.data()));
    }

    /** "status-code EXPR": the check's code, -1 when the expression gives no integer. */
    ExpectOptions withStatusExpr(ToIntFunction<CheckSession> code) {
        return new ExpectOptions(minRecv, okStatus, errorStatus, timeoutStatus, onSuccess, onError, code, custom);
    }

    static ExpectOptions custom(CustomExpect parser) {
        return new ExpectOptions(-1, null, null, null, null, null, null, parser);
    }
}
