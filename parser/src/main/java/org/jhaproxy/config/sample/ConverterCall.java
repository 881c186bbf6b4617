package org.jhaproxy.config.sample;

import java.util.List;

/** A converter applied in a sample expression, with its arguments. */
public record ConverterCall(Converter converter, List<SampleArg> args) {
    public ConverterCall {
        args = List.copyOf(args);
    }
}
