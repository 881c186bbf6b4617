package org.jhaproxy.cli;

import java.io.IOException;
import java.util.List;
import org.jhaproxy.config.diag.Diagnostics;
import org.jhaproxy.config.model.GlobalBuilder;
import org.jhaproxy.runtime.process.Chroot;
import org.jhaproxy.runtime.process.Identity;

/**
 * What haproxy's main() does between binding its listeners and serving, in its order: a
 * daemon's pidfile (written as root, outside the chroot), "chroot", the old processes of
 * -sf/-st told to stop, then the identity ("group"/"gid" then "user"/"uid"); a daemon's parent
 * may exit once the child listens. Messages name {@code program} where haproxy names argv[0].
 */
final class ProcessStart {
    private final Diagnostics diag;
    private final String program;
    private final Daemon.Child daemon;
    private final String pidFile;
    private final String chroot;
    private final Identity identity;

    private ProcessStart(Diagnostics diag, String program, Daemon.Child daemon, String pidFile, String chroot,
                         Identity identity) {
        this.diag = diag;
        this.program = program;
        this.daemon = daemon;
        this.pidFile = pidFile;
        this.chroot = chroot;
        this.identity = identity;
    }

    /**
     * From the global section as it was read ("pidfile" is -p's when given, see
     * ConfigLoader.pidFile); {@code daemon} is the child's side when this process is one.
     */
    static ProcessStart of(GlobalBuilder global, Daemon.Child daemon, Diagnostics diag, String program) {
        return new ProcessStart(diag, program, daemon, word(global, "pidfile"), word(global, "chroot"),
                new Identity((int) global.number("uid"), (int) global.number("gid")));
    }

    /**
     * A master-worker worker: it tells its master when it listens and is ready through
     * {@code marks}; the pidfile is the master's to write (haproxy writes the master's pid).
     */
    static ProcessStart worker(GlobalBuilder global, Daemon.Child marks, Diagnostics diag, String program) {
        return new ProcessStart(diag, program, marks, null, word(global, "chroot"),
                new Identity((int) global.number("uid"), (int) global.number("gid")));
    }

    static String word(GlobalBuilder global, String keyword) {
        GlobalBuilder.Setting s = global.get(keyword);
        List<String> args = s == null ? List.of() : s.args();
        return args.isEmpty() || args.get(0).isEmpty() ? null : args.get(0);
    }

    /**
     * Runs the steps after the bind; false (after haproxy's alert) when the process must unbind
     * and exit 1.
     */
    boolean afterBind(Runnable tellOldPids) throws IOException {
        if (daemon != null) {
            // only a daemon writes a pidfile, as haproxy in daemon or master-worker mode
            if (pidFile != null) {
                try {
                    Daemon.Child.writePidFile(pidFile);
                } catch (IOException e) {
                    diag.alert("[" + program + ".main()] Cannot create pidfile " + pidFile);
                    return false;
                }
            }
            daemon.listening();
        }
        if (chroot != null && !Chroot.enter(chroot, program, diag)) {
            return false;
        }
        tellOldPids.run();
        if (identity.isSet() && !identity.apply(program, diag)) {
            return false;
        }
        if (daemon != null) {
            daemon.ready();
        }
        return true;
    }
}
