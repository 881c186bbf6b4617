package org.jhaproxy.runtime.http;

import org.jhaproxy.config.model.Config;

/**
 * The HTTP parsing limits derived from the global tunables: a message head must fit in
 * "tune.bufsize" less the "tune.maxrewrite" reserve (HAProxy's buffer minus its rewrite room);
 * and the compression level of a response body, "tune.comp.maxlevel" (1 unless set).
 */
public record HttpLimits(int maxInitialLine, int maxHeaderSize, int maxChunk, int compLevel) {
    public static HttpLimits of(Config config) {
        long bufsize = config.globalNumber("tune.bufsize", 16384);
        long maxrewrite = config.globalNumber("tune.maxrewrite", Math.min(1024, bufsize / 2));
        int head = (int) Math.max(256, bufsize - maxrewrite);
        return new HttpLimits(head, head, (int) bufsize, compLevel(config));
    }

    /** "tune.comp.maxlevel" as the parser read it (atoi(): "5x" is 5), 1 unless set. */
    private static int compLevel(Config config) {
        java.util.List<String> words = config.global("tune.comp.maxlevel");
        return words == null || words.isEmpty() ? 1 : (int) org.jhaproxy.config.model.ProxyConfig.atol(words.get(0));
    }
}
