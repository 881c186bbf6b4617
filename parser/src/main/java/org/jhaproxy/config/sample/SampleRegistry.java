package org.jhaproxy.config.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sample fetches and converters HAProxy 2.6 registers, read once, on first use, from
 * resources derived from `haproxy -dKsmp` and `-dKcnv` (so `-c` pays nothing when a
 * configuration uses no sample).
 */
public final class SampleRegistry {
    private static volatile SampleRegistry standard;

    private final Map<String, SampleFetch> fetches;
    private final Map<String, Converter> converters;

    private SampleRegistry(Map<String, SampleFetch> fetches, Map<String, Converter> converters) {
        this.fetches = fetches;
        this.converters = converters;
    }

    public static SampleRegistry standard() {
        SampleRegistry r = standard;
        if (r == null) {
            synchronized (SampleRegistry.class) {
                r = standard;
                if (r == null) {
                    r = new SampleRegistry(loadFetches(), loadConverters());
                    standard = r;
                }
            }
        }
        return r;
    }

    public SampleFetch fetch(String name) {
        return fetches.get(name);
    }

    public Converter converter(String name) {
        return converters.get(name);
    }

    public Collection<SampleFetch> fetches() {
        return Collections.unmodifiableCollection(fetches.values());
    }

    public Collection<Converter> converters() {
        return Collections.unmodifiableCollection(converters.values());
    }

    /** Lines "YY.Y... name(args): type": the capability flags, then the signature. */
    private static Map<String, SampleFetch> loadFetches() {
        Map<String, SampleFetch> out = new LinkedHashMap<>();
        for (String line : lines("fetches.txt")) {
            int sp = line.indexOf(' ');
            String flags = line.substring(0, sp);
            int valid = 0;
            for (int i = 0; i < flags.length(); i++) {
                if (flags.charAt(i) == 'Y') {
                    valid |= 1 << i;
                }
            }
            String rest = line.substring(sp + 1);
            int colon = rest.lastIndexOf(": ");
            Signature s = signature(rest.substring(0, colon));
            out.put(s.name, new SampleFetch(s.name, s.args, SampleType.fromDump(rest.substring(colon + 2).trim()), valid));
        }
        return out;
    }

    /** Lines "name(args): out => in", as smp_dump_conv_kw() prints them. */
    private static Map<String, Converter> loadConverters() {
        Map<String, Converter> out = new LinkedHashMap<>();
        for (String line : lines("converters.txt")) {
            int colon = line.lastIndexOf(": ");
            Signature s = signature(line.substring(0, colon));
            String[] types = line.substring(colon + 2).split(" => ");
            out.put(s.name, new Converter(s.name, s.args,
                    SampleType.fromDump(types[1].trim()), SampleType.fromDump(types[0].trim())));
        }
        return out;
    }

    private record Signature(String name, ArgSignature args) {
    }

    private static Signature signature(String text) {
        int paren = text.indexOf('(');
        if (paren < 0) {
            return new Signature(text, ArgSignature.NONE);
        }
        return new Signature(text.substring(0, paren), ArgSignature.parseDump(text.substring(paren + 1, text.lastIndexOf(')'))));
    }

    private static java.util.List<String> lines(String resource) {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (InputStream in = SampleRegistry.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String l;
            while ((l = r.readLine()) != null) {
                if (!l.isBlank()) {
                    out.add(l);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
