package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The map and ACL commands of the stats socket (management.txt section 9.3: show/get/add/del/
 * set/clear/prepare/commit map|acl), differential: the same commands to jhaproxy and to
 * haproxy 2.6.12 on the same configuration and the same map files get the same answers, entry
 * addresses ("0x55...") aside. A change must reach the traffic: after "add map"/"set map"/
 * "del map"/"add acl" a request is routed and answered by the new entries, the same bytes as
 * haproxy's. Each test works on its own files, so the order of the tests matters only for the
 * lists, which run first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MapCommandsIT {
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]+");

    private static Path maps;
    private static ProxyPair cli;

    static String config(Path sockets, int port) {
        String m = maps.toString();
        String ret = "    http-request return status 200 content-type text/plain ";
        return "global\n    nbthread 1\n"
                + "    stats socket " + sockets.resolve("admin.sock") + " level admin\n"
                + "    stats socket " + sockets.resolve("user.sock") + " level user\n\n"
                + "defaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n\n"
                + "frontend fe\n    bind 127.0.0.1:" + port + "\n"
                + "    acl blocked path_beg -f " + m + "/blocked.acl\n"
                + "    acl known_host req.hdr(host),lower -M -m str -f " + m + "/hosts.map\n"
                + "    acl inline_acl path -i /a /b\n"
                + "    acl unused src -f " + m + "/nets.acl\n"
                + ret + "lf-string \"api=%[path,map_beg(" + m + "/paths.map,none)]\\n\" if { path_beg /api }\n"
                + ret + "lf-string \"net=%[req.hdr(x-ip),map_ip(" + m + "/nets.map,none)]\\n\" if { path /ip }\n"
                + ret + "string \"known\\n\" if known_host { path /known }\n"
                + "    http-request deny if blocked\n"
                + "    use_backend %[req.hdr(host),lower,map(" + m + "/hosts.map,bk_default)]\n\n"
                + "backend bk_default\n" + ret + "string \"default\\n\"\n\n"
                + "backend be1\n" + ret + "string \"be1\\n\"\n\n"
                + "backend be2\n" + ret + "string \"be2\\n\"\n";
    }

    @BeforeAll
    static void start() throws Exception {
        maps = Files.createTempDirectory("mapfiles");
        Files.writeString(maps.resolve("hosts.map"), "# hosts\nexample.com be1\n  www.test.org   be2 \n\nfoo.bar be1\n");
        Files.writeString(maps.resolve("paths.map"), "/api/v1 one\n/api apiroot\n/static st\n");
        Files.writeString(maps.resolve("nets.map"), "10.0.0.0/8 internal\n192.168.1.1 lan\n");
        Files.writeString(maps.resolve("blocked.acl"), "/blocked\n/private\n");
        Files.writeString(maps.resolve("nets.acl"), "127.0.0.1\n");
        cli = ProxyPair.start("MapCommandsIT", MapCommandsIT::config, a -> ADDRESS.matcher(a).replaceAll("0xPTR"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (cli != null) {
            cli.close();
        }
    }

    /** One command on a new connection to {@code socket} of jhaproxy (side 0) or haproxy (1): the whole answer. */
    static String exchange(int side, String socket, String request) throws IOException {
        return side == 0 ? cli.jhaproxy(socket, request) : cli.haproxy(socket, request);
    }

    /** jhaproxy's answer (addresses normalised), checked equal to haproxy's when it is installed. */
    static String same(String socket, String command) throws IOException {
        return cli.same(socket, command + "\n");
    }

    static String same(String command) throws IOException {
        return same("admin.sock", command);
    }

    /** The address "show map" gives the entry of {@code key} on one side, to name it "#0x...". */
    static String address(int side, String ref, String key) throws IOException {
        Matcher m = Pattern.compile("(0x[0-9a-f]+) " + Pattern.quote(key) + "( |\n)")
                .matcher(exchange(side, "admin.sock", "show map " + ref + "\n"));
        assertTrue(m.find(), key + " in " + ref);
        return m.group(1);
    }

    /** The same command on both sides, naming the entry of {@code key} by its address on each. */
    static void sameById(String format, String ref, String key) throws IOException {
        String j = exchange(0, "admin.sock", String.format(format, address(0, ref, key)) + "\n");
        if (cli.differential()) {
            assertEquals(exchange(1, "admin.sock", String.format(format, address(1, ref, key)) + "\n"), j, format);
        }
    }

    /** A request to jhaproxy, its whole response checked equal to haproxy's. */
    static String request(String path, String host, String extra) throws IOException {
        String req = "GET " + path + " HTTP/1.1\r\nhost: " + host + "\r\n" + extra + "\r\n";
        return cli.request(req, "response to " + path + " for " + host);
    }

    static String m(String file) {
        return maps.resolve(file).toString();
    }

    @Test
    @Order(1)
    void listsAndDumps() throws IOException {
        String maps = same("show map");
        assertTrue(maps.startsWith("# id (file) description\n"), maps);
        assertTrue(maps.contains("(" + m("hosts.map") + ") pattern loaded from file '" + m("hosts.map")
                + "' used by map at file 't.cfg' line 15, by map at file 't.cfg' line 22. curr_ver=0 next_ver=0 entry_cnt=6\n"), maps);
        String acls = same("show acl");
        assertTrue(acls.contains(" () acl 'path' file 't.cfg' line 16. curr_ver=0 next_ver=0 entry_cnt=2\n"), acls);
        assertTrue(acls.contains(" () acl 'var' file 'httpclient' line 0."), acls);
        assertEquals("0xPTR example.com be1\n0xPTR www.test.org be2\n0xPTR foo.bar be1\n\n", same("show map " + m("hosts.map")));
        same("show acl " + m("blocked.acl"));
        same("show acl #0");
        same("show acl #3");
        same("show map #0");
        same("show map #1");
        same("show map nope");
        same("show acl " + m("paths.map"));
        same("show map @0 " + m("paths.map"));
        same("show map @7 " + m("paths.map"));
    }

    @Test
    @Order(2)
    void lookups() throws IOException {
        assertEquals("type=str, case=sensitive, found=yes, idx=tree, key=\"example.com\", value=none\n"
                + "type=str, case=sensitive, found=yes, idx=tree, key=\"example.com\", value=\"be1\", type=\"str\"\n\n",
                same("get map " + m("hosts.map") + " example.com"));
        same("get map " + m("hosts.map") + " nope");
        same("get acl " + m("hosts.map") + " foo.bar");
        same("get map " + m("paths.map") + " /api/v1/x");
        same("get map " + m("paths.map") + " /apix");
        same("get map " + m("nets.map") + " 10.1.2.3");
        same("get map " + m("nets.map") + " 192.168.1.1");
        same("get map " + m("nets.map") + " bad");
        same("get acl " + m("blocked.acl") + " /private/x");
        same("get acl #2 /A");
        same("get acl #3 /A");
        same("get acl #4 /x");
        same("get map");
        same("get map x");
        same("get acl x y");
        same("get map #99 y");
    }

    @Test
    @Order(3)
    void errorsAndLevels() throws IOException {
        for (String c : new String[] {"add map", "add map x", "add map x y", "add map " + m("paths.map") + " a",
                "add acl", "add acl #3", "add acl " + m("hosts.map") + " zz", "add acl nope x", "add map nope k v",
                "add map @9 " + m("paths.map") + " k v", "del map", "del map " + m("paths.map"), "del acl #99 x",
                "del map #3 /a", "del map " + m("paths.map") + " /nope", "del map " + m("paths.map") + " #0x1234",
                "del map " + m("paths.map") + " #0xzz", "set map", "set map " + m("paths.map") + " /api",
                "set map nope k v", "set map " + m("paths.map") + " /nope v", "set map " + m("paths.map") + " #0x1234 v",
                "set map " + m("paths.map") + " #0xzz v", "clear map", "clear acl @1", "clear map nope", "clear acl #99",
                "prepare map nope", "prepare acl " + m("paths.map"), "commit map " + m("paths.map"), "commit map @1",
                "commit acl @1 nope", "commit map @5 " + m("paths.map"),
                "add map " + m("nets.map") + " notanip x"}) {
            same(c);
        }
        // haproxy 2.6 checks no level for the map and ACL commands
        same("user.sock", "add map " + m("nets.map") + " 172.16.0.0/12 user");
        same("user.sock", "show map " + m("nets.map"));
        same("user.sock", "del map " + m("nets.map") + " 172.16.0.0/12");
    }

    @Test
    @Order(4)
    void addSetDelMapChangeTheRouting() throws IOException {
        assertTrue(request("/", "new.host", "").endsWith("default\n"));
        same("add map " + m("hosts.map") + " new.host be2");
        assertTrue(request("/", "new.host", "").endsWith("be2\n"));
        assertTrue(request("/known", "new.host", "").endsWith("known\n"));
        same("set map " + m("hosts.map") + " new.host be1");
        assertTrue(request("/", "new.host", "").endsWith("be1\n"));
        sameById("set map " + m("hosts.map") + " #%s be2", m("hosts.map"), "new.host");
        assertTrue(request("/", "NEW.host", "").endsWith("be2\n"));
        same("get map " + m("hosts.map") + " new.host");
        same("del map " + m("hosts.map") + " new.host");
        same("del map " + m("hosts.map") + " new.host");
        assertTrue(request("/", "new.host", "").endsWith("default\n"));
        sameById("del map " + m("hosts.map") + " #%s", m("hosts.map"), "foo.bar");
        request("/", "foo.bar", "");
        same("show map");
        same("show map " + m("hosts.map"));
    }

    @Test
    @Order(5)
    void longestPrefixAndNetworks() throws IOException {
        request("/api/v1/users", "x", "");
        request("/api/v2", "x", "");
        same("add map " + m("paths.map") + " /api/v2 two");
        assertTrue(request("/api/v2", "x", "").endsWith("api=two\n"));
        request("/ip", "x", "x-ip: 10.1.2.3\r\n");
        same("add map " + m("nets.map") + " 10.1.0.0/16 deeper");
        assertTrue(request("/ip", "x", "x-ip: 10.1.2.3\r\n").endsWith("net=deeper\n"));
        request("/ip", "x", "x-ip: 10.2.2.3\r\n");
    }

    @Test
    @Order(6)
    void aclFilesAndClear() throws IOException {
        request("/secret", "x", "");
        same("add acl " + m("blocked.acl") + " /secret");
        assertTrue(request("/secret", "x", "").startsWith("HTTP/1.1 403"));
        same("show acl " + m("blocked.acl"));
        same("del acl " + m("blocked.acl") + " /blocked");
        assertTrue(request("/blocked", "x", "").endsWith("default\n"));
        same("clear acl " + m("blocked.acl"));
        request("/secret", "x", "");
        same("show acl");
        same("add acl #2 /c");
        same("get acl #2 /C");
    }

    @Test
    @Order(7)
    void versionsPrepareAndCommit() throws IOException {
        same("prepare map " + m("paths.map"));
        same("prepare map " + m("paths.map"));
        same("add map @1 " + m("paths.map") + " /v1 first");
        same("add map @2 " + m("paths.map") + " /v2 second");
        same("show map @2 " + m("paths.map"));
        same("show map");
        assertTrue(request("/api/v2", "x", "").endsWith("api=two\n"), "uncommitted entries do not match");
        same("commit map @2 " + m("paths.map"));
        same("commit map @2 " + m("paths.map"));
        same("show map " + m("paths.map"));
        same("show map @1 " + m("paths.map"));
        same("show map");
        assertTrue(request("/api/v2", "x", "").endsWith("api=none\n"));
        same("clear map @2 " + m("paths.map"));
        same("show map");
        same("add map " + m("paths.map") + " <<\n/api one\n/api/x two words\n");
        same("show map " + m("paths.map"));
        assertTrue(request("/api/x", "x", "").endsWith("api=two words\n"));
        same("add map " + m("paths.map") + " <<\n/nokey\n");
        same("prepare acl #2");
        same("show acl");
    }
}
