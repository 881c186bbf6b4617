package org.jhaproxy.config.global;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * getpwnam()/getgrnam() as HAProxy calls them for "user" and "group": the local account files,
 * /etc/passwd and /etc/group (name:x:id:...).
 */
public final class SystemAccounts {
    private SystemAccounts() {
    }

    public static Integer uid(String name) {
        return lookup(Path.of("/etc/passwd"), name);
    }

    public static Integer gid(String name) {
        return lookup(Path.of("/etc/group"), name);
    }

    private static Integer lookup(Path file, String name) {
        if (name.isEmpty()) {
            return null;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return null;
        }
        for (String l : lines) {
            String[] f = l.split(":", -1);
            if (f.length >= 3 && f[0].equals(name)) {
                try {
                    return Integer.parseInt(f[2]);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
