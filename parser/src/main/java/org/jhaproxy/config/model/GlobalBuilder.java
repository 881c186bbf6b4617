package org.jhaproxy.config.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The "global" section while it is being parsed. Settings are recorded by keyword with the
 * position they were set at; the typed view used by the runtime is built from them once.
 */
public final class GlobalBuilder {
    /** keyword -> the words after it, last setting wins, as in HAProxy */
    private final Map<String, Setting> settings = new LinkedHashMap<>();

    public record Setting(Position at, java.util.List<String> args) {
    }

    public void set(String keyword, Position at, java.util.List<String> args) {
        settings.put(keyword, new Setting(at, java.util.List.copyOf(args)));
    }

    public Setting get(String keyword) {
        return settings.get(keyword);
    }

    public Map<String, Setting> settings() {
        return java.util.Collections.unmodifiableMap(settings);
    }
}
