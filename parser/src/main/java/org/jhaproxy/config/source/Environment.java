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

    public Environment(Map<String, String> initial, Path cwd) {
        this.vars = new HashMap<>(initial);
        this.cwd = cwd;
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

    /** A relative path in the configuration is relative to the directory haproxy was started in. */
    public Path resolve(String path) {
        return cwd.resolve(path);
    }

    public boolean exists(String path) {
        return Files.exists(resolve(path));
    }
}
