package org.jhaproxy.runtime.process;

import com.sun.jna.NativeLong;
import org.jhaproxy.config.diag.Diagnostics;

/**
 * "user"/"uid" and "group"/"gid" (configuration.txt 3.1): the identity the process takes once
 * its listeners are bound and it is chrooted, as haproxy's set_identity() does. 0 means not set
 * (haproxy's zeroed global.uid/gid): switching to root is never asked for.
 */
public record Identity(int uid, int gid) {

    public boolean isSet() {
        return uid != 0 || gid != 0;
    }

    /**
     * Drops the supplementary groups and sets the gid when a group is set, then the uid. A
     * failure is reported with haproxy's words ({@code program} standing for its argv[0]) and
     * returns false: the caller unbinds and exits 1.
     */
    public boolean apply(String program, Diagnostics diag) {
        LibC libc = LibC.INSTANCE;
        if (gid != 0) {
            if (libc.getgroups(0, null) > 0 && libc.setgroups(new NativeLong(0), null) == -1) {
                diag.warning("[" + program + ".main()] Failed to drop supplementary groups. Using 'gid'/'group'"
                        + " without 'uid'/'user' is generally useless.");
            }
            if (libc.setgid(gid) == -1) {
                diag.alert("[" + program + ".main()] Cannot set gid " + gid + ".");
                return false;
            }
        }
        if (uid != 0 && libc.setuid(uid) == -1) {
            diag.alert("[" + program + ".main()] Cannot set uid " + uid + ".");
            return false;
        }
        return true;
    }
}
