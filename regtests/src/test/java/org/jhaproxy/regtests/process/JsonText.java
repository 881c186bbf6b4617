package org.jhaproxy.regtests.process;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The stats tests' JSON reader (Jackson, strict): objects become ordered maps, arrays lists,
 * numbers exact (BigInteger, BigDecimal with its scale, so that "u64" values and "1.50" compare
 * as printed). Anything that is not JSON, a duplicate member or trailing text included, throws:
 * a "show info json" a JSON client cannot read fails the test.
 */
final class JsonText {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS,
                    DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonText() {
    }

    /** The value {@code text} holds, surrounding white space allowed. */
    static Object parse(String text) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
