package org.jhaproxy.runtime.check;

/** A check's outcome (HCHK_STATUS_*) with haproxy's description shown after "reason:". */
public enum CheckStatus {
    SOCKERR("Socket error", false, false),
    L4OK("Layer4 check passed", true, false),
    L4TOUT("Layer4 timeout", false, false),
    L4CON("Layer4 connection problem", false, false),
    L7TOUT("Layer7 timeout", false, false),
    L7RSP("Layer7 invalid response", false, false),
    L7OKD("Layer7 check passed", true, true),
    L7STS("Layer7 wrong status", false, true);

    private final String description;
    private final boolean passed;
    private final boolean hasCode;

    CheckStatus(String description, boolean passed, boolean hasCode) {
        this.description = description;
        this.passed = passed;
        this.hasCode = hasCode;
    }

    public String description() {
        return description;
    }

    public boolean passed() {
        return passed;
    }

    /** Statuses from HCHK_STATUS_L57DATA on show the response code. */
    public boolean hasCode() {
        return hasCode;
    }
}
