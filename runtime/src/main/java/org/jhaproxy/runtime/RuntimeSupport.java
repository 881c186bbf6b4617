package org.jhaproxy.runtime;

import java.util.Optional;
import java.util.Set;
import org.jhaproxy.config.model.ConfigBuilder;
import org.jhaproxy.config.model.KeywordUse;

/**
 * Which configuration keywords the runtime executes. Starting on a configuration that uses any
 * other keyword is refused, naming it: jhaproxy never runs a configuration differently from
 * haproxy by silently ignoring a line.
 */
public final class RuntimeSupport {
    /** section kind + ' ' + keyword, for every keyword the engine executes. */
    private final Set<String> executed;

    public RuntimeSupport(Set<String> executed) {
        this.executed = Set.copyOf(executed);
    }

    /** What this build's runtime executes. The traffic engine is not built yet: nothing. */
    public static RuntimeSupport current() {
        return new RuntimeSupport(Set.of());
    }

    public boolean executes(KeywordUse use) {
        return executed.contains(sectionKind(use.section()) + " " + use.keyword());
    }

    /** The first keyword of the configuration the runtime would not execute, if any. */
    public Optional<KeywordUse> firstUnsupported(ConfigBuilder config) {
        return config.uses().stream().filter(u -> !executes(u)).findFirst();
    }

    private static String sectionKind(String section) {
        return switch (section) {
            case "frontend", "backend", "listen", "defaults" -> "proxy";
            default -> section;
        };
    }
}
