package org.jhaproxy.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command tree read from haproxy 2.6.12's `help` answer at level admin (recorded from haproxy). */
class CommandTreeTest {
    private static final ProxyNames NAMES = new ProxyNames(List.of("fe"), List.of("be_app", "be_static"),
            List.of("be_app/web1", "be_app/web2", "be_static/s1"));

    static String resource(String name) throws IOException {
        try (InputStream in = CommandTreeTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static CommandTree tree() throws IOException {
        return CommandTree.fromHelp(resource("help-2.6.12-admin.txt"));
    }

    @Test
    void helpLinesSplitIntoKeywordsAndArguments() throws IOException {
        List<CommandHelp> all = CommandHelp.parse(resource("help-2.6.12-admin.txt"));
        assertEquals(103, all.size());
        CommandHelp setServer = all.stream().filter(c -> c.name().equals("set server")).findFirst().orElseThrow();
        assertEquals(List.of("<bk>/<srv>", "[opts]"), setServer.arguments());
        // no space before the colon, and a colon inside the syntax
        CommandHelp severity = all.stream().filter(c -> c.name().equals("set severity-output")).findFirst().orElseThrow();
        assertEquals(List.of("[none|number|string]"), severity.arguments());
        CommandHelp crtList = all.stream().filter(c -> c.name().equals("del ssl crt-list")).findFirst().orElseThrow();
        assertEquals(List.of("<list>", "<cert[:line]>"), crtList.arguments());
    }

    @Test
    void firstWordsAreTheCommandVerbs() throws IOException {
        List<String> first = tree().next(List.of(), NAMES);
        assertTrue(first.containsAll(List.of("abort", "add", "clear", "disable", "show", "set", "help", "quit",
                "watch", "exit")), first.toString());
        assertEquals(first.size(), first.stream().distinct().count());
    }

    @Test
    void keywordsAfterAVerb() throws IOException {
        List<String> afterDisable = tree().next(List.of("disable"), NAMES);
        assertEquals(List.of("agent", "dynamic-cookie", "frontend", "health", "server"), afterDisable);
        assertTrue(tree().next(List.of("show"), NAMES).containsAll(List.of("stat", "servers", "backend", "info")));
        assertEquals(List.of("conn", "state"), tree().next(List.of("show", "servers"), NAMES));
    }

    @Test
    void argumentsFromTheLiveNames() throws IOException {
        // 2.6 prints "disable server (DEPRECATED)": the management guide's syntax fills in
        assertEquals(NAMES.servers(), tree().next(List.of("disable", "server"), NAMES));
        assertEquals(NAMES.servers(), tree().next(List.of("set", "server"), NAMES));
        assertEquals(List.of("fe"), tree().next(List.of("disable", "frontend"), NAMES));
        assertEquals(NAMES.backends(), tree().next(List.of("show", "servers", "state"), NAMES));
        assertEquals(List.of("all"), tree().next(List.of("clear", "counters"), NAMES));
        assertEquals(List.of("none", "number", "string"), tree().next(List.of("set", "severity-output"), NAMES));
        assertEquals(List.of("fe", "be_app", "be_static", "request", "response"),
                tree().next(List.of("show", "errors"), NAMES));
    }

    @Test
    void setServerOptionsAndTheirValues() throws IOException {
        List<String> options = tree().next(List.of("set", "server", "be_app/web1"), NAMES);
        assertTrue(options.containsAll(List.of("state", "weight", "addr", "health", "agent")), options.toString());
        assertEquals(List.of("ready", "drain", "maint"),
                tree().next(List.of("set", "server", "be_app/web1", "state"), NAMES));
    }

    @Test
    void showStatFormatsRepeat() throws IOException {
        List<String> opts = tree().next(List.of("show", "stat"), NAMES);
        assertTrue(opts.containsAll(List.of("desc", "json", "no-maint", "typed", "up", "--all", "--raw")),
                opts.toString());
        assertTrue(tree().next(List.of("show", "stat", "typed"), NAMES).contains("json"));
    }

    @Test
    void watchCompletesTheCommandItRuns() throws IOException {
        assertTrue(tree().next(List.of("watch"), NAMES).containsAll(List.of("-n", "show")));
        assertEquals(List.of("conn", "state"), tree().next(List.of("watch", "-n", "1", "show", "servers"), NAMES));
        assertEquals(List.of(), tree().next(List.of("watch", "-n"), NAMES));
    }

    @Test
    void anUnknownVerbHasNothingToOffer() throws IOException {
        assertEquals(List.of(), tree().next(List.of("frobnicate"), NAMES));
    }

    @Test
    void helpSelectsByKeywordPrefix() throws IOException {
        List<String> hits = tree().commands().stream()
                .filter(c -> !c.line().isEmpty() && c.matches(List.of("set", "se")))
                .map(CommandHelp::name).toList();
        assertEquals(List.of("set server", "set severity-output"), hits);
    }

    /** haproxy 2.6.12's `show map` and `show acl` answers (recorded), as the shell reads them. */
    private static final String SHOW_MAP = "# id (file) description\n"
            + "3 (/tmp/s3/m.map) pattern loaded from file '/tmp/s3/m.map' used by map at file 'm.cfg' line 13. "
            + "curr_ver=0 next_ver=0 entry_cnt=1\n\n";
    private static final String SHOW_ACL = "# id (file) description\n"
            + "0 (/tmp/s3/ips.lst) pattern loaded from file '/tmp/s3/ips.lst' used by acl at file 'm.cfg' line 10. "
            + "curr_ver=0 next_ver=0 entry_cnt=1\n"
            + "1 () acl 'src' file 'm.cfg' line 10. curr_ver=0 next_ver=0 entry_cnt=0\n"
            + "2 () acl 'path_beg' file 'm.cfg' line 11. curr_ver=0 next_ver=0 entry_cnt=1\n\n";

    @Test
    void mapAndAclCommandsCompleteTheLiveFilesAndIds() throws IOException {
        ProxyNames names = NAMES.withPatterns(SHOW_MAP, SHOW_ACL);
        assertEquals(List.of("/tmp/s3/m.map"), names.maps());
        assertEquals(List.of("/tmp/s3/ips.lst", "#1", "#2"), names.acls());
        assertEquals(names.maps(), tree().next(List.of("show", "map"), names));
        assertEquals(names.maps(), tree().next(List.of("add", "map"), names));
        // "get map <acl> <value>" in haproxy's help: still a map
        assertEquals(names.maps(), tree().next(List.of("get", "map"), names));
        assertEquals(names.acls(), tree().next(List.of("show", "acl"), names));
        assertEquals(names.acls(), tree().next(List.of("del", "acl"), names));
        assertEquals(List.of(), tree().next(List.of("del", "map", "/tmp/s3/m.map"), names));
    }
}
