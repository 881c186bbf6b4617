package org.jhaproxy.runtime.fcgi;

import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * A response head made from a CGI head. haproxy counts a response's bytes (%B) as its HTX held
 * it when it arrived: with the "Status" header the FCGI filter removes afterwards, without the
 * Date and Content-Length it adds, and without the chunking the client's H1 side adds.
 * {@link #htxAdjust} is what to add to the size of this head to count as haproxy does.
 */
public final class FcgiResponse extends DefaultHttpResponse {
    private final long htxAdjust;

    FcgiResponse(HttpVersion version, HttpResponseStatus status, HttpHeaders headers, long htxAdjust) {
        super(version, status, headers);
        this.htxAdjust = htxAdjust;
    }

    public long htxAdjust() {
        return htxAdjust;
    }

    /** The adjustment of a head that is not a FastCGI one: none. */
    public static long htxAdjust(Object head) {
        return head instanceof FcgiResponse f ? f.htxAdjust : 0;
    }
}
