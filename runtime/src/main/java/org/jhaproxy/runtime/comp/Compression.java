package org.jhaproxy.runtime.comp;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * HTTP compression (configuration.txt 4.2 "compression", haproxy's compression filter): the
 * request chooses an algorithm from its Accept-Encoding once its backend is known; the
 * response's head decides, before the http-response rules, whether it is compressed; after
 * them its head is rewritten; then its body goes through the encoder part by part. The
 * backend's settings come first, then the frontend's.
 */
public final class Compression {
    private Compression() {
    }

    /**
     * The request's headers after the http-request rules (select_compression_request_header()):
     * the algorithm, kept for the response; with "compression offload" the server does not see
     * Accept-Encoding.
     */
    public static void request(SampleContext c, Proxy frontend, Proxy backend, HttpHeaders headers) {
        CompSettings be = backend.http().comp();
        CompSettings fe = frontend.http().comp();
        if (be == null && fe == null) {
            return;
        }
        CompTxn t = new CompTxn(c.request());
        c.compTxn(t);
        if (oldMozilla(headers.get("user-agent"))) {
            return;
        }
        List<CompAlgo> algos = algos(be, fe);
        t.algo = algos == null ? null : AcceptEncoding.choose(headers, algos);
        if (t.algo != null) {
            if (be != null && be.offload() || fe != null && fe.offload()) {
                headers.remove("accept-encoding");
            }
            return;
        }
        // identity needs no header from the client
        if (algos != null && algos.contains(CompAlgo.IDENTITY)) {
            t.algo = CompAlgo.IDENTITY;
        }
    }

    /** The backend's algorithms if it has a "compression algo" line, else the frontend's, else none. */
    private static List<CompAlgo> algos(CompSettings be, CompSettings fe) {
        if (be != null && !be.algos().isEmpty()) {
            return be.algos();
        }
        return fe != null && !fe.algos().isEmpty() ? fe.algos() : null;
    }

    /**
     * "Mozilla/4" user agents get no compression unless they are MSIE 6 with SV1 (XP SP2) or a
     * later MSIE, by the character positions haproxy reads.
     */
    private static boolean oldMozilla(String ua) {
        if (ua == null || ua.length() < 9 || !ua.startsWith("Mozilla/4")) {
            return false;
        }
        return ua.length() < 31 || !ua.startsWith("MSIE ", 25) || ua.charAt(30) < '6'
                || ua.charAt(30) == '6' && (ua.length() < 54 || !ua.startsWith("SV1", 51));
    }

    /**
     * select_compression_response_header(), before the http-response rules: whether this
     * response is compressed (res.comp); false leaves it as it is.
     */
    public static boolean responseHead(SampleContext c, HttpResponse res, boolean headRequest, boolean lengthKnown,
                                       Proxy frontend, Proxy backend) {
        CompTxn t = c == null ? null : c.compTxn();
        if (t == null || t.algo == null || t.compressing) {
            return false;
        }
        int status = res.status().code();
        if (!ResponseChecks.compressible(res, t.requestVer11, headRequest, lengthKnown, status)
                || !ResponseChecks.typeAllowed(res.headers(), types(backend.http().comp(), frontend.http().comp()))) {
            t.algo = null;
            return false;
        }
        t.compressing = true;
        return true;
    }

    private static List<String> types(CompSettings be, CompSettings fe) {
        if (be != null && !be.types().isEmpty()) {
            return be.types();
        }
        return fe != null && !fe.types().isEmpty() ? fe.types() : null;
    }

    /**
     * set_compression_response_header(), after the http-response rules: the head loses its
     * Content-Length for chunks, weakens a strong ETag, varies on Accept-Encoding and announces
     * the coding. Returns the encoder of its body, or null when it is not compressed.
     */
    public static CompEncoder startResponse(SampleContext c, HttpResponse head, int level) {
        CompTxn t = c == null ? null : c.compTxn();
        if (t == null || !t.compressing) {
            return null;
        }
        HttpHeaders h = head.headers();
        h.remove("content-length");
        if (!io.netty.handler.codec.http.HttpUtil.isTransferEncodingChunked(head)) {
            h.add("transfer-encoding", "chunked");
        }
        String etag = h.get("etag");
        if (etag != null && etag.startsWith("\"")) {
            weakenInPlace(h, "W/" + etag);
        }
        // haproxy 2.6.12 writes them in this order: Vary, then Content-Encoding
        h.add("vary", "Accept-Encoding");
        if (t.algo != CompAlgo.IDENTITY) {
            h.add("content-encoding", t.algo.coding());
        }
        t.encoder = CompEncoder.of(t.algo, level);
        return t.encoder;
    }

    /** The ETag becomes weak where it stands, as http_replace_header_value() rewrites it. */
    private static void weakenInPlace(HttpHeaders h, String weak) {
        List<java.util.Map.Entry<String, String>> all = new java.util.ArrayList<>(h.entries());
        h.clear();
        for (java.util.Map.Entry<String, String> e : all) {
            h.add(e.getKey(), e.getKey().equalsIgnoreCase("etag") ? weak : e.getValue());
        }
    }

    /** res.comp: the response is being compressed. */
    public static boolean compressing(SampleContext c) {
        CompTxn t = c == null ? null : c.compTxn();
        return t != null && t.compressing;
    }

    /** res.comp_algo: the algorithm compressing the response, or null. */
    public static String algorithm(SampleContext c) {
        CompTxn t = c == null ? null : c.compTxn();
        return t != null && t.compressing ? t.algo.configName() : null;
    }

    /** The stream ended: an encoder not finished gives back its native memory. */
    public static void ended(SampleContext c) {
        CompTxn t = c == null ? null : c.compTxn();
        if (t != null) {
            t.ended();
        }
    }

    /** What one transaction's compression filter knows (comp_state). */
    public static final class CompTxn {
        final boolean requestVer11;
        CompAlgo algo;
        boolean compressing;
        CompEncoder encoder;

        CompTxn(HttpRequest request) {
            this.requestVer11 = request.protocolVersion().equals(HttpVersion.HTTP_1_1);
        }

        void ended() {
            if (encoder != null) {
                encoder.end();
                encoder = null;
            }
        }
    }
}
