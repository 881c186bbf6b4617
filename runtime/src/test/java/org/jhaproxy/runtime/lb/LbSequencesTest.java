package org.jhaproxy.runtime.lb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.jhaproxy.config.ConfigLoader;
import org.jhaproxy.config.diag.Diagnostics;
import org.jhaproxy.config.source.Environment;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The servers each algorithm picks for a sequence of requests, against the sequences haproxy
 * 2.6.12 gave for the same configuration and requests (one request per connection, each
 * finished before the next, servers answering their name; a server is named here by its port,
 * 127.0.0.1:900N being "sN"). Manual 4.2 "balance", "hash-type".
 */
class LbSequencesTest {
    @TempDir
    Path dir;

    private Proxy backend(String... lines) throws Exception {
        String cfg = "defaults\n  mode http\n  timeout connect 1s\n  timeout client 5s\n  timeout server 5s\n"
                + "listen px\n  bind 127.0.0.1:18573\n" + String.join("\n", lines) + "\n";
        Files.writeString(dir.resolve("t.cfg"), cfg);
        ConfigLoader.Outcome o = ConfigLoader.standard(Diagnostics.silent(), new Environment(Map.of(), dir)).load(List.of("t.cfg"));
        return new Proxy(o.config().proxy("px"));
    }

    /** Plays the requests one after the other: assigned, then released, as sequential clients do. */
    private static String chosen(Proxy be, int n, IntFunction<LbRequest> requests) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Balancer.Assignment a = be.balancer().assign(requests.apply(i), null, null, s -> { });
            Server s = a.server();
            names.add("s" + (s.address(null).getPort() - 9000));
            s.connectionReleased();
        }
        return String.join(" ", names);
    }

    private static String chosen(Proxy be, List<String> lines) {
        return chosen(be, lines.size(), i -> parse(lines.get(i)));
    }

    /** "source-ip|uri|Header: value": the request as the recording client sent it. */
    private static LbRequest parse(String line) {
        String[] p = line.split("\\|");
        String header = p.length > 2 ? p[2] : null;
        return new LbRequest() {
            @Override
            public InetSocketAddress source() {
                return new InetSocketAddress(p[0].isEmpty() ? "127.0.0.1" : p[0], 40000);
            }

            @Override
            public String uri() {
                return p[1];
            }

            @Override
            public String header(String name) {
                if (header != null && header.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                    return header.substring(name.length() + 1).strip();
                }
                // the recording client sends "Host: x" unless the line gives its own Host
                return name.equalsIgnoreCase("host") ? "x" : null;
            }
        };
    }

    private static LbRequest request(String uri, String source) {
        return parse((source == null ? "" : source) + "|" + uri);
    }

    private static final List<String> SRCS = List.of(
            "127.0.0.2|/",
            "127.0.37.93|/",
            "127.0.74.184|/",
            "127.0.111.25|/",
            "127.0.148.116|/",
            "127.0.185.207|/",
            "127.0.222.48|/",
            "127.0.3.139|/",
            "127.0.40.230|/",
            "127.0.77.71|/",
            "127.0.114.162|/",
            "127.0.151.3|/",
            "127.0.188.94|/",
            "127.0.225.185|/",
            "127.0.6.26|/",
            "127.0.43.117|/",
            "127.0.80.208|/",
            "127.0.117.49|/",
            "127.0.154.140|/",
            "127.0.191.231|/",
            "127.0.228.72|/",
            "127.0.9.163|/",
            "127.0.46.4|/",
            "127.0.83.95|/",
            "127.0.120.186|/",
            "127.0.157.27|/",
            "127.0.194.118|/",
            "127.0.231.209|/",
            "127.0.12.50|/",
            "127.0.49.141|/");

    private static final List<String> URIS = List.of(
            "|/img/api/x0/file0.html?id=0&user=u0",
            "|/a/file1.html",
            "|/static/file2.html",
            "|/v1/file3.html?id=3&user=u21",
            "|/a/a/file4.html",
            "|/api/a/img/a/file5.html",
            "|/a/v1/a/img/file6.html?id=6&user=u42",
            "|/v1/file7.html",
            "|/a/img/a/v1/file8.html",
            "|/static/api/file9.html?id=9&user=u63",
            "|/v1/a/file10.html",
            "|/v1/x11/img/file11.html",
            "|/v1/file12.html?id=12&user=u84",
            "|/static/a/file13.html",
            "|/v1/file14.html",
            "|/v1/file15.html?id=15&user=u105",
            "|/api/x16/file16.html",
            "|/static/api/v1/api/file17.html",
            "|/static/img/img/file18.html?id=18&user=u126",
            "|/a/v1/file19.html",
            "|/v1/api/static/file20.html",
            "|/static/v1/a/a/file21.html?id=21&user=u147",
            "|/img/static/img/api/file22.html",
            "|/a/x23/a/v1/file23.html",
            "|/static/x24/static/file24.html?id=24&user=u168",
            "|/v1/api/a/a/file25.html",
            "|/api/x26/x26/file26.html",
            "|/a/file27.html?id=27&user=u189",
            "|/x28/v1/x28/file28.html",
            "|/static/x29/api/x29/file29.html");

    private static final List<String> PARAMS = List.of(
            "|/p?user=bob0&x=1",
            "|/p?a=b&user=bob13&x=1",
            "|/p?user=bob26&x=1",
            "|/p?a=b&user=bob39&x=1",
            "|/p?user=bob52&x=1",
            "|/p?a=b&user=bob65&x=1",
            "|/p?user=bob78&x=1",
            "|/p?a=b&user=bob91&x=1",
            "|/p?user=bob104&x=1",
            "|/p?a=b&user=bob117&x=1",
            "|/p?user=bob130&x=1",
            "|/p?a=b&user=bob143&x=1",
            "|/p?user=bob156&x=1",
            "|/p?a=b&user=bob169&x=1",
            "|/p?user=bob182&x=1",
            "|/p?a=b&user=bob195&x=1",
            "|/p?user=bob208&x=1",
            "|/p?a=b&user=bob221&x=1",
            "|/p?user=bob234&x=1",
            "|/p?a=b&user=bob247&x=1",
            "|/noparam",
            "|/p?usr=1");

    private static final List<String> HOSTS = List.of(
            "|/|Host: www.site0.example.org",
            "|/|Host: www.site11.example.com",
            "|/|Host: www.site22.example.org",
            "|/|Host: www.site33.example.com",
            "|/|Host: www.site44.example.org",
            "|/|Host: www.site55.example.com",
            "|/|Host: www.site66.example.org",
            "|/|Host: www.site77.example.com",
            "|/|Host: www.site88.example.org",
            "|/|Host: www.site99.example.com",
            "|/|Host: www.site110.example.org",
            "|/|Host: www.site121.example.com",
            "|/|Host: www.site132.example.org",
            "|/|Host: www.site143.example.com",
            "|/|Host: www.site154.example.org",
            "|/|Host: www.site165.example.com",
            "|/|Host: www.site176.example.org",
            "|/|Host: www.site187.example.com",
            "|/|Host: www.site198.example.org",
            "|/|Host: www.site209.example.com",
            "|/|X-Other: 1");

    private static final List<String> HOSTS2 = List.of(
            "|/|Host: a.example.com",
            "|/|Host: www.foo.org",
            "|/|Host: bar.net",
            "|/|Host: x.y.z.io",
            "|/|Host: shop.example.co.uk",
            "|/|Host: localhost",
            "|/|Host: api.service.local",
            "|/|Host: b.example.com",
            "|/|Host: www.bar.net",
            "|/|Host: cdn.foo.org",
            "|/|Host: one",
            "|/|Host: two.three");

    @Test
    void rr123() throws Exception {
        Proxy be = backend(
                "  balance roundrobin",
                "  server s1 127.0.0.1:9001 weight 1",
                "  server s2 127.0.0.1:9002 weight 2",
                "  server s3 127.0.0.1:9003 weight 3");
        assertEquals("s3 s2 s3 s1 s3 s2 s3 s2 s3 s1 s3 s2 s3 s2 s3 s1 s3 s2 s3 s2 s3 s1 s3 s2", chosen(be, 24, i -> request("/", null)));
    }

    @Test
    void rr4() throws Exception {
        Proxy be = backend(
                "  balance roundrobin",
                "  server s1 127.0.0.1:9001 weight 1",
                "  server s2 127.0.0.1:9002 weight 2",
                "  server s3 127.0.0.1:9003 weight 3",
                "  server s4 127.0.0.1:9004 weight 1");
        assertEquals("s3 s2 s3 s1 s2 s3 s4 s3 s2 s3 s1 s2 s3 s4 s3 s2 s3 s1 s2 s3 s4 s3 s2 s3", chosen(be, 24, i -> request("/", null)));
    }

    @Test
    void rr5372() throws Exception {
        Proxy be = backend(
                "  balance roundrobin",
                "  server s1 127.0.0.1:9001 weight 5",
                "  server s2 127.0.0.1:9002 weight 3",
                "  server s3 127.0.0.1:9003 weight 7 id 9",
                "  server s4 127.0.0.1:9004 weight 2");
        assertEquals("s3 s1 s3 s2 s1 s3 s4 s3 s1 s2 s3 s1 s3 s3 s2 s1 s4 s3 s1 s3 s2 s1 s3 s4", chosen(be, 24, i -> request("/", null)));
    }

    @Test
    void srr() throws Exception {
        Proxy be = backend(
                "  balance static-rr",
                "  server s1 127.0.0.1:9001 weight 1",
                "  server s2 127.0.0.1:9002 weight 2",
                "  server s3 127.0.0.1:9003 weight 3",
                "  server s4 127.0.0.1:9004 weight 1");
        assertEquals("s1 s2 s3 s2 s3 s3 s4 s1 s2 s3 s2 s3 s3 s4 s1 s2 s3 s2 s3 s3 s4 s1 s2 s3", chosen(be, 24, i -> request("/", null)));
    }

    @Test
    void srr462() throws Exception {
        Proxy be = backend(
                "  balance static-rr",
                "  server s1 127.0.0.1:9001 weight 4",
                "  server s2 127.0.0.1:9002 weight 6",
                "  server s3 127.0.0.1:9003 weight 2");
        assertEquals("s1 s2 s1 s2 s2 s3 s1 s2 s1 s2 s2 s3 s1 s2 s1 s2 s2 s3 s1 s2 s1 s2 s2 s3", chosen(be, 24, i -> request("/", null)));
    }

    @Test
    void lc() throws Exception {
        Proxy be = backend(
                "  balance leastconn",
                "  server s1 127.0.0.1:9001 weight 1",
                "  server s2 127.0.0.1:9002 weight 2",
                "  server s3 127.0.0.1:9003 weight 3",
                "  server s4 127.0.0.1:9004 weight 1");
        assertEquals("s1 s2 s3 s4 s1 s2 s3 s4 s1 s2 s3 s4 s1 s2 s3 s4 s1 s2 s3 s4 s1 s2 s3 s4", chosen(be, 24, i -> request("/", null)));
    }

    @Test
    void first() throws Exception {
        Proxy be = backend(
                "  balance first",
                "  server s1 127.0.0.1:9001 weight 1",
                "  server s2 127.0.0.1:9002 weight 2",
                "  server s3 127.0.0.1:9003 weight 3",
                "  server s4 127.0.0.1:9004 weight 1");
        assertEquals("s1 s1 s1 s1 s1 s1 s1 s1 s1 s1 s1 s1 s1 s1 s1 s1 s1 s1 s1 s1 s1 s1 s1 s1", chosen(be, 24, i -> request("/", null)));
    }

    @Test
    void bk() throws Exception {
        Proxy be = backend(
                "  balance roundrobin",
                "  server s1 127.0.0.1:9001 disabled",
                "  server s2 127.0.0.1:9002 weight 0",
                "  server b1 127.0.0.1:9003 backup weight 2",
                "  server b2 127.0.0.1:9004 backup");
        assertEquals("s3 s3 s3 s3 s3 s3 s3 s3 s3 s3 s3 s3 s3 s3 s3 s3 s3 s3 s3 s3 s3 s3 s3 s3", chosen(be, 24, i -> request("/", null)));
    }

    @Test
    void allbk() throws Exception {
        Proxy be = backend(
                "  balance roundrobin",
                "  option allbackups",
                "  server s1 127.0.0.1:9001 disabled",
                "  server b1 127.0.0.1:9003 backup weight 2",
                "  server b2 127.0.0.1:9004 backup");
        assertEquals("s3 s3 s4 s3 s3 s4 s3 s3 s4 s3 s3 s4 s3 s3 s4 s3 s3 s4 s3 s3 s4 s3 s3 s4", chosen(be, 24, i -> request("/", null)));
    }

    @Test
    void src() throws Exception {
        Proxy be = backend(
                "  balance source",
                "  server s1 127.0.0.1:9001 weight 1",
                "  server s2 127.0.0.1:9002 weight 2",
                "  server s3 127.0.0.1:9003 weight 3",
                "  server s4 127.0.0.1:9004 weight 1");
        assertEquals("s2 s3 s3 s2 s3 s2 s4 s3 s4 s3 s2 s4 s1 s2 s3 s2 s3 s1 s2 s3 s3 s3 s1 s2 s3 s3 s4 s1 s2 s3", chosen(be, SRCS));
    }

    @Test
    void srcc() throws Exception {
        Proxy be = backend(
                "  balance source",
                "  hash-type consistent",
                "  server s1 127.0.0.1:9001 weight 1",
                "  server s2 127.0.0.1:9002 weight 2",
                "  server s3 127.0.0.1:9003 weight 3",
                "  server s4 127.0.0.1:9004 weight 1");
        assertEquals("s4 s2 s2 s3 s2 s2 s2 s2 s3 s4 s2 s3 s3 s4 s2 s3 s1 s3 s1 s1 s1 s4 s1 s2 s1 s3 s2 s1 s3 s2", chosen(be, SRCS));
    }

    @Test
    void uri() throws Exception {
        Proxy be = backend(
                "  balance uri",
                "  server s1 127.0.0.1:9001 weight 1",
                "  server s2 127.0.0.1:9002 weight 2",
                "  server s3 127.0.0.1:9003 weight 3",
                "  server s4 127.0.0.1:9004 weight 1");
        assertEquals("s4 s2 s3 s2 s4 s3 s2 s2 s4 s1 s2 s2 s3 s3 s2 s3 s2 s3 s3 s3 s1 s1 s2 s3 s2 s3 s3 s4 s2 s3", chosen(be, URIS));
    }

    @Test
    void uric() throws Exception {
        Proxy be = backend(
                "  balance uri",
                "  hash-type consistent",
                "  server s1 127.0.0.1:9001 weight 1",
                "  server s2 127.0.0.1:9002 weight 2",
                "  server s3 127.0.0.1:9003 weight 3",
                "  server s4 127.0.0.1:9004 weight 1");
        assertEquals("s3 s3 s3 s3 s2 s3 s3 s2 s1 s4 s3 s3 s2 s3 s2 s1 s2 s3 s3 s3 s3 s3 s1 s2 s1 s1 s3 s1 s1 s2", chosen(be, URIS));
    }

    @Test
    void urid() throws Exception {
        Proxy be = backend(
                "  balance uri depth 2 whole",
                "  hash-type map-based djb2",
                "  server s1 127.0.0.1:9001 weight 1",
                "  server s2 127.0.0.1:9002 weight 2",
                "  server s3 127.0.0.1:9003 weight 3",
                "  server s4 127.0.0.1:9004 weight 1");
        assertEquals("s1 s3 s3 s2 s1 s2 s4 s4 s4 s3 s2 s3 s3 s4 s3 s3 s3 s3 s4 s4 s3 s3 s2 s4 s1 s3 s2 s4 s2 s3", chosen(be, URIS));
    }

    @Test
    void uril() throws Exception {
        Proxy be = backend(
                "  balance uri len 8",
                "  hash-type consistent wt6 avalanche",
                "  server s1 127.0.0.1:9001 weight 1",
                "  server s2 127.0.0.1:9002 weight 2",
                "  server s3 127.0.0.1:9003 weight 3",
                "  server s4 127.0.0.1:9004 weight 1");
        assertEquals("s1 s3 s4 s2 s1 s2 s3 s2 s3 s4 s3 s4 s2 s4 s2 s2 s3 s4 s4 s3 s3 s4 s3 s2 s4 s3 s2 s3 s4 s4", chosen(be, URIS));
    }

    @Test
    void urip() throws Exception {
        Proxy be = backend(
                "  balance uri path-only whole",
                "  hash-type map-based crc32 avalanche",
                "  server s1 127.0.0.1:9001 weight 1",
                "  server s2 127.0.0.1:9002 weight 2",
                "  server s3 127.0.0.1:9003 weight 3",
                "  server s4 127.0.0.1:9004 weight 1");
        assertEquals("s1 s3 s2 s3 s3 s3 s3 s4 s3 s3 s3 s4 s2 s1 s3 s4 s2 s4 s2 s3 s3 s2 s3 s4 s3 s3 s3 s3 s3 s3", chosen(be, URIS));
    }

    @Test
    void uric5372() throws Exception {
        Proxy be = backend(
                "  balance uri",
                "  hash-type consistent",
                "  server s1 127.0.0.1:9001 weight 5",
                "  server s2 127.0.0.1:9002 weight 3",
                "  server s3 127.0.0.1:9003 weight 7 id 9",
                "  server s4 127.0.0.1:9004 weight 2");
        assertEquals("s1 s1 s3 s3 s1 s3 s3 s1 s1 s1 s2 s3 s3 s3 s2 s3 s2 s3 s2 s2 s4 s1 s1 s2 s1 s1 s2 s1 s1 s1", chosen(be, URIS));
    }

    @Test
    void up() throws Exception {
        Proxy be = backend(
                "  balance url_param user",
                "  server s1 127.0.0.1:9001 weight 1",
                "  server s2 127.0.0.1:9002 weight 2",
                "  server s3 127.0.0.1:9003 weight 3",
                "  server s4 127.0.0.1:9004 weight 1");
        assertEquals("s3 s1 s3 s2 s1 s3 s2 s1 s3 s1 s3 s3 s1 s3 s3 s1 s4 s2 s2 s4 s1 s2", chosen(be, PARAMS));
    }

    @Test
    void upc() throws Exception {
        Proxy be = backend(
                "  balance url_param user",
                "  hash-type consistent djb2",
                "  server s1 127.0.0.1:9001 weight 1",
                "  server s2 127.0.0.1:9002 weight 2",
                "  server s3 127.0.0.1:9003 weight 3",
                "  server s4 127.0.0.1:9004 weight 1");
        assertEquals("s3 s3 s3 s3 s3 s3 s3 s3 s2 s2 s2 s2 s2 s2 s2 s2 s2 s2 s2 s2 s3 s3", chosen(be, PARAMS));
    }

    @Test
    void hdr() throws Exception {
        Proxy be = backend(
                "  balance hdr(host)",
                "  server s1 127.0.0.1:9001 weight 1",
                "  server s2 127.0.0.1:9002 weight 2",
                "  server s3 127.0.0.1:9003 weight 3",
                "  server s4 127.0.0.1:9004 weight 1");
        assertEquals("s3 s3 s3 s1 s1 s1 s1 s2 s2 s2 s3 s1 s1 s1 s1 s2 s2 s2 s2 s2 s2", chosen(be, HOSTS));
    }

    @Test
    void hdrd2() throws Exception {
        Proxy be = backend(
                "  balance hdr(Host) use_domain_only",
                "  server s1 127.0.0.1:9001 weight 1",
                "  server s2 127.0.0.1:9002 weight 2",
                "  server s3 127.0.0.1:9003 weight 3",
                "  server s4 127.0.0.1:9004 weight 1");
        assertEquals("s1 s3 s1 s2 s2 s3 s4 s1 s1 s3 s4 s4", chosen(be, HOSTS2));
    }

    /** "balance random(3)" draws at random: only the validity and the spread can be checked. */
    @Test
    void randomReachesEveryUsableServer() throws Exception {
        Proxy be = backend("  balance random(3)", "  server s1 127.0.0.1:9001", "  server s2 127.0.0.1:9002 weight 3",
                "  server s3 127.0.0.1:9003 disabled", "  server s4 127.0.0.1:9004 backup");
        String seq = chosen(be, 400, i -> request("/", null));
        java.util.Set<String> seen = new java.util.TreeSet<>(List.of(seq.split(" ")));
        assertEquals(java.util.Set.of("s1", "s2"), seen);
    }
}
