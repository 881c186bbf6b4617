package org.jhaproxy.runtime.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** req.body_param (configuration.txt 7.3.6), as http_find_next_url_param() cuts a url-encoded body. */
class BodyFetchesTest {
    @Test
    void namedParameterStartsAtAParameter() {
        assertEquals("bob", BodyFetches.next("user=bob&lang=fr", "user", 0, null));
        assertEquals("fr", BodyFetches.next("user=bob&lang=fr", "lang", 0, null));
        // "xuser=" is not "user=": the name must start a parameter
        assertEquals("2", BodyFetches.next("xuser=1&user=2", "user", 0, null));
        // a name without '=' has no value to give
        assertNull(BodyFetches.next("user&lang=fr", "user", 0, null));
        assertEquals("", BodyFetches.next("user=&x=1", "user", 0, null));
        assertNull(BodyFetches.next("a=1", "b", 0, null));
    }

    @Test
    void withoutNameTheFirstValue() {
        assertEquals("bob", BodyFetches.next("user=bob&lang=fr", "", 0, null));
        // the text after the first '=', whatever precedes it
        assertEquals("1", BodyFetches.next("flag&b=1", "", 0, null));
        assertNull(BodyFetches.next("flag", "", 0, null));
    }

    @Test
    void iterationGoesOnAfterEachValue() {
        int[] end = new int[1];
        assertEquals("1", BodyFetches.next("a=1&a=2", "a", 0, end));
        assertEquals("2", BodyFetches.next("a=1&a=2", "a", end[0], end));
        assertNull(BodyFetches.next("a=1&a=2", "a", end[0], end));
    }
}
