package org.jhaproxy.runtime.comp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How Accept-Encoding chooses among "compression algo gzip deflate" (configuration.txt 4.2
 * "compression"; haproxy links the algorithms last-named first): select_compression_request_header()
 * and http_parse_qvalue(), quirks included.
 */
class AcceptEncodingTest {
    /** "compression algo gzip deflate": deflate comes first. */
    private static final List<CompAlgo> ALGOS = List.of(CompAlgo.DEFLATE, CompAlgo.GZIP);

    private static CompAlgo choose(String... values) {
        HttpHeaders h = new DefaultHttpHeaders();
        for (String v : values) {
            h.add("accept-encoding", v);
        }
        return AcceptEncoding.choose(h, ALGOS);
    }

    @Test
    void theClientsOrderDecidesAmongEqualWeights() {
        assertEquals(CompAlgo.GZIP, choose("gzip, deflate"));
        assertEquals(CompAlgo.DEFLATE, choose("deflate, gzip"));
        assertEquals(CompAlgo.GZIP, choose("br", "GZip"));
    }

    @Test
    void theHighestWeightWins() {
        assertEquals(CompAlgo.DEFLATE, choose("gzip;q=0.5, deflate;q=0.6"));
        assertEquals(CompAlgo.GZIP, choose("gzip ; level=1 ; q=0.9, deflate;q=0.8"));
        assertNull(choose("gzip;q=0, deflate;q=0.000"));
    }

    @Test
    void aStarTakesTheConfigurationsFirstAlgorithm() {
        assertEquals(CompAlgo.DEFLATE, choose("br, *"));
        assertEquals(CompAlgo.GZIP, choose("gzip;q=0.9, *;q=0.8"));
    }

    @Test
    void qvaluesAreReadAsHaproxyReadsThem() {
        // no digit after "q=": a weight of 1; "0.5" and ".5" differ
        assertEquals(CompAlgo.GZIP, choose("deflate;q=0.5, gzip;q=.5"));
        // more than three decimals are ignored, and weights above 1 count as 1
        assertEquals(CompAlgo.DEFLATE, choose("deflate;q=1.5, gzip"));
        assertEquals(CompAlgo.GZIP, choose("deflate;q=0.0009, gzip;q=0.001"));
    }

    @Test
    void noKnownCodingChoosesNothing() {
        assertNull(choose("br, identity"));
        assertNull(choose(""));
        assertNull(choose("gzipx"));
    }
}
