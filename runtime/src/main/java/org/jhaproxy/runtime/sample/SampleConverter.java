package org.jhaproxy.runtime.sample;

/** A converter compiled with its arguments; its input was already cast to the type it takes. */
@FunctionalInterface
public interface SampleConverter {
    /** The converted sample, or null when the conversion fails (the expression then has no value). */
    Sample convert(Sample in, SampleContext c);
}
