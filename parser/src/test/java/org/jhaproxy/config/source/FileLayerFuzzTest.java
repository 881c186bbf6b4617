package org.jhaproxy.config.source;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jhaproxy.config.ConfigLoader;
import org.jhaproxy.config.diag.Diagnostics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property of the file layer: whatever bytes a configuration holds, loading it yields only
 * haproxy-shaped output ([ALERT]/[WARNING]/[NOTICE]/[DIAG] lines and their indented
 * continuations), never a Java exception, and ends in bounded time. Inputs are random byte and
 * line mutations (fixed seed, fixed budget) of built-in seed configurations and, when the system
 * property jhaproxy.corpus.dir names the corpus directory, of its .cfg files.
 */
class FileLayerFuzzTest {
    private static final long SEED = 0x6a686170726f7879L;
    private static final int MUTANTS_PER_SEED = 150;
    private static final int CORPUS_FILES = 20;
    private static final Pattern SHAPE = Pattern.compile("(\\[(ALERT|WARNING|NOTICE|DIAG)\\] +\\(\\d+\\) : .*|[ \\t].*|)", Pattern.DOTALL);

    /** Pieces that stress the line layer when spliced into a line. */
    private static final String[] FRAGMENTS = {
        "\"", "'", "\\", "\\x", "\\x4", "\\xZZ", "$", "${", "${FOO", "${FOO[*]}", "${FOO-", "}", "${.LINE}",
        "${.SECTION}", "${.X}", "#", " ", "\t", "\0", "\r", "(", ")", "!", "&&", "||", ",", ".if", ".elif",
        ".else", ".endif", ".notice", ".alert", "[", "]", "no ", "default ", "\u00ff", "\u0080", " \r", "$.FILEa",
        "${FOO-a}", "${UNSET[*]-e f}", "\u000b",
    };

    /** Whole lines to insert. */
    private static final String[] LINES = {
        ".if 1", ".if 0", ".if foo(", ".if defined(FOO) && streq(\"$FOO\",foo)", ".elif 1", ".else", ".endif",
        ".endif x", ".notice \"${FOO[*]}\"", ".warning w", ".diag d", ".bogus", "[scope]", "[]", "global",
        "defaults", "frontend fe", "backend be", "listen li", "no option", "default option", "    bind :80",
        "    server s1 127.0.0.1:80", "    mode http", "    timeout client 1s",
    };

    private static final List<String> SEEDS = List.of(
            "global\n    maxconn 100\n    log stdout format raw local0\n\ndefaults\n    mode http\n"
                    + "    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n\n"
                    + "frontend fe\n    bind :8080\n    default_backend be\n\n"
                    + "backend be\n    balance roundrobin\n    server s1 127.0.0.1:8000 check\n",
            "# conditional blocks and directives\nglobal\n.if defined(FOO)\n    .notice \"FOO=$FOO\"\n"
                    + ".elif streq(\"${BAR-x}\",x) && !feature(QUIC)\n    .warning 'no FOO'\n.else\n"
                    + "    .diag \"else\"\n.endif\n.if version_atleast(2.6) || (0 && 1)\n.endif\n",
            "global\n    setenv A \"a b\"\n    .notice \"${A[*]}\"\n    .notice 'single $A \\x41'\n"
                    + "    .notice \"esc \\\" \\\\ \\# \\x41\"\n    .notice a\\ b#comment\n[scope]\n"
                    + "listen li\n    bind 127.0.0.1:9000\n    mode tcp\n    no option tcplog\n"
                    + "    server s \"127.0.0.1:9001\"\n",
            "frontend \"fe x\"\n  bind :80 name b1\n  acl a path_beg /x\n  http-request deny if a\n"
                    + "  use_backend b if { path /y }\nbackend b\n  server-template s 3 127.0.0.1:80\n"
                    + "userlist u\n  user x password y\n");

    @TempDir
    static Path tmp;

    private static ExecutorService worker;

