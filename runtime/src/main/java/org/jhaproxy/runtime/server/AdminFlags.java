package org.jhaproxy.runtime.server;

/**
 * A server's administrative flags, haproxy's SRV_ADMF_* with their values (the sum is what
 * "show servers state" prints as srv_admin_state). "F" is forced by the operator, "I"
 * inherited from a tracked server, "C" set by "disabled" in the configuration.
 */
public final class AdminFlags {
    public static final int FMAINT = 0x01;
    public static final int IMAINT = 0x02;
    public static final int CMAINT = 0x04;
    public static final int FDRAIN = 0x08;
    public static final int IDRAIN = 0x10;
    public static final int RMAINT = 0x20;
    /** The name was changed on the CLI ("set server ... fqdn"); a server-state file drops it. */
    public static final int HMAINT = 0x40;
    /** Any of these puts the server in maintenance (CMAINT alone does not: it comes with FMAINT). */
    public static final int MAINT = FMAINT | IMAINT | RMAINT;
    /** Any of these makes the server drain. */
    public static final int DRAIN = FDRAIN | IDRAIN;

    private AdminFlags() {
    }
}
