package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The forms of "show info" and "show stat" on the stats socket (management.txt 9.3: "show info
 * [typed|json] [desc] [float]", "show stat [typed|json] [desc]", "show schema json"),
 * differential: jhaproxy and haproxy 2.6.12 run the same configuration and each form's answer
 * must be the same line for line, field for field (position, name, process, tags, type,
 * description), and the same value wherever the value does not name the process or its timing.
 * The JSON answers must be JSON (parsed strictly), laid out as haproxy lays them out, and the
 * same once parsed.
 */
class StatsInfoFormsIT {
    /** Info fields naming this process, its build, its limits as the host sets them, its load or its timing. */
    private static final Set<String> VOLATILE_INFO = Set.of("Version", "Release_date", "Build info", "Pid", "Uptime",
            "Uptime_sec", "Start_time_sec", "Ulimit-n", "Maxsock", "Maxconn", "Hard_maxconn", "CurrConns", "CumConns",
            "CumReq", "Tasks", "Run_queue", "Idle_pct", "Jobs", "TotalBytesOut", "BytesOutRate", "ConnRate",
            "MaxConnRate", "SessRate", "MaxSessRate", "PoolAlloc_MB", "PoolUsed_MB", "PoolAlloc_bytes", "PoolUsed_bytes");

    /**
     * Stat fields that depend on when each program started and ran its check, not on what happened:
     * ages and durations (jhaproxy's refused check takes some ms where haproxy's takes 0).
     */
    private static final Set<String> VOLATILE_STAT = Set.of("lastchg", "downtime", "check_duration", "lastsess");

    private static final Pattern INFO_TYPED = Pattern.compile("(\\d+\\.([^.:]+)\\.\\d+:[^:]{3}:\\w+:)(.*?)(:\".*\")?");
    private static final Pattern INFO_PLAIN = Pattern.compile("(([^:]+): )(.*?)(:\".*\")?");
    private static final Pattern STAT_TYPED = Pattern.compile("([FBLS]\\.\\d+\\.\\d+\\.\\d+\\.(\\w+)\\.\\d+:[^:]{3}:\\w+:)(.*?)(:\".*\")?");

    private static ProxyPair pair;
    private static RunningProxy jhaproxy;
    private static RunningProxy haproxy;
    /** Where each program's stats sockets are. */
    private static Path jdir;
    private static Path hdir;

    /**
     * The frontend is never connected to: its counters stay 0 on both, as every proxy's. The
     * log-forward section receives on {@code port + 1} (UDP) and sends to a socket that does not
     * exist: the lines are lost without being dropped logs.
     */
    static String config(Path dir, int port) {
        return "global\n    nbthread 1\n    node infonode\n    description info  forms \"of\" 2.6\n"
                + "    stats socket " + dir.resolve("admin.sock") + " level admin\n"
                + "    stats socket " + dir.resolve("user.sock") + " level user\n\n"
                + "defaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n\n"
                + "frontend fe\n    bind 127.0.0.1:" + port + "\n    default_backend b\n\n"
                + "backend b\n    cookie SRV insert\n    server s1 127.0.0.1:9 cookie a\n"
                + "    server s2 127.0.0.1:9 check inter 1h\n    server s3 127.0.0.1:9 backup\n"
                + "    server s4 127.0.0.1:9 disabled\n\n"
                + "backend bt\n    mode tcp\n    balance source\n    server t1 127.0.0.1:9 weight 7\n\n"
                + "log-forward lf\n    dgram-bind 127.0.0.1:" + (port + 1) + "\n    log " + dir.resolve("nolog.sock") + " local0\n";
    }

    /**
     * Both programs start without ProxyPair's probe of the frontend port, so that no connection
     * moves a counter (an empty one counts as a bad request, with its 400): they are ready when
     * their stats socket answers.
     */
    @BeforeAll
    static void start() throws Exception {
        jdir = Files.createTempDirectory("StatsInfoFormsIT-j");
        int jPort = RunningProxy.freePortPair();
        jhaproxy = RunningProxy.start(config(jdir, jPort), "-db");
        Path program = HealthCheckIT.haproxy();
        int hPort = 0;
        if (program != null) {
            hdir = Files.createTempDirectory("StatsInfoFormsIT-h");
            hPort = RunningProxy.freePortPair();
            haproxy = RunningProxy.start(program, config(hdir, hPort), "-db");
        } else {
            System.out.println("StatsInfoFormsIT: haproxy is not installed, the haproxy half is skipped");
        }
        pair = ProxyPair.in(jdir, hdir, UnaryOperator.identity());
        // ready, and the one check of s2 (inter 1h) has run: its status no longer changes
        assertTrue(RunningProxy.within(Duration.ofSeconds(60), () -> checked("j")), "jhaproxy's check of b/s2:\n" + jhaproxy.output());
        if (pair.differential()) {
            assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> checked("h")), "haproxy's check of b/s2");
        }
        // CumRecvLogs counts each message the log-forward section received
        forwardThreeLogs("j", jPort + 1);
        if (pair.differential()) {
            forwardThreeLogs("h", hPort + 1);
        }
    }

    private static void forwardThreeLogs(String side, int port) throws IOException {
        try (DatagramSocket s = new DatagramSocket()) {
            for (int i = 1; i <= 3; i++) {
                byte[] msg = ("<13>message " + i).getBytes(StandardCharsets.US_ASCII);
                s.send(new DatagramPacket(msg, msg.length, new InetSocketAddress("127.0.0.1", port)));
            }
        }
        assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> answer(side, "show info\n").contains("\nCumRecvLogs: 3\n")),
                side + ": " + answer(side, "show info\n"));
    }

    private static String answer(String side, String request) {
        try {
            return side.equals("j") ? pair.jhaproxy("admin.sock", request) : pair.haproxy("admin.sock", request);
        } catch (IOException e) {
            return "";
        }
    }

    /** The check of b/s2 reported its failure and its connection is closed (no longer in use). */
    private static boolean checked(String side) {
        String s2 = answer(side, "show stat b 4 2 typed\n");
        return s2.contains(".check_status.1:MOP:str:L4CON\n") && s2.contains(".used_conn_cur.1:MGP:u32:0\n");
    }

    @AfterAll
    static void stop() throws Exception {
        if (haproxy != null) {
            haproxy.close();
        }
        if (jhaproxy != null) {
            jhaproxy.assertCleanOutput();
            jhaproxy.close();
        }
        for (Path d : new Path[] {jdir, hdir}) {
            if (d != null) {
                ProcessIdentityIT.delete(d);
            }
        }
    }

    /** The value of each line matching {@code form} whose field is in {@code names} becomes "N". */
    private static String values(String answer, Pattern form, Set<String> names) {
        List<String> out = new ArrayList<>();
        for (String l : answer.split("\n", -1)) {
            Matcher m = form.matcher(l);
            if (m.matches() && names.contains(m.group(2))) {
                l = m.group(1) + "N" + (m.group(4) == null ? "" : m.group(4));
            }
            out.add(l);
        }
        return String.join("\n", out);
    }

    private static String info(String answer) {
        return values(values(answer, INFO_TYPED, VOLATILE_INFO), INFO_PLAIN, VOLATILE_INFO);
    }

    private static String stat(String answer) {
        return values(answer, STAT_TYPED, VOLATILE_STAT);
    }

    @Test
    void typedInfoHasHaproxysPositionsTagsAndTypes() throws IOException {
        String typed = pair.same("admin.sock", "show info typed\n", StatsInfoFormsIT::info);
        assertTrue(typed.startsWith("0.Name.1:POS:str:HAProxy\n1.Version.1:POS:str:N\n"), typed);
        assertTrue(typed.contains("\n50.node.1:COS:str:infonode\n51.description.1:COS:str:info forms of 2.6\n"), typed);
        assertTrue(typed.endsWith("\n71.Tainted.1:SGP:str:0\n\n"), typed);
        // a line the target refuses is lost, not dropped; the three forwarded messages are counted
        assertTrue(typed.contains("\n58.DroppedLogs.1:MGP:u32:0\n"), typed);
        assertTrue(typed.contains("\n65.CumRecvLogs.1:MCP:u32:3\n"), typed);
        String desc = pair.same("admin.sock", "show info typed desc\n", StatsInfoFormsIT::info);
        assertTrue(desc.startsWith("0.Name.1:POS:str:HAProxy:\"Product name\"\n"), desc);
        // "float": the uptime, start time and rates become "flt", some tagged a rate only then
        String flt = pair.same("admin.sock", "show info typed float desc\n", StatsInfoFormsIT::info);
        assertTrue(flt.contains("\n35.SslFrontendKeyRate.1:MRP:flt:0:"), flt);
        pair.same("user.sock", "show info float\n", StatsInfoFormsIT::info);
    }

    @Test
    void plainInfoWithDescriptionsAndTheLastFormWins() throws IOException {
        String desc = pair.same("admin.sock", "show info desc\n", StatsInfoFormsIT::info);
        assertTrue(desc.startsWith("Name: HAProxy:\"Product name\"\n"), desc);
        pair.same("admin.sock", "show info json typed\n", StatsInfoFormsIT::info);
        pair.same("admin.sock", "show info nosuchword\n", StatsInfoFormsIT::info);
    }

    @Test
    void jsonInfoIsHaproxysJson() throws IOException {
        for (String form : List.of("show info json\n", "show info json desc\n", "show info json float\n")) {
            json(form, VOLATILE_INFO);
        }
    }

    @Test
    void typedStatsAreHaproxys() throws IOException {
        String typed = pair.same("admin.sock", "show stat typed\n", StatsInfoFormsIT::stat);
        assertTrue(typed.startsWith("F.2.0.0.pxname.1:KNS:str:fe\n"), typed);
        pair.same("admin.sock", "show stat typed desc\n", StatsInfoFormsIT::stat);
        pair.same("user.sock", "show stat typed\n", StatsInfoFormsIT::stat);
        pair.same("admin.sock", "show stat b 6 -1 typed\n", StatsInfoFormsIT::stat);
        // the last of json and typed wins; "up" hides s2 (down, its check at its lowest) and s4
        // (maintenance), "no-maint" s4 only, and the backends then count their servers up
        String up = pair.same("admin.sock", "show stat -1 -1 -1 json up typed\n", StatsInfoFormsIT::stat);
        assertTrue(up.contains("\nB.3.0.17.status.1:SGP:str:UP (2/4)\n") && !up.contains("S.3.2.") && !up.contains("S.3.4."), up);
        String noMaint = pair.same("admin.sock", "show stat b 6 -1 no-maint typed desc\n", StatsInfoFormsIT::stat);
        assertTrue(noMaint.contains("\nS.3.2.0.pxname") && !noMaint.contains("S.3.4."), noMaint);
        pair.same("admin.sock", "show stat domain proxy bt -1 -1 up no-maint typed\n", StatsInfoFormsIT::stat);
        assertEquals("Invalid statistics domain.\n\n", pair.same("admin.sock", "show stat domain dns\n"));
        // three words after "show stat" are a proxy, a type and a server, whatever they are
        assertEquals("No such proxy.\n\n", pair.same("admin.sock", "show stat json up typed\n"));
    }

    @Test
    void jsonStatsAreHaproxysJson() throws IOException {
        for (String form : List.of("show stat json\n", "show stat json desc\n", "show stat bt -1 -1 json\n")) {
            json(form, VOLATILE_STAT);
        }
        assertInstanceOf(Map.class, JsonText.parse(pair.same("admin.sock", "show schema json\n")));
    }

    /**
     * One JSON form on both programs: each parses as JSON (past the CLI's closing empty line),
     * the texts are the same with the values set aside (layout, member order, types, tags), and
     * the parsed values are equal but for the {@code volatile} fields'.
     */
    private static void json(String request, Set<String> volatileFields) throws IOException {
        String j = pair.jhaproxy("admin.sock", request);
        assertTrue(j.endsWith("]\n\n"), request + j);
        Object jv = normalised(JsonText.parse(j), volatileFields);
        assertInstanceOf(List.class, jv, request);
        if (!pair.differential()) {
            return;
        }
        String h = pair.haproxy("admin.sock", request);
        assertEquals(layout(h), layout(j), "layout of the answer to " + request.strip());
        assertEquals(normalised(JsonText.parse(h), volatileFields), jv, "answer to " + request.strip());
    }

    /** The JSON text with every value (and its type) replaced, what is left being the layout. */
    private static String layout(String json) {
        return json.replaceAll("\"value\":\\{\"type\":\"(\\w+)\",\"value\":(\"[^\"]*\"|[^}]*)\\}", "\"value\":{\"type\":\"$1\",\"value\":V}");
    }

    /** The parsed answer with the value of each object whose field is in {@code names} replaced by "N". */
    @SuppressWarnings("unchecked")
    private static Object normalised(Object json, Set<String> names) {
        if (json instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(e -> out.add(normalised(e, names)));
            return out;
        }
        if (json instanceof Map<?, ?> m && m.get("field") instanceof Map<?, ?> f && names.contains(f.get("name"))) {
            Map<String, Object> out = new java.util.LinkedHashMap<>((Map<String, Object>) m);
            Map<String, Object> v = new java.util.LinkedHashMap<>((Map<String, Object>) m.get("value"));
            v.put("value", "N");
            out.put("value", v);
            return out;
        }
        return json;
    }
}
