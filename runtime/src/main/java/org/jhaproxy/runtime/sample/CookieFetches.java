package org.jhaproxy.runtime.sample;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jhaproxy.config.sample.SampleArg;
import org.jhaproxy.runtime.sample.HttpFetches.Direction;

/**
 * The cookie fetches of configuration.txt 7.3.6: the request's "Cookie" (req.cook, cook...),
 * the response's "Set-Cookie" (res.cook, scook...), or the one of the rule's direction
 * ("cookie"); a value, a count, or a value read as an integer. A single value is the last
 * one of that name, or the first cookie when no name is given; an ACL tries each.
 */
final class CookieFetches {
    private CookieFetches() {
    }

    private enum Kind {
        VALUE, COUNT, INTEGER
    }

    static void register(Map<String, Fetches.Factory> m) {
        for (String p : new String[] {"req.cook", "cook"}) {
            add(m, p, Direction.REQUEST);
        }
        for (String p : new String[] {"res.cook", "scook"}) {
            add(m, p, Direction.RESPONSE);
        }
        m.put("cookie", (a, s) -> fetch(a, Direction.CURRENT, Kind.VALUE));
    }

    private static void add(Map<String, Fetches.Factory> m, String prefix, Direction dir) {
        m.put(prefix, (a, s) -> fetch(a, dir, Kind.VALUE));
        m.put(prefix + "_cnt", (a, s) -> fetch(a, dir, Kind.COUNT));
        m.put(prefix + "_val", (a, s) -> fetch(a, dir, Kind.INTEGER));
    }

    private static Fetch fetch(List<SampleArg> a, Direction dir, Kind kind) {
        String name = a.isEmpty() ? "" : a.get(0).text();
        return new Fetch() {
            @Override
            public Sample fetch(SampleContext c) {
                List<String> all = values(c);
                if (all == null) {
                    return null;
                }
                if (kind == Kind.COUNT) {
                    return Sample.sint(all.size());
                }
                if (all.isEmpty()) {
                    return null;
                }
                return as(all.get(name.isEmpty() ? 0 : all.size() - 1));
            }

            @Override
            public boolean anyMatch(SampleContext c, Predicate<Sample> test) {
                if (kind == Kind.COUNT) {
                    return Fetch.super.anyMatch(c, test);
                }
                List<String> all = values(c);
                if (all == null) {
                    return false;
                }
                for (String v : all) {
                    if (test.test(as(v))) {
                        return true;
                    }
                }
                return false;
            }

            private List<String> values(SampleContext c) {
                boolean response = dir == Direction.RESPONSE || (dir == Direction.CURRENT && c.responseDirection());
                io.netty.handler.codec.http.HttpHeaders h = response
                        ? (c.response() == null ? null : c.response().headers())
                        : (c.request() == null ? null : c.request().headers());
                if (h == null) {
                    return null;
                }
                // several cookies a line only when the rule runs on the request (SMP_OPT_DIR_REQ)
                return Cookies.values(h, response ? "set-cookie" : "cookie", name, !c.responseDirection());
            }

            private Sample as(String v) {
                return kind == Kind.INTEGER ? HttpFetches.intValue(v) : Sample.str(v);
            }
        };
    }
}
