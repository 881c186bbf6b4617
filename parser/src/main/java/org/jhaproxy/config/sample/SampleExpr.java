package org.jhaproxy.config.sample;

import java.util.List;

/** A parsed sample expression: a fetch with its arguments, then a chain of converters. */
public record SampleExpr(SampleFetch fetch, List<SampleArg> args, List<ConverterCall> converters) {
    public SampleExpr {
        args = List.copyOf(args);
        converters = List.copyOf(converters);
    }

    /** The type of the final value (smp_expr_output_type()). */
    public SampleType outputType() {
        return converters.isEmpty() ? fetch.outType() : converters.get(converters.size() - 1).converter().outType();
    }
}
