package org.jhaproxy.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `show stat` as a table, from haproxy 2.6.12's CSV (recorded). */
class StatTableTest {
    @Test
    void selectedColumnsAligned() throws IOException {
        String table = StatTable.render(CommandTreeTest.resource("show-stat-2.6.12.txt"), false);
        assertEquals("""
                pxname     svname    status    weight  scur  smax  slim  stot  bin  bout  ereq  econ  eresp  chkdown  lastchg  check_status
                fe         FRONTEND  OPEN                 0     0  9986     0    0     0     0
                be_app     web1      no check       1     0     0           0    0     0           0      0                 2
                be_app     web2      no check       1     0     0           0    0     0           0      0                 2
                be_app     BACKEND   UP             2     0     0   999     0    0     0           0      0        0        2
                be_static  s1        MAINT          1     0     0           0    0     0           0      0                 2
                be_static  BACKEND   DOWN           0     0     0     1     0    0     0           0      0        0        2
                """, table);
    }

    @Test
    void allKeepsEveryColumnWithAValue() throws IOException {
        String table = StatTable.render(CommandTreeTest.resource("show-stat-2.6.12.txt"), true);
        String header = table.lines().findFirst().orElseThrow();
        assertTrue(header.startsWith("pxname     svname    qcur  qmax  scur"), header);
        assertTrue(header.contains(" addr ") && header.contains(" algo"), header);
        // columns empty in every row are left out (no check runs here)
        assertTrue(!header.contains("check_desc") && !header.contains("agent_status"), header);
        assertEquals(7, table.lines().count());
    }

    @Test
    void anErrorAnswerIsNotATable() {
        assertNull(StatTable.render("Unknown command, but maybe...\n", false));
        assertNull(StatTable.render("", true));
    }

    @Test
    void namesForCompletion() throws IOException {
        ProxyNames names = ProxyNames.fromStat(CommandTreeTest.resource("show-stat-2.6.12.txt"));
        assertEquals(List.of("fe"), names.frontends());
        assertEquals(List.of("be_app", "be_static"), names.backends());
        assertEquals(List.of("be_app/web1", "be_app/web2", "be_static/s1"), names.servers());
        assertEquals(List.of("fe", "be_app", "be_static"), names.proxies());
    }
}
