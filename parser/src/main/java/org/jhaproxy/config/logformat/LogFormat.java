package org.jhaproxy.config.logformat;

import java.util.List;

/** A parsed log-format string (log-format, unique-id-format, set-header values...). */
public record LogFormat(String source, List<LogFormatNode> nodes) {
    public LogFormat {
        nodes = List.copyOf(nodes);
    }

    /** True when some part is computed (a variable or an expression), not only text. */
    public boolean isDynamic() {
        return nodes.stream().anyMatch(n -> n instanceof LogFormatNode.Variable || n instanceof LogFormatNode.Expression);
    }
}
