package org.jhaproxy.runtime.check;

/** A check's outcome (HCHK_STATUS_*) with haproxy's description shown after "reason:". */
public enum CheckStatus {
    /** An agent's reply that changes no health (HCHK_STATUS_CHECKED): neither passed nor failed. */
    CHECKED(3, "No status change", false, false),
    SOCKERR(5, "Socket error", false, false),
    L4OK(6, "Layer4 check passed", true, false),
    L4TOUT(7, "Layer4 timeout", false, false),
    L4CON(8, "Layer4 connection problem", false, false),
    L7TOUT(12, "Layer7 timeout", false, false),
    L7RSP(13, "Layer7 invalid response", false, false),
    L7OKD(15, "Layer7 check passed", true, true),
    L7STS(17, "Layer7 wrong status", false, true);

    private final int id;
    private final String description;
    private final boolean passed;
    private final boolean hasCode;

    CheckStatus(int id, String description, boolean passed, boolean hasCode) {
        this.id = id;
        this.description = description;
        this.passed = passed;
        this.hasCode = hasCode;
    }

    /** Its HCHK_STATUS_* number, as "show servers state" prints it. */
    public int id() {
        return id;
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

    /** Its CHK_RES_*: neutral (1), failed (2) or passed (3). */
    public int result() {
        return neutral() ? 1 : passed ? 3 : 2;
    }

    /** Statuses from HCHK_STATUS_L57DATA on show the response code. */
    public boolean hasCode() {
        return hasCode;
    }
}
