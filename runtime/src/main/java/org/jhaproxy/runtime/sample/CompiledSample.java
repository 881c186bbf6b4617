package org.jhaproxy.runtime.sample;

import java.util.List;
import java.util.function.Predicate;
import org.jhaproxy.config.sample.SampleType;

/**
 * A sample expression ready to run (HAProxy's struct sample_expr): the fetch, then each
 * converter with the cast to the type it takes (sample_process()).
 */
public final class CompiledSample {
    private final Fetch fetch;
    private final SampleConverter[] converters;
    private final SampleType[] inTypes;

    public CompiledSample(Fetch fetch, List<SampleConverter> converters, List<SampleType> inTypes) {
        this.fetch = fetch;
        this.converters = converters.toArray(new SampleConverter[0]);
        this.inTypes = inTypes.toArray(new SampleType[0]);
    }

    public Sample eval(SampleContext c) {
        Sample s = fetch.fetch(c);
        return s == null ? null : convert(s, c);
    }

    /** The ACL form: each value of a multi-valued fetch, converted, until one passes. */
    public boolean anyMatch(SampleContext c, Predicate<Sample> test) {
        if (converters.length == 0) {
            return fetch.anyMatch(c, test);
        }
        return fetch.anyMatch(c, s -> {
            Sample v = convert(s, c);
            return v != null && test.test(v);
        });
    }

    private Sample convert(Sample s, SampleContext c) {
        for (int i = 0; i < converters.length && s != null; i++) {
            s = cast(s, inTypes[i]);
            if (s == null) {
                return null;
            }
            s = converters[i].convert(s, c);
        }
        return s;
    }

    /** sample_casts: the input a converter takes; null when the cast fails. */
    public static Sample cast(Sample s, SampleType to) {
        if (s.type() == to || to == SampleType.ANY) {
            return s;
        }
        return switch (to) {
            case STR -> {
                String v = s.asString();
                yield v == null ? null : Sample.str(v);
            }
            case SINT -> {
                Long v = s.asLong();
                yield v == null ? null : Sample.sint(v);
            }
            case BOOL -> Sample.bool(s.asBool());
            case ADDR, IPV4, IPV6 -> {
                java.net.InetAddress a = s.asAddress();
                yield a == null ? null : Sample.addr(a);
            }
            case BIN -> {
                byte[] b = s.asBytes();
                yield b == null ? null : Sample.bin(b);
            }
            default -> s;
        };
    }
}
