package org.jhaproxy.runtime.check;

/** A check's outcome (HCHK_STATUS_*) with haproxy's description shown after "reason:". */
public enum CheckStatus {
    /** An agent's reply that changes no health (HCHK_STATUS_CHECKED): neither passed nor failed. */
    CHECKED(3, "CHECKED", "No status change", false, false),
    /** The server's observed traffic failed too often ("observe", "on-error"). */
    HANA(4, "HANA", "Health analyze", false, false),
    SOCKERR(5, "SOCKERR", "Socket error", false, false),
    L4OK(6, "L4OK", "Layer4 check passed", true, false),
    L4TOUT(7, "L4TOUT", "Layer4 timeout", false, false),
    L4CON(8, "L4CON", "Layer4 connection problem", false, false),
    /** "option ssl-hello-chk": the server answered a TLS handshake record. */
    L6OK(9, "L6OK", "Layer6 check passed", true, false),
    L6TOUT(10, "L6TOUT", "Layer6 timeout", false, false),
    L6RSP(11, "L6RSP", "Layer6 invalid response", false, false),
    L7TOUT(12, "L7TOUT", "Layer7 timeout", false, false),
    L7RSP(13, "L7RSP", "Layer7 invalid response", false, false),
    L7OKD(15, "L7OK", "Layer7 check passed", true, true),
    /** "http-check disable-on-404" or an expect's "ok-status L7OKC": up, but NOLB (CHK_RES_CONDPASS). */
    L7OKC(16, "L7OKC", "Layer7 check conditionally passed", true, true),
    L7STS(17, "L7STS", "Layer7 wrong status", false, true),
    /** "option external-check": the command failed, ran out of time, or exited 0. */
    PROCERR(18, "PROCERR", "External check error", false, true),
    PROCTOUT(19, "PROCTOUT", "External check timeout", false, true),
    PROCOK(20, "PROCOK", "External check passed", true, true);

    private final int id;
    private final String shortName;
    private final String description;
    private final boolean passed;
    private final boolean hasCode;

    CheckStatus(int id, String shortName, String description, boolean passed, boolean hasCode) {
        this.id = id;
        this.shortName = shortName;
        this.description = description;
        this.passed = passed;
        this.hasCode = hasCode;
    }

    /** Its HCHK_STATUS_* number, as "show servers state" prints it. */
    public int id() {
        return id;
    }

    /** get_check_status_info(): "L4OK", "L7OK", "L7STS"... as the stats show it. */
    public String shortName() {
        return shortName;
    }

    public String description() {
        return description;
    }

    public boolean passed() {
        return passed;
    }

    /** CHK_RES_NEUTRAL: the check counts neither way and changes no state. */
    public boolean neutral() {
        return this == CHECKED;
    }

    /** Its CHK_RES_*: neutral (1), failed (2), passed (3) or conditionally passed (4). */
    public int result() {
        return neutral() ? 1 : this == L7OKC ? 4 : passed ? 3 : 2;
    }

    /** CHK_RES_CONDPASS: it counts as a success but puts the server in the stopping (NOLB) state. */
    public boolean conditional() {
        return this == L7OKC;
    }

    /**
     * A tcp-check status option's value ("ok-status L6OK", "error-status L7STS"...), or null
     * for a name haproxy does not accept there.
     */
    static CheckStatus named(String name) {
        for (CheckStatus s : values()) {
            if (s.shortName.equalsIgnoreCase(name) && s != CHECKED && s != HANA && s != SOCKERR && s.id < PROCERR.id) {
                return s;
            }
        }
        return null;
    }

    /** Statuses from HCHK_STATUS_L57DATA on show the response code. */
    public boolean hasCode() {
        return hasCode;
    }
}
