package org.jhaproxy.config.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The process environment as the configuration sees it. HAProxy sets variables of its own before
 * reading the files (HAPROXY_LOCALPEER, HAPROXY_CFGFILES...) and "setenv"/"presetenv" in the
 * global section change it while parsing, so this is a mutable copy, not System.getenv().
 */
public final class Environment {
    private final Map<String, String> vars;
    private final Path cwd;
    /** Where relative paths lead now: the start directory unless "default-path" says otherwise. */
    private Path current;
    private String defaultPathMode = "current";
    private Path origin;

    public Environment(Map<String, String> initial, Path cwd) {
        this.vars = new HashMap<>(initial);
        this.cwd = cwd;
        this.current = cwd;
    }

    public static Environment ofProcess() {
        return new Environment(System.getenv(), Path.of("").toAbsolutePath());
    }

    public String get(String name) {
        return vars.get(name);
    }

    public void set(String name, String value) {
        vars.put(name, value);
    }

    public void unset(String name) {
        vars.remove(name);
    }

    public Map<String, String> snapshot() {
        return Map.copyOf(vars);
    }

    /**
     * A relative path in the configuration is relative to the directory haproxy was started in,
     * or to the one the last "default-path" chose (configuration.txt 3.1).
     */
    public Path resolve(String path) {
        return current.resolve(path);
    }

    /** The directory relative paths lead to once the configuration is read: the process's working directory. */
    public Path currentDirectory() {
        return current;
    }

    /**
     * "default-path current|config|parent|origin <path>": relative paths are from now on
     * relative to the start directory, to the configuration file's, to its parent, or to
     * {@code originPath} (itself relative to the start directory).
     */
    public void defaultPath(String mode, String originPath, String file) {
        defaultPathMode = mode;
        if (mode.equals("origin")) {
            origin = cwd.resolve(originPath).normalize();
        }
        applyDefaultPath(file);
    }

    /** At the start of each configuration file, haproxy applies the mode again for that file. */
    public void applyDefaultPath(String file) {
        int slash = file.lastIndexOf('/');
        String dir = slash < 0 ? "" : file.substring(0, slash);
        current = switch (defaultPathMode) {
            // a file named without a directory part (or right under "/") leaves the start directory
            case "config" -> dir.isEmpty() ? cwd : cwd.resolve(dir);
            case "parent" -> cwd.resolve(dir.isEmpty() ? ".." : dir + "/..");
            case "origin" -> origin != null ? origin : cwd;
            default -> cwd;
        };
    }

    public boolean exists(String path) {
        return Files.exists(resolve(path));
    }
}
