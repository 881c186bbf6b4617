package org.jhaproxy.runtime.process;

import java.nio.file.Path;
import java.util.Set;

/**
 * The process's working directory once the configuration is read: haproxy changes it while
 * parsing for "-C" and "default-path" (configuration.txt 3.1) and stays there, so that the
 * paths the running process opens (a relative "stats socket", a UNIX log socket, the files of
 * the checks) resolve as they did in the configuration.
 */
public final class WorkingDirectory {
    public static final Set<String> EXECUTED = Set.of("global default-path");

    private WorkingDirectory() {
    }

    /** Changes to {@code dir} unless it is already {@code start}; false when the system refused. */
    public static boolean enter(Path dir, Path start) {
        if (dir.normalize().equals(start.normalize())) {
            return true;
        }
        return LibC.INSTANCE.chdir(dir.toString()) == 0;
    }
}
