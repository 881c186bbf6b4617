package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The stick-table commands of the stats socket (management.txt 9.3 "show table", "clear table",
 * "set table"), differential: the same commands to jhaproxy and to haproxy 2.6.12 on the same
 * configuration get the same answers, entry addresses and remaining times ("exp=") aside. The
 * entries come from traffic (http-request track-sc0) and from "set table"; keys of every type,
 * the data filters, the errors and the user level's limits are compared.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TableCommandsIT {
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]+:");
    private static final Pattern EXP = Pattern.compile("exp=[0-9]+");

    private static ProxyPair cli;

    static String config(Path sockets, int port) {
        return "global\n    nbthread 1\n"
                + "    stats socket " + sockets.resolve("admin.sock") + " level admin\n"
                + "    stats socket " + sockets.resolve("user.sock") + " level user\n\n"
                + "defaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n\n"
                + "frontend fe\n    bind 127.0.0.1:" + port + "\n"
                + "    stick-table type ip size 10 expire 60s store http_req_rate(60s),http_req_cnt,conn_cur,gpc0,http_err_cnt\n"
                + "    http-request track-sc0 src\n"
                + "    http-request return status 200 content-type text/plain lf-string \"n=%[sc0_http_req_cnt]\\n\"\n\n"
                + "backend words\n    stick-table type string len 8 size 2 nopurge store gpc0,gpt0,conn_cnt\n\n"
                + "backend ints\n    stick-table type integer size 100 store server_id,gpc1\n\n"
                + "backend bin\n    stick-table type binary len 4 size 100 expire 10m\n\n"
                + "backend v6\n    stick-table type ipv6 size 1k expire 1h store sess_cnt,conn_rate(10s)\n";
    }

    @BeforeAll
    static void start() throws Exception {
        cli = ProxyPair.start("TableCommandsIT", TableCommandsIT::config, a -> EXP.matcher(ADDRESS.matcher(a).replaceAll("0xPTR:")).replaceAll("exp=X"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (cli != null) {
            cli.close();
        }
    }

    /** jhaproxy's answer, checked equal to haproxy's when it is installed. */
    static String same(String socket, String command) throws IOException {
        return cli.same(socket, command + "\n");
    }

    static String same(String command) throws IOException {
        return same("admin.sock", command);
    }

    static String request() throws IOException {
        return cli.request("GET / HTTP/1.1\r\nhost: x\r\n\r\n", "response to GET /");
    }

    @Test
    @Order(1)
    void listsTheTablesLastDeclaredFirst() throws IOException {
        assertEquals("# table: v6, type: ipv6, size:1024, used:0\n# table: bin, type: binary, size:100, used:0\n"
                + "# table: ints, type: integer, size:100, used:0\n# table: words, type: string, size:2, used:0\n"
                + "# table: fe, type: ip, size:10, used:0\n\n", same("show table"));
        same("show table fe");
        same("show table nope");
        same("show table fe foo");
        same("clear table");
        same("set table");
        same("set table fe");
    }

    @Test
    @Order(2)
    void trafficFillsTheTrackedEntry() throws IOException {
        assertTrue(request().endsWith("n=1\n"));
        assertTrue(request().endsWith("n=2\n"));
        String dump = same("show table fe");
        assertTrue(dump.contains(" key=127.0.0.1 use=0 exp=X gpc0=0 conn_cur=0 http_req_cnt=2 http_req_rate(60000)=2 http_err_cnt=0\n"), dump);
        same("show table fe key 127.0.0.1");
        same("show table fe key 127.0.0.2");
        same("show table fe data.http_req_cnt gt 1");
        same("show table fe data.http_req_cnt lt 1");
        same("show table fe data.http_req_cnt ge 2 data.gpc0 eq 0");
        same("show table fe data.nope gt 1");
        same("show table fe data.gpt0 gt 1");
        same("show table fe data.gpc0 xx 1");
        same("show table fe data.gpc0 gt x");
        same("show table fe data.gpc0 gt 1 extra");
        same("show table fe data.gpc0 gt 1 data.gpc0 gt 1 data.gpc0 gt 1 data.gpc0 gt 1 data.gpc0");
    }

    @Test
    @Order(3)
    void setAndClearByKey() throws IOException {
        same("set table fe key 10.0.0.1 data.gpc0 7 data.http_req_rate 5 data.http_err_cnt 3");
        same("set table fe key 10.0.0.2");
        same("set table fe key 10.0.0.3 data.gpc0");
        same("set table fe key 10.0.0.3 data.gpc0 x");
        same("set table fe key 10.0.0.3 data.nope 1");
        same("set table fe key 10.0.0.3 data.gpt0 1");
        same("set table fe key 10.0.0.3 gpc0 1");
        same("set table fe key");
        // without a key, "set table" walks the entries as "clear table" does (cli_io_handler_table())
        same("set table fe key 10.0.0.4");
        String dump = same("show table fe");
        assertTrue(dump.contains(" key=10.0.0.1 use=0 exp=X gpc0=7 conn_cur=0 http_req_cnt=0 http_req_rate(60000)=5 http_err_cnt=3\n"), dump);
        same("show table fe data.gpc0 gt 1");
        same("clear table fe key 10.0.0.1");
        same("clear table fe key 10.0.0.9");
        same("clear table fe data.gpc0 eq 0");
        same("show table fe");
        same("clear table fe");
        same("show table fe");
        same("set table fe key 10.0.0.5");
        same("set table fe");
        same("show table fe");
    }

    @Test
    @Order(4)
    void keysOfEveryType() throws IOException {
        same("set table words key abc data.gpc0 1");
        same("set table words key a=b\\ c data.gpt0 2");
        same("set table words key toolongforthetable data.conn_cnt 3");
        same("set table words key full");
        same("show table words");
        same("show table words key toolong");
        same("clear table words key abc");
        same("show table words");
        same("set table ints key 256 data.server_id -1 data.gpc1 4294967297");
        same("set table ints key 2");
        same("set table ints key 1");
        same("set table ints key 4294967296");
        same("set table ints key x1");
        same("show table ints");
        same("set table bin key 00");
        same("show table bin key 00");
        same("clear table bin key 00");
        same("set table v6 key ::1 data.sess_cnt 2 data.conn_rate 3");
        same("set table v6 key 1.2.3.4");
        same("set table v6 key 2001:db8::ffff:1");
        same("show table v6");
        same("set table fe key nonsense data.gpc0 1");
        same("show table fe");
    }

    @Test
    @Order(5)
    void theUserLevelSeesNoEntries() throws IOException {
        same("user.sock", "show table");
        same("user.sock", "show table fe");
        same("user.sock", "show table fe key 0.0.0.0");
        same("user.sock", "set table fe key 10.0.0.1 data.gpc0 1");
        same("user.sock", "clear table fe key 0.0.0.0");
        same("user.sock", "clear table fe");
        same("show table fe");
    }
}
