package org.jhaproxy.runtime.promex;

import java.util.ArrayList;
import java.util.List;

/**
 * Where haproxy's exporter cuts its chunked body. The applet fills the response buffer (an HTX
 * message of 16384 - 48 bytes) once per call, and each call leaves as one chunk. In a call, each
 * dumper (process, frontends, backends, servers) appends its text as one HTX data block (8 more
 * bytes), and stops before a unit when less than 512 bytes (PROMEX_MAX_METRIC_LENGTH) would stay
 * free in its block. The first call shares the buffer with the response head and keeps
 * tune.maxrewrite (1024) free, as nothing is being forwarded yet.
 */
final class PromexChunks {
    /** The HTX space of a default buffer (tune.bufsize 16384, less struct htx). */
    private static final int HTX_SIZE = 16384 - 48;
    /** global.tune.maxrewrite's default. */
    private static final int MAXREWRITE = 1024;
    /** sizeof(struct htx_blk). */
    private static final int BLOCK = 8;
    private static final int MAX_METRIC_LENGTH = 512;
    /**
     * What the response head takes in HTX: the start line (a 20-byte descriptor, "HTTP/1.1",
     * "200", "OK"), three headers (name and value) and the end of headers, each with its block.
     */
    static final int HEAD_HTX = BLOCK + 20 + 8 + 3 + 2 + BLOCK + 13 + 8 + BLOCK + 12 + 25 + BLOCK + 17 + 7 + BLOCK + 1;
    /** The same head as the log counts it (the blocks' data, not their descriptors). */
    static final int HEAD_DATA = HEAD_HTX - 5 * BLOCK;

    private PromexChunks() {
    }

    /** The chunks of the body: each a run of units, from the dumpers' units in order. */
    static List<String> cut(List<List<String>> dumpers) {
        List<String> chunks = new ArrayList<>();
        int dumper = 0;
        int unit = 0;
        boolean first = true;
        while (dumper < dumpers.size()) {
            int used = first ? HEAD_HTX : 0;
            int limit = first ? HTX_SIZE - MAXREWRITE : HTX_SIZE;
            first = false;
            StringBuilder chunk = new StringBuilder();
            boolean full = false;
            while (!full && dumper < dumpers.size()) {
                List<String> units = dumpers.get(dumper);
                int max = limit - used - BLOCK;
                int len = 0;
                while (unit < units.size()) {
                    String u = units.get(unit);
                    if (len + MAX_METRIC_LENGTH > max) {
                        full = true;
                        break;
                    }
                    chunk.append(u);
                    len += u.length();
                    unit++;
                }
                if (len > 0) {
                    used += len + BLOCK;
                }
                if (!full) {
                    dumper++;
                    unit = 0;
                }
            }
            if (chunk.length() > 0) {
                chunks.add(chunk.toString());
            }
        }
        return chunks;
    }
}
