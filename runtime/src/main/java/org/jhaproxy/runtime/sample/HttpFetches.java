package org.jhaproxy.runtime.sample;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jhaproxy.config.sample.SampleArg;
import org.jhaproxy.config.sample.SampleType;

/** The HTTP sample fetches of configuration.txt section 7.3.6 that the runtime executes. */
final class HttpFetches {
    private HttpFetches() {
    }

    /** capture.req.hdr(N), capture.res.hdr(N): the value of capture slot N of the stream, if filled. */
    private static Fetch captured(List<SampleArg> a, boolean response) {
        int idx = Integer.parseInt(a.get(0).text());
        return c -> {
            org.jhaproxy.runtime.log.Captures caps = c.captures();
            String v = caps == null ? null : caps.get(response, idx);
            return v == null ? null : Sample.str(v);
        };
    }

    static void register(Map<String, Fetches.Factory> m) {
        m.put("method", (a, s) -> c -> c.request() == null ? null : new Sample(SampleType.METH, c.request().method().name()));
        m.put("url", (a, s) -> c -> c.request() == null ? null : Sample.str(c.request().uri()));
        m.put("path", (a, s) -> c -> c.request() == null ? null : str(RequestUri.path(c.request().uri())));
        m.put("pathq", (a, s) -> c -> c.request() == null ? null : str(RequestUri.pathQuery(c.request().uri())));
        m.put("query", (a, s) -> c -> c.request() == null ? null : str(RequestUri.query(c.request().uri())));
        m.put("base", (a, s) -> c -> c.request() == null ? null : str(base(c.request())));
        Fetches.Factory ver = (a, s) -> c -> c.request() == null ? null : Sample.str(version(c.request().protocolVersion()));
        m.put("req.ver", ver);
        m.put("req_ver", ver);
        m.put("capture.req.hdr", (a, s) -> captured(a, false));
        m.put("capture.res.hdr", (a, s) -> captured(a, true));
        m.put("status", (a, s) -> c -> c.response() == null ? null : Sample.sint(c.response().status().code()));
        Fetches.Factory urlp = (a, s) -> {
            String name = arg(a, 0, "");
            char delim = arg(a, 1, "&").isEmpty() ? '&' : arg(a, 1, "&").charAt(0);
            return c -> c.request() == null ? null : str(RequestUri.param(c.request().uri(), name, delim));
        };
        m.put("url_param", urlp);
        m.put("urlp", urlp);
        m.put("urlp_val", (a, s) -> {
            Fetch f = urlp.create(a, s);
            return c -> {
                Sample v = f.fetch(c);
                return v == null ? null : intValue((String) v.value());
            };
        });
        // headers: "hdr" follows the direction of the rule, the others name theirs
        m.put("hdr", headers(Direction.CURRENT, false, v -> Sample.str(v)));
        m.put("req.hdr", headers(Direction.REQUEST, false, v -> Sample.str(v)));
        m.put("req.fhdr", headers(Direction.REQUEST, true, v -> Sample.str(v)));
        m.put("res.hdr", headers(Direction.RESPONSE, false, v -> Sample.str(v)));
        m.put("shdr", headers(Direction.RESPONSE, false, v -> Sample.str(v)));
        m.put("res.fhdr", headers(Direction.RESPONSE, true, v -> Sample.str(v)));
        m.put("hdr_val", headers(Direction.CURRENT, false, HttpFetches::intValue));
        m.put("req.hdr_val", headers(Direction.REQUEST, false, HttpFetches::intValue));
        m.put("res.hdr_val", headers(Direction.RESPONSE, false, HttpFetches::intValue));
        m.put("shdr_val", headers(Direction.RESPONSE, false, HttpFetches::intValue));
        m.put("hdr_ip", headers(Direction.CURRENT, false, HeaderAddress::of));
        m.put("req.hdr_ip", headers(Direction.REQUEST, false, HeaderAddress::of));
        m.put("res.hdr_ip", headers(Direction.RESPONSE, false, HeaderAddress::of));
        m.put("shdr_ip", headers(Direction.RESPONSE, false, HeaderAddress::of));
        m.put("shdr_cnt", count(Direction.RESPONSE));
        m.put("hdr_cnt", count(Direction.CURRENT));
        m.put("req.hdr_cnt", count(Direction.REQUEST));
        m.put("res.hdr_cnt", count(Direction.RESPONSE));
    }

    enum Direction {
        REQUEST, RESPONSE, CURRENT;

        HttpHeaders headers(SampleContext c) {
            boolean res = this == RESPONSE || (this == CURRENT && c.responseDirection());
            if (res) {
                return c.response() == null ? null : c.response().headers();
            }
            return c.request() == null ? null : c.request().headers();
        }
    }

    private static Sample str(String s) {
        return s == null ? null : Sample.str(s);
    }

    private static String arg(List<SampleArg> a, int i, String dflt) {
        return i < a.size() ? a.get(i).text() : dflt;
    }

    /** hdr(name[,occ]) and its kind: the last value for a sample, each value for an ACL. */
    private static Fetches.Factory headers(Direction dir, boolean full, Function<String, Sample> as) {
        return (a, s) -> {
            String name = arg(a, 0, "");
            int occ = arg(a, 1, "").isEmpty() ? 0 : Integer.parseInt(arg(a, 1, ""));
            return new Fetch() {
                @Override
                public Sample fetch(SampleContext c) {
                    HttpHeaders h = dir.headers(c);
                    if (h == null) {
                        return null;
                    }
                    String v = HeaderValues.occurrence(HeaderValues.of(h, name, full), occ);
                    return v == null ? null : as.apply(v);
                }

                @Override
                public boolean anyMatch(SampleContext c, Predicate<Sample> test) {
                    if (occ != 0) {
                        return Fetch.super.anyMatch(c, test);
                    }
                    HttpHeaders h = dir.headers(c);
                    if (h == null) {
                        return false;
                    }
                    for (String v : HeaderValues.of(h, name, full)) {
                        Sample smp = as.apply(v);
                        if (smp != null && test.test(smp)) {
                            return true;
                        }
                    }
                    return false;
                }
            };
        };
    }

    private static Fetches.Factory count(Direction dir) {
        return (a, s) -> {
            String name = arg(a, 0, "");
            return c -> {
                HttpHeaders h = dir.headers(c);
                return h == null ? null : Sample.sint(HeaderValues.of(h, name.isEmpty() ? null : name, false).size());
            };
        };
    }

    /** strl2ic(): the leading integer of a header value, 0 when there is none. */
    static Sample intValue(String v) {
        long n = 0;
        int i = 0;
        boolean neg = false;
        if (i < v.length() && (v.charAt(i) == '-' || v.charAt(i) == '+')) {
            neg = v.charAt(i) == '-';
            i++;
        }
        for (; i < v.length() && v.charAt(i) >= '0' && v.charAt(i) <= '9'; i++) {
            n = n * 10 + (v.charAt(i) - '0');
        }
        return Sample.sint(neg ? -n : n);
    }

    private static String base(HttpRequest r) {
        String path = RequestUri.path(r.uri());
        // the first value of the first Host header (http_find_header() splits at commas)
        String host = HttpMessageFetches.host(r);
        if (host == null || host.isEmpty()) {
            return path;
        }
        return path == null ? host : host + path;
    }

    private static String version(HttpVersion v) {
        return v.majorVersion() + "." + v.minorVersion();
    }
}
