package org.jhaproxy.runtime.sample;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jhaproxy.config.sample.SampleArg;
import org.jhaproxy.runtime.lb.HashFunction;
import org.jhaproxy.runtime.sample.HttpFetches.Direction;

/**
 * More HTTP fetches of configuration.txt 7.3.6 (http_fetch.c): the whole header block and the
 * header names, full-line counts, the versions, the captured request line, the first request
 * of a connection, and the URL hashes (base32, url32 and their "+src" forms).
 */
final class HttpMessageFetches {
    private HttpMessageFetches() {
    }

    static void register(Map<String, Fetches.Factory> m) {
        m.put("req.hdrs", (a, s) -> c -> block(Direction.REQUEST.headers(c)));
        m.put("res.hdrs", (a, s) -> c -> block(Direction.RESPONSE.headers(c)));
        m.put("req.hdr_names", (a, s) -> names(a, Direction.REQUEST));
        m.put("res.hdr_names", (a, s) -> names(a, Direction.RESPONSE));
        m.put("req.fhdr_cnt", (a, s) -> fullCount(a, Direction.REQUEST));
        m.put("res.fhdr_cnt", (a, s) -> fullCount(a, Direction.RESPONSE));
        Fetches.Factory resVer = (a, s) -> c -> c.response() == null ? null : Sample.str(afterSlash(c.response()));
        m.put("res.ver", resVer);
        m.put("resp_ver", resVer);
        m.put("capture.req.ver", (a, s) -> c -> c.request() == null ? null : Sample.str(httpVersion(c.request().protocolVersion())));
        m.put("capture.res.ver", (a, s) -> c -> c.response() == null ? null : Sample.str(httpVersion(c.response().protocolVersion())));
        // the request line as received (txn->uri), in the request and the response rules
        m.put("capture.req.method", (a, s) -> c -> c.receivedMethod() == null ? null : Sample.str(c.receivedMethod()));
        m.put("capture.req.uri", (a, s) -> c -> {
            String path = c.receivedUri() == null ? null : RequestUri.pathQuery(c.receivedUri());
            return path == null ? null : Sample.str(path);
        });
        m.put("http_first_req", (a, s) -> c -> c.hasStream() ? Sample.bool(c.firstRequest()) : null);
        Fetches.Factory proto = (a, s) -> c -> c.request() == null ? null : Sample.TRUE;
        m.put("req.proto_http", proto);
        m.put("req_proto_http", proto);
        m.put("baseq", (a, s) -> c -> c.request() == null ? null : Sample.str(baseq(c.request())));
        m.put("base32", (a, s) -> c -> c.request() == null ? null : Sample.sint(base32(c.request())));
        m.put("url32", (a, s) -> c -> c.request() == null ? null : Sample.sint(url32(c.request())));
        m.put("base32+src", (a, s) -> c -> c.request() == null ? null : withSource(base32(c.request()), c));
        m.put("url32+src", (a, s) -> c -> c.request() == null ? null : withSource(url32(c.request()), c));
    }

    /** req.hdrs: every header line as HTTP/1 writes it (HTX names, lower case), then the empty line. */
    private static Sample block(HttpHeaders h) {
        if (h == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : h) {
            b.append(e.getKey().toLowerCase(java.util.Locale.ROOT)).append(": ").append(e.getValue()).append("\r\n");
        }
        return Sample.str(b.append("\r\n").toString());
    }

    private static Fetch names(List<SampleArg> a, Direction dir) {
        char delim = a.isEmpty() || a.get(0).text().isEmpty() ? ',' : a.get(0).text().charAt(0);
        return c -> {
            HttpHeaders h = dir.headers(c);
            if (h == null) {
                return null;
            }
            StringBuilder b = new StringBuilder();
            for (Map.Entry<String, String> e : h) {
                if (b.length() > 0) {
                    b.append(delim);
                }
                b.append(e.getKey().toLowerCase(java.util.Locale.ROOT));
            }
            return Sample.str(b.toString());
        };
    }

    /** fhdr_cnt: the header lines of that name (all of them without a name), commas not splitting. */
    private static Fetch fullCount(List<SampleArg> a, Direction dir) {
        String name = a.isEmpty() || a.get(0).text().isEmpty() ? null : a.get(0).text();
        return c -> {
            HttpHeaders h = dir.headers(c);
            return h == null ? null : Sample.sint(HeaderValues.of(h, name, true).size());
        };
    }

    /** The version of the status line after its '/' ("1.1"). */
    private static String afterSlash(HttpResponse r) {
        String v = r.protocolVersion().text();
        int slash = v.indexOf('/');
        return v.substring(slash + 1);
    }

    /** capture.*.ver: "HTTP/1.1" for a 1.1 message, "HTTP/1.0" for any other. */
    private static String httpVersion(io.netty.handler.codec.http.HttpVersion v) {
        return v.majorVersion() == 1 && v.minorVersion() >= 1 || v.majorVersion() > 1 ? "HTTP/1.1" : "HTTP/1.0";
    }

    /** The first value of the first Host header (http_find_header(), commas splitting), or null. */
    static String host(HttpRequest r) {
        List<String> v = HeaderValues.of(r.headers(), "host", false);
        return v.isEmpty() ? null : v.get(0);
    }

    /** baseq: the first Host value and the path with its query; the path alone without a Host. */
    private static String baseq(HttpRequest r) {
        String host = host(r);
        String path = RequestUri.pathQuery(r.uri());
        if (host == null || host.isEmpty()) {
            return path;
        }
        return path != null && path.startsWith("/") ? host + path : host;
    }

    /** base32: sdbm of the first Host value then of the path before '?', then avalanched. */
    static long base32(HttpRequest r) {
        String host = host(r);
        long hash = host == null ? 0 : sdbm(0, host);
        String path = RequestUri.path(r.uri());
        if (path != null && path.startsWith("/")) {
            hash = sdbm(hash, path);
        }
        return HashFunction.avalanche(hash);
    }

    /** url32: as base32 with the whole first Host line and the path with its query. */
    static long url32(HttpRequest r) {
        String host = r.headers().get("host");
        long hash = host == null ? 0 : sdbm(0, host);
        String path = RequestUri.pathQuery(r.uri());
        if (path != null && path.startsWith("/")) {
            hash = sdbm(hash, path);
        }
        return HashFunction.avalanche(hash);
    }

    /** hash = c + (hash << 6) + (hash << 16) - hash over each byte, read as a signed char. */
    private static long sdbm(long start, String s) {
        int hash = (int) start;
        for (byte b : s.getBytes(StandardCharsets.ISO_8859_1)) {
            hash = b + (hash << 6) + (hash << 16) - hash;
        }
        return hash & 0xffffffffL;
    }

    /** The hash in network order, then the stream's source address (4 or 16 bytes). */
    private static Sample withSource(long hash, SampleContext c) {
        if (c.src() == null) {
            return null;
        }
        byte[] addr = c.src().getAddress().getAddress();
        byte[] out = new byte[4 + addr.length];
        out[0] = (byte) (hash >>> 24);
        out[1] = (byte) (hash >>> 16);
        out[2] = (byte) (hash >>> 8);
        out[3] = (byte) hash;
        System.arraycopy(addr, 0, out, 4, addr.length);
        return Sample.bin(out);
    }
}
