package org.jhaproxy.runtime.comp;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;

/**
 * The response conditions of select_compression_response_header(): what haproxy never
 * compresses (HTTP/1.0 on either side, HEAD, a status other than 200 to 203, a body without a
 * known length, an encoded body, "Cache-Control: no-transform", an invalid or repeated ETag,
 * multipart), and the "compression type" prefixes a Content-Type must start with.
 */
final class ResponseChecks {
    private ResponseChecks() {
    }

    static boolean compressible(HttpResponse res, boolean requestVer11, boolean headRequest, boolean lengthKnown,
                                int status) {
        if (!requestVer11 || !res.protocolVersion().equals(HttpVersion.HTTP_1_1) || headRequest) {
            return false;
        }
        HttpHeaders h = res.headers();
        if (status < 200 || status > 203 || !hasBody(res, lengthKnown)) {
            return false;
        }
        if (h.contains("content-encoding")) {
            return false;
        }
        for (String cc : h.getAll("cache-control")) {
            for (String v : cc.split(",", -1)) {
                if (v.strip().equalsIgnoreCase("no-transform")) {
                    return false;
                }
            }
        }
        List<String> etags = h.getAll("etag");
        return etags.isEmpty() || etags.size() == 1 && validEtag(etags.get(0));
    }

    /**
     * HTTP_MSGF_XFER_LEN without HTTP_MSGF_BODYLESS: chunks, or a Content-Length other than 0
     * (h1_htx's start line flags mark "Content-Length: 0" bodyless).
     */
    private static boolean hasBody(HttpResponse res, boolean lengthKnown) {
        if (!lengthKnown) {
            return false;
        }
        if (io.netty.handler.codec.http.HttpUtil.isTransferEncodingChunked(res)) {
            return true;
        }
        return io.netty.handler.codec.http.HttpUtil.getContentLength(res, 0L) > 0;
    }

    /** http_get_etag_type() is not ETAG_INVALID: a quoted tag, strong or "W/" weak. */
    private static boolean validEtag(String e) {
        return e.length() >= 2 && e.endsWith("\"") && (e.startsWith("\"") || e.startsWith("W/\""));
    }

    /** Multipart never; with "compression type" lines, only a Content-Type starting with one of them. */
    static boolean typeAllowed(HttpHeaders h, List<String> types) {
        String ct = h.get("content-type");
        if (ct == null) {
            return types == null;
        }
        if (ct.regionMatches(true, 0, "multipart", 0, 9)) {
            return false;
        }
        if (types == null) {
            return true;
        }
        for (String t : types) {
            if (ct.regionMatches(true, 0, t, 0, t.length())) {
                return true;
            }
        }
        return false;
    }
}
