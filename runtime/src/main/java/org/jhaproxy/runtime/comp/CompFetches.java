package org.jhaproxy.runtime.comp;

import java.util.Map;
import org.jhaproxy.runtime.sample.Fetches;
import org.jhaproxy.runtime.sample.Sample;

/** res.comp and res.comp_algo (configuration.txt 7.3.6): whether and how the response is compressed. */
public final class CompFetches {
    private CompFetches() {
    }

    public static void register(Map<String, Fetches.Factory> m) {
        m.put("res.comp", (a, s) -> c -> Sample.bool(Compression.compressing(c)));
        m.put("res.comp_algo", (a, s) -> c -> {
            String algo = Compression.algorithm(c);
            return algo == null ? null : Sample.str(algo);
        });
    }
}