    @BeforeAll
    static void start() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-worker");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stop() {
        worker.shutdownNow();
    }

    @Test
    void mutatedSeedsGiveHaproxyShapedOutput() throws Exception {
        run(SEEDS, new Random(SEED));
    }

    @Test
    void mutatedCorpusFilesGiveHaproxyShapedOutput() throws Exception {
        String dir = System.getProperty("jhaproxy.corpus.dir");
        Path cfgDir = dir == null ? null : Path.of(dir).resolve("cfg");
        if (cfgDir == null || !Files.isDirectory(cfgDir)) {
            System.out.println("FileLayerFuzzTest: corpus part skipped: -Djhaproxy.corpus.dir="
                    + dir + " does not name a directory holding cfg/");
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "no corpus directory");
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(cfgDir)) {
            files = s.filter(p -> p.toString().endsWith(".cfg")).sorted().collect(Collectors.toList());
        }
        Random rnd = new Random(SEED + 1);
        List<String> seeds = new ArrayList<>();
        for (int i = 0; i < Math.min(CORPUS_FILES, files.size()); i++) {
            Path f = files.get(rnd.nextInt(files.size()));
            seeds.add(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
        }
        run(seeds, rnd);
    }

    private void run(List<String> seeds, Random rnd) throws Exception {
        for (String seed : seeds) {
            check(seed);
            for (int i = 0; i < MUTANTS_PER_SEED; i++) {
                check(mutate(seed, rnd));
            }
        }
    }

    private void check(String input) throws Exception {
        Path file = tmp.resolve("fuzz.cfg");
        Files.write(file, input.getBytes(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Future<?> f = worker.submit(() -> {
            PrintStream ps = new PrintStream(buf, true, StandardCharsets.ISO_8859_1);
            Diagnostics diag = new Diagnostics(ps, 1, "fuzz", "jhaproxy");
            ConfigLoader.standard(diag, new Environment(Map.of("FOO", "foo bar"), tmp)).load(List.of("fuzz.cfg"));
            return null;
        });
        try {
            f.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            fail("no verdict within 10 s on:\n" + save(input));
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("exception " + e.getCause() + " on:\n" + save(input), e.getCause());
        }
        String out = buf.toString(StandardCharsets.ISO_8859_1);
        // a word written with "\n" or "\x0a" holds a real LF, which haproxy prints as it is
        boolean wordsMayHoldLf = input.contains("\\n") || input.toLowerCase(java.util.Locale.ROOT).contains("\\x0a");
        String[] lines = out.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            boolean tolerated = wordsMayHoldLf && i > 0;
            if (!tolerated && !SHAPE.matcher(lines[i]).matches()) {
                fail("not a haproxy-shaped line: <" + lines[i] + "> on:\n" + save(input));
            }
        }
    }

    /** Keeps the failing input where it can be replayed with jhaproxy -c -f. */
    private static String save(String input) throws IOException {
        Path dir = Path.of("target", "fuzz-failures");
        Files.createDirectories(dir);
        Path f = dir.resolve("failure-" + Integer.toHexString(input.hashCode()) + ".cfg");
        Files.write(f, input.getBytes(StandardCharsets.ISO_8859_1));
        return f.toAbsolutePath() + "\n" + (input.length() > 2000 ? input.substring(0, 2000) + "..." : input);
    }

    private static String mutate(String in, Random rnd) {
        String s = in;
        int n = 1 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            s = mutateOnce(s, rnd);
        }
        return s;
    }

    private static String mutateOnce(String s, Random rnd) {
        int pos = s.isEmpty() ? 0 : rnd.nextInt(s.length() + 1);
        List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
        switch (rnd.nextInt(9)) {
            case 0: // flip one byte
                if (!s.isEmpty()) {
                    int p = rnd.nextInt(s.length());
                    return s.substring(0, p) + (char) rnd.nextInt(256) + s.substring(p + 1);
                }
                return s;
            case 1: // splice a fragment
                return s.substring(0, pos) + FRAGMENTS[rnd.nextInt(FRAGMENTS.length)] + s.substring(pos);
            case 2: // delete a range
                int len = Math.min(s.length() - pos, rnd.nextInt(20));
                return s.substring(0, pos) + s.substring(pos + len);
            case 3: // insert a line
                lines.add(rnd.nextInt(lines.size() + 1), LINES[rnd.nextInt(LINES.length)]);
                return String.join("\n", lines);
            case 4: // duplicate a line
                int d = rnd.nextInt(lines.size());
                lines.add(d, lines.get(d));
                return String.join("\n", lines);
            case 5: // swap two lines
                int a = rnd.nextInt(lines.size());
                int b = rnd.nextInt(lines.size());
                String t = lines.get(a);
                lines.set(a, lines.get(b));
                lines.set(b, t);
                return String.join("\n", lines);
            case 6: // truncate (often leaves the last line without LF)
                return s.substring(0, pos);
            case 7: // a very long word or many words
                return s.substring(0, pos) + (rnd.nextBoolean() ? "x".repeat(rnd.nextInt(5000)) : " w".repeat(70))
                        + s.substring(pos);
            default: // drop a line
                lines.remove(rnd.nextInt(lines.size()));
                return String.join("\n", lines);
        }
    }
}
