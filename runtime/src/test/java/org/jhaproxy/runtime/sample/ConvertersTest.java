package org.jhaproxy.runtime.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Converters of configuration.txt section 7.3.1, as haproxy 2.6 computes them. */
class ConvertersTest {
    @Test
    void fieldCountsFromEitherEnd() {
        assertEquals("b", TextConverters.field("a:b::c", 2, ":", 1));
        assertEquals("", TextConverters.field("a:b::c", 3, ":", 1));
        assertEquals("c", TextConverters.field("a:b::c", -1, ":", 1));
        assertEquals("b:", TextConverters.field("a:b::c", 2, ":", 2));
        assertEquals("a", TextConverters.field("a/b", 1, "/", 1));
        // past the last field: no sample
        assertNull(TextConverters.field("a:b", 3, ":", 1));
    }

    @Test
    void wordSkipsEmptyRuns() {
        assertEquals("c", TextConverters.word("a:b::c", 3, ":", 1));
        assertEquals("c", TextConverters.word("a:b::c", -1, ":", 1));
        assertEquals("b", TextConverters.word("/a/b/", 2, "/", 1));
        // past the last word: an empty string
        assertEquals("", TextConverters.word("a:b", 5, ":", 1));
    }

    @Test
    void regsubBackReferencesAndFlags() {
        SampleConverter once = TextConverters.regsub("a(.)", "<\\1>", "");
        assertEquals("x<b>ac", ((String) once.convert(Sample.str("xabac"), null).value()));
        SampleConverter all = TextConverters.regsub("A", "-", "gi");
        assertEquals("-b-c", ((String) all.convert(Sample.str("abac"), null).value()));
    }

    @Test
    void hexIsUpperCase() {
        assertEquals("0AFF", TextConverters.hex(new byte[] {0x0a, (byte) 0xff}));
    }

    @Test
    void castsFollowSampleCasts() {
        assertEquals(42L, Sample.str("42").asLong());
        assertNull(Sample.str("4x").asLong());
        assertEquals("1", Sample.TRUE.asString());
        assertEquals("127.0.0.1", Sample.addr(Addresses.parse("127.0.0.1")).asString());
    }

    @Test
    void headerValuesSplitOnCommasOutsideQuotes() {
        io.netty.handler.codec.http.HttpHeaders h = new io.netty.handler.codec.http.DefaultHttpHeaders();
        h.add("Accept", "a, \"b,c\" ,d");
        h.add("accept", "e");
        assertEquals(List.of("a", "\"b,c\"", "d", "e"), HeaderValues.of(h, "ACCEPT", false));
        assertEquals("e", HeaderValues.occurrence(HeaderValues.of(h, "accept", false), 0));
        assertEquals("a", HeaderValues.occurrence(HeaderValues.of(h, "accept", false), 1));
        assertEquals("d", HeaderValues.occurrence(HeaderValues.of(h, "accept", false), -2));
    }

    @Test
    void urlParts() {
        assertEquals("/a/b", RequestUri.path("/a/b?x=1"));
        assertEquals("/p", RequestUri.path("http://h:80/p?q"));
        assertEquals("x=1&id=42", RequestUri.query("/a?x=1&id=42"));
        assertEquals("42", RequestUri.param("/a?x=1&id=42", "id", '&'));
        assertNull(RequestUri.param("/a?x=1&idx=42", "id", '&'));
    }
}
