package org.jhaproxy.config.logformat;

import org.jhaproxy.config.sample.SampleExpr;

/**
 * One piece of a log-format string: literal text, a separator (merged spaces), a "%xx"
 * variable, or a "%[expr]" sample expression, with the "%{+Q,-E}" flags given to it.
 */
public sealed interface LogFormatNode {
    record Text(String text) implements LogFormatNode {
    }

    record Separator() implements LogFormatNode {
    }

    record Variable(String name, String flags) implements LogFormatNode {
    }

    record Expression(SampleExpr expr, String text, String flags) implements LogFormatNode {
    }
}
