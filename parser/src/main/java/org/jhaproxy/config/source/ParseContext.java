package org.jhaproxy.config.source;

import org.jhaproxy.config.diag.Diagnostics;
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
}
