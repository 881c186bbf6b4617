package org.jhaproxy.runtime.check;

/**
 * An "http-check expect" rule evaluated on the response read so far (tcpcheck_eval_expect_http()):
 * the status line, the headers or the body. A failure's info is the rule's "on-error", else the
 * response's reason (status and header rules) or haproxy's body messages, then its comment;
 * "error-status" replaces L7STS / L7RSP. With "http-check disable-on-404", a 404 from a server
 * not down passes whatever the rule says, and makes the check conditionally pass when the rule
 * is the last.
 */
final class HttpExpect {
    private HttpExpect() {
    }

    /**
     * @param disable404 "http-check disable-on-404" applies (the server is not down)
     * @return WAIT, PASS, or a failure with its outcome
     */
    static ExpectVerdict evaluate(CheckRules program, int index, CheckSession session, boolean lastRead, boolean disable404) {
        CheckRule.Expect e = (CheckRule.Expect) program.rules().get(index);
        ExpectOptions o = e.options();
        HttpCheckResponse rsp = HttpCheckResponse.parse(session.data());
        if (rsp == null) {
            return lastRead ? fail(program, index, session, CheckStatus.L7RSP, 0, "") : ExpectVerdict.WAIT;
        }
        // the whole message read is as conclusive as the server closing (HTX_FL_EOM)
        boolean last = lastRead || rsp.complete();
        if (disable404 && rsp.status() == 404) {
            return ExpectVerdict.PASS;
        }
        CheckStatus err = o.errorStatus();
        boolean bodyRule = e.match() == CheckRule.Match.STRING || e.match() == CheckRule.Match.RSTRING;
        if (bodyRule) {
            int length = rsp.body().length();
            if (length == 0) {
                return !last ? ExpectVerdict.WAIT : fail(program, index, session, err != null ? err : CheckStatus.L7RSP,
                        rsp.status(), o.onError() != null ? "" : "HTTP content check could not find a response body");
            }
            if (!last && ((e.match() == CheckRule.Match.STRING && length < e.pattern().length())
                    || (o.minRecv() > 0 && length < o.minRecv()))) {
                return ExpectVerdict.WAIT;
            }
        }
        boolean match = switch (e.match()) {
            case STATUS -> StatusRanges.matches(e.pattern(), rsp.status());
            case RSTATUS -> e.regex().matcher(String.valueOf(rsp.status())).find();
            case STRING -> rsp.body().contains(e.pattern());
            case HEADER -> e.header().matches(rsp.headers());
            default -> e.regex().matcher(rsp.body()).find();
        };
        if (bodyRule && !match && !last && o.minRecv() == -1) {
            return ExpectVerdict.WAIT;
        }
        if (match ^ e.inverse()) {
            return ExpectVerdict.PASS;
        }
        String desc = o.onError() != null ? "" : bodyRule
                ? (e.inverse() ? "HTTP check matched unwanted content" : "HTTP content check did not match")
                : rsp.reason();
        return fail(program, index, session, err != null ? err : bodyRule ? CheckStatus.L7RSP : CheckStatus.L7STS,
                rsp.status(), desc);
    }

    private static ExpectVerdict fail(CheckRules program, int index, CheckSession session, CheckStatus status, int code,
                                      String desc) {
        CheckRule.Expect e = (CheckRule.Expect) program.rules().get(index);
        return ExpectVerdict.fail(new CheckOutcome(status, TcpExpect.code(e.options(), session, code),
                TcpExpect.failureInfo(program, index, session, false, desc)));
    }
}
