package org.jhaproxy.config.source;

import org.jhaproxy.config.diag.Diagnostics;
import org.jhaproxy.config.model.ArgScope;
import org.jhaproxy.config.model.ConfigBuilder;

/** What a section parser works with: the messages, the configuration being built, the environment. */
public final class ParseContext {
    private final Diagnostics diag;
    private final ConfigBuilder config;
    private final Environment env;

    public ParseContext(Diagnostics diag, ConfigBuilder config, Environment env) {
        this.diag = diag;
        this.config = config;
        this.env = env;
    }

    public Diagnostics diag() {
        return diag;
    }

    public ConfigBuilder config() {
        return config;
    }

    public Environment env() {
        return env;
    }

    // ---- where the line being parsed is, for what is resolved after parsing (smp_resolve_args) ----
    private Line currentLine;
    private String currentSection;
    private ArgScope argScope;

    /** Called by the reader before each keyword line is handed to its section. */
    public void currentLine(Line line, String section) {
        this.currentLine = line;
        this.currentSection = section;
    }

    public Line currentLine() {
        return currentLine;
    }

    public String currentSection() {
        return currentSection;
    }

    /**
     * An explicit context for expressions parsed outside the line loop (the formats compiled in
     * check_config_validity()), or null to use the current line.
     */
    public void argScope(ArgScope scope) {
        this.argScope = scope;
    }

    public ArgScope argScope() {
        return argScope;
    }
}
