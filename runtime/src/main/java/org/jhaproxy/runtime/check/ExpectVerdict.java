package org.jhaproxy.runtime.check;

/**
 * What an expect rule concluded (TCPCHK_EVAL_WAIT / CONTINUE / STOP): wait for more data, go on
 * (after reporting a status on the way, as the MySQL and LDAP parsers do on success), or stop the
 * check with a failure.
 */
record ExpectVerdict(boolean waiting, CheckOutcome report, boolean stop) {
    static final ExpectVerdict WAIT = new ExpectVerdict(true, null, false);
    static final ExpectVerdict PASS = new ExpectVerdict(false, null, false);

    /** The rule passed and reports {@code outcome} now; the run goes on to the next rule. */
    static ExpectVerdict report(CheckOutcome outcome) {
        return new ExpectVerdict(false, outcome, false);
    }

    static ExpectVerdict fail(CheckOutcome outcome) {
        return new ExpectVerdict(false, outcome, true);
    }
}
