package org.jhaproxy.runtime.http;

import io.netty.handler.codec.DefaultHeaders;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
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
 *
 * <p>Names are checked as Netty checks them (a token: anything else is a 400, as in haproxy).
 * Values are checked as haproxy's H1 parser reads them: a value ends at CR or LF and any other
 * byte, NUL, a control or DEL included, is kept and forwarded as it came; only a bare CR inside
 * a value is refused (Netty's own check also refused the controls and DEL).
 */
final class H1Headers extends DefaultHttpHeaders {
    private static final DefaultHeaders.NameValidator<CharSequence> NAMES =
            DefaultHttpHeadersFactory.headersFactory().getNameValidator();
    private static final DefaultHeaders.ValueValidator<CharSequence> VALUES = value -> {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException("a header value holds a CR or LF at index " + i);
            }
        }
    };

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

    H1Headers() {
        super(NAMES, VALUES);
    }

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
