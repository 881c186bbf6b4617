package org.jhaproxy.runtime.resolvers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** XXH32, which orders an answer's records as haproxy does: the published test vectors. */
class AnswerOrderTest {
    private static int h(String s, int seed) {
        return AnswerOrder.xxh32(s.getBytes(StandardCharsets.US_ASCII), seed);
    }

    @Test
    void publishedVectors() {
        assertEquals(0x02CC5D05, h("", 0));
        assertEquals(0x550D7456, h("a", 0));
        assertEquals(0x32D153FF, h("abc", 0));
        assertEquals(0xE2293B2F, h("Nobody inspects the spammish repetition", 0));
    }
}
