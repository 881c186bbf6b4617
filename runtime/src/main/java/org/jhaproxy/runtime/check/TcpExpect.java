package org.jhaproxy.runtime.check;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A tcp-check expect rule evaluated on the bytes read so far (tcpcheck_eval_expect()): it waits
 * for "min-recv" bytes (or a string pattern's length), matches, and on a failure builds the
 * info haproxy shows: the rule's "on-error" text, else the generic "TCPCHK did not match
 * content ..." of a plain tcp-check (a protocol check shows none), then the rule's comment.
 */
final class TcpExpect {
    /** A check's buffer (tune.bufsize): a full one is as conclusive as the server closing. */
    private static final int BUFFER = 16384;

    private TcpExpect() {
    }

    static ExpectVerdict evaluate(CheckRules program, int index, CheckSession session, boolean lastRead) {
        byte[] data = session.data();
        CheckRule.Expect e = (CheckRule.Expect) program.rules().get(index);
        ExpectOptions o = e.options();
        lastRead |= data.length >= BUFFER;
        if (!lastRead) {
            boolean literal = e.match() == CheckRule.Match.STRING || e.match() == CheckRule.Match.BINARY;
            if ((literal && data.length < e.bytes().length) || (o.minRecv() > 0 && data.length < o.minRecv())) {
                return ExpectVerdict.WAIT;
            }
        }
        if (e.match() == CheckRule.Match.CUSTOM) {
            ExpectVerdict v = o.custom().evaluate(data, lastRead, lastRule(program, index));
            if (!v.stop()) {
                return v;
            }
            CheckOutcome f = v.report();
            return ExpectVerdict.fail(new CheckOutcome(f.status(), code(o, session, f.code()),
                    failureInfo(program, index, session, false, f.info())));
        }
        boolean match = switch (e.match()) {
            case STRING, BINARY -> indexOf(data, e.bytes()) >= 0;
            case RSTRING -> e.regex().matcher(new String(data, StandardCharsets.ISO_8859_1)).find();
            case RBINARY -> e.regex().matcher(HexFormat.of().withUpperCase().formatHex(data)).find();
            default -> false;
        };
        if (!match && !lastRead && o.minRecv() == -1) {
            return ExpectVerdict.WAIT;
        }
        if (match ^ e.inverse()) {
            return ExpectVerdict.PASS;
        }
        CheckStatus status = o.errorStatus() != null ? o.errorStatus() : CheckStatus.L7RSP;
        return ExpectVerdict.fail(new CheckOutcome(status, code(o, session, 0), failureInfo(program, index, session, match, "")));
    }

    /** The outcome of a check whose last rule is this expect (tcpcheck_expect_onsuccess_message()). */
    static CheckOutcome success(CheckRules program, int index, CheckSession session, int dfltCode) {
        CheckRule.Expect e = (CheckRule.Expect) program.rules().get(index);
        ExpectOptions o = e.options();
        String info = o.onSuccess() != null ? o.onSuccess().apply(session)
                : program.kind() == CheckRules.Kind.TCP ? "(tcp-check)" : "";
        return new CheckOutcome(o.okStatus() != null ? o.okStatus() : CheckStatus.L7OKD, code(o, session, dfltCode),
                CheckOutcome.info(info));
    }

    /**
     * A timeout while waiting on rule {@code next}: its "tout-status" or L7TOUT, a tcp-check
     * naming the step and what it expected (chk_report_conn_err()).
     */
    static CheckOutcome timeout(CheckRules program, int next) {
        CheckRule r = next < program.rules().size() ? program.rules().get(next) : null;
        CheckStatus status = r instanceof CheckRule.Expect e && e.options().timeoutStatus() != null
                ? e.options().timeoutStatus() : CheckStatus.L7TOUT;
        String info = "";
        if (program.kind() == CheckRules.Kind.TCP && r instanceof CheckRule.Expect e) {
            String c = program.comment(next);
            info = " at step " + (next + 1) + " of tcp-check (expect " + switch (e.match()) {
                case STRING -> "string '" + e.pattern() + "')";
                case BINARY -> "binary '" + e.pattern() + "')";
                case RBINARY -> "binary regex)";
                case CUSTOM -> "custom function)";
                default -> "regex)";
            } + (c == null ? "" : " comment: '" + c + "'");
        }
        return CheckOutcome.of(status, info);
    }

    /** Whether no rule but comments follows {@code index}. */
    static boolean lastRule(CheckRules program, int index) {
        for (int i = index + 1; i < program.rules().size(); i++) {
            if (!CheckRules.skipped(program.rules().get(i))) {
                return false;
            }
        }
        return true;
    }

    static int code(ExpectOptions o, CheckSession session, int dflt) {
        if (o.statusCode() == null) {
            return dflt;
        }
        int code = o.statusCode().applyAsInt(session);
        return code >= 0 ? code : dflt;
    }

    /** tcpcheck_expect_onerror_message(). */
    static String failureInfo(CheckRules program, int index, CheckSession session, boolean matched, String desc) {
        CheckRule.Expect e = (CheckRule.Expect) program.rules().get(index);
        StringBuilder msg = new StringBuilder();
        if (desc != null && !desc.isEmpty()) {
            msg.append(desc);
        } else if (e.options().onError() != null) {
            msg.append(e.options().onError().apply(session));
        } else if (program.kind() == CheckRules.Kind.TCP) {
            msg.append(matched ? "TCPCHK matched unwanted content" : "TCPCHK did not match content").append(switch (e.match()) {
                case STRING -> " '" + e.pattern() + "'";
                case BINARY -> " (binary)";
                case RBINARY -> " (binary regex)";
                case CUSTOM -> " (custom function)";
                case STATUS -> "(status codes)";
                case HEADER -> " (header pattern)";
                default -> " (regex)";
            }).append(" at step ").append(index + 1);
        }
        if (program.comment(index) != null) {
            msg.append(" comment: ").append(program.comment(index));
        }
        return CheckOutcome.info(msg.toString());
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
