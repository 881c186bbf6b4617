package org.jhaproxy.runtime.http;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import java.util.List;
import java.util.Map;

/**
 * The headers of a decoded message, kept in their received order. Netty's decoder rewrites
 * repeated identical Content-Length headers into one at the end; haproxy's parser keeps the
 * first where it was and drops the others (h1_parse_cont_len_header), so the rewrite is done
 * in place here.
 */
final class H1Headers extends DefaultHttpHeaders {
    static final HttpHeadersFactory FACTORY = new HttpHeadersFactory() {
        @Override
        public HttpHeaders newHeaders() {
            return new H1Headers();
        }

        @Override
        public HttpHeaders newEmptyHeaders() {
            return new H1Headers();
        }
    };

    @Override
    public HttpHeaders set(CharSequence name, Object value) {
        if (!HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name) || getAll(name).size() < 2) {
            return super.set(name, value);
        }
        List<Map.Entry<String, String>> all = entries();
        clear();
        boolean placed = false;
        for (Map.Entry<String, String> e : all) {
            if (!HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(e.getKey())) {
                add(e.getKey(), e.getValue());
            } else if (!placed) {
                add(e.getKey(), value);
                placed = true;
            }
        }
        return this;
    }
}
