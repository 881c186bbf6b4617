package org.jhaproxy.config.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "global" section while it is being parsed. Settings are recorded by keyword with the
 * position they were set at; the typed view used by the runtime is built from them once.
 * Numeric settings are also kept by keyword because HAProxy's "already specified" checks look
 * at whether the value is still 0, not at whether the keyword was seen.
 */
public final class GlobalBuilder {
    /** keyword -> the words after it, last setting wins, as in HAProxy */
    private final Map<String, Setting> settings = new LinkedHashMap<>();
    private final Map<String, Long> numbers = new HashMap<>();
    private final List<LogTarget> logTargets = new ArrayList<>();
    private boolean experimentalAllowed;
    private final ProxyLines lines = new ProxyLines();

    public record Setting(Position at, List<String> args) {
    }

    public void set(String keyword, Position at, List<String> args) {
        settings.put(keyword, new Setting(at, List.copyOf(args)));
    }

    /** Every line of the global sections, in order: the runtime reads its settings from them. */
    public ProxyLines lines() {
        return lines;
    }

    public Setting get(String keyword) {
        return settings.get(keyword);
    }

    public boolean isSet(String keyword) {
        return settings.containsKey(keyword);
    }

    public Map<String, Setting> settings() {
        return Collections.unmodifiableMap(settings);
    }

    /** A numeric setting, 0 when never set (HAProxy's zeroed global struct). */
    public long number(String key) {
        return numbers.getOrDefault(key, 0L);
    }

    public void number(String key, long value) {
        numbers.put(key, value);
    }

    public List<LogTarget> logTargets() {
        return logTargets;
    }

    /** "expose-experimental-directives" was seen: experimental keywords are accepted after it. */
    public boolean experimentalAllowed() {
        return experimentalAllowed;
    }

    public void allowExperimental() {
        experimentalAllowed = true;
    }
}
