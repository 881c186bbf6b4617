package org.jhaproxy.runtime.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What haproxy learns from the system once, at boot: the host name (gethostname()), the
 * environment ("show env") and the open files limit ("show info"). Read once here, before a
 * "chroot" can hide /proc.
 */
public final class ProcessFacts {
    private static final String HOSTNAME = readHostname();
    private static final List<String> ENVIRON = readEnviron();
    private static final long OPEN_FILES = readOpenFiles();

    private ProcessFacts() {
    }

    /** Reads the facts now (they are read on first use otherwise). */
    static void load() {
        // the static initializer did the work
    }

    /** The host name, or null when it cannot be read. */
    public static String hostname() {
        return HOSTNAME;
    }

    /** The environment as "NAME=value" in the order the kernel holds it. */
    public static List<String> environ() {
        return ENVIRON;
    }

    /** The soft "Max open files" limit, 0 when unlimited or unknown. */
    public static long openFiles() {
        return OPEN_FILES;
    }

    private static String readHostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException e) {
            return null;
        }
    }

    private static List<String> readEnviron() {
        List<String> out = new ArrayList<>();
        try {
            String all = new String(Files.readAllBytes(Path.of("/proc/self/environ")), StandardCharsets.ISO_8859_1);
            for (String v : all.split("\0")) {
                if (!v.isEmpty()) {
                    out.add(v);
                }
            }
        } catch (IOException e) {
            System.getenv().forEach((k, v) -> out.add(k + "=" + v));
        }
        return List.copyOf(out);
    }

    private static long readOpenFiles() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (l.startsWith("Max open files")) {
                    String w = l.substring("Max open files".length()).trim().split("\\s+")[0];
                    return w.equals("unlimited") ? 0 : Long.parseLong(w);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return 0;
    }
}
