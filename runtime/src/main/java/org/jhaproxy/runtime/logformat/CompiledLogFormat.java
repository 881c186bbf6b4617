package org.jhaproxy.runtime.logformat;

import org.jhaproxy.runtime.log.LogInput;
import org.jhaproxy.runtime.log.LogLine;
import org.jhaproxy.runtime.log.LogOptions;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * A log-format string as rules use it (header values, redirect locations, dynamic use_backend,
 * reply bodies): compiled once, evaluated per stream. Unlike a log line, a sample without a
 * value writes nothing at all (no "-").
 */
public final class CompiledLogFormat {
    private final LogLine line;

    private CompiledLogFormat(LogLine line) {
        this.line = line;
    }

    public static CompiledLogFormat compile(String text, CompileScope scope) throws NotSupported {
        return new CompiledLogFormat(LogLine.compile(text, true, LogOptions.HTTP, scope));
    }

    public boolean isConstant() {
        return line.constant() != null;
    }

    public String eval(SampleContext c) {
        return line.build(LogInput.of(c));
    }
}
