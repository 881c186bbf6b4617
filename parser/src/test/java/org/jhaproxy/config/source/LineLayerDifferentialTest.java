package org.jhaproxy.config.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test of the line layer: when `haproxy` is on PATH, the same lines go through
 * haproxy -c and through jhaproxy, and exit codes and messages must be identical. Without
 * haproxy the test is skipped, saying why.
 */
class LineLayerDifferentialTest {
    /** One line each, placed in a global section (configuration.txt 2.2-2.4). */
    private static final List<String> LINES = List.of(
            ".notice \"a  b\"",
            ".notice 'a  b'",
            ".notice a\\ \\ b",
            ".notice \"\\\"\"",
            ".notice \"a'b\"",
            ".notice 'a\"b'",
            ".notice \"a\\x41\\x4a\"",
            ".notice \\x5c",
            ".notice \"\\x\"",
            ".notice \"$FOO-$BAR\"",
            ".notice \"${FOO}${BAR}\"",
            ".notice \"${UNSET-x y}\"",
            ".notice \"${FOO[*]}${BAR}\"",
            ".notice \"${SPACED[*]}\"",
            ".notice \"${MANY[*]}\"",
            ".notice \"${.LINE}-${.SECTION}\"",
            ".notice \"${.NOPE}\"",
            ".notice \"${FOO\"",
            ".notice \"$\"",
            ".notice \"${FOO[1]}\"",
            ".notice a#b",
            ".notice \"a#b\"",
            ".notice 'unterminated",
            ".notice \"unterminated",
            ".warning \"warned\"",
            ".alert \"alerted\"",
            ".notice one two",
            ".bogus",
            ".if 1",
            ".endif",
            ".else",
            ".elif 1",
            ".if defined(FOO) && !defined(UNSET)\n.notice yes\n.endif",
            ".if streq(\"$FOO\",foo) || foo(\n.endif",
            ".if (1 && (0 || 1)) && !0\n.notice yes\n.else\n.notice no\n.endif",
            ".if version_atleast(2.6.12) && !version_atleast(2.6.13)\n.notice v\n.endif",
            ".if openssl_version_atleast(1.1.1) && ssllib_name_startswith(OpenSSL)\n.notice ssl\n.endif",
            ".if feature(LUA) && feature(PROMEX) && !feature(ZLIB) && !feature(LINUX)\n.notice f\n.endif",
            ".if 1abc\n.endif",
            ".if (1\n.endif",
            ".if streq(a,b,c)\n.endif",
            ".if defined(FOO\n.endif",
            ".if !!!\n.endif",
            "[scope]",
            "[bad scope]",
            "no foo",
            "   \t  ",
            "# only a comment");

    /** Pieces of random lines: quotes, escapes, variables, blanks, CRs, control bytes. */
    private static final String[] PIECES = {
        "\"", "'", "\\", "\\x", "\\x4", "\\x41", "\\xZZ", "$", "${", "${FOO", "${FOO}", "$FOO", "${FOO[*]}",
        "${FOO[x]}", "${FOO[*", "${FOO-", "${FOO-a b}", "${UNSET-c d}", "${UNSET[*]-e f}", "}", "{", "[", "]", "*",
        "${.LINE}", "${.SECTION}", "${.X}", "#", " ", "  ", "\t", "a", "bc", "\\ ", "\\#", "\\\"", "\\'", "\\$",
        "\\\\", "\\n", "\\t", "\\r", "x", "(", ")", "!", "&&", ",", "$.FILE", "${SPACED[*]}", "${MANY[*]}",
        "\u0001", "\u00e9", "\\x00", "\\x20", "\u000b", "\u000c", "\r", " \r",
    };
    private static final String[] STARTS = {".notice ", ".notice ", ".warning ", "  .notice \"", ".diag ", "", "'", "\""};

    private static boolean haproxy;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findHaproxy() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(d, "haproxy"))) {
                    haproxy = true;
                }
            }
        }
        if (!haproxy) {
            System.out.println("LineLayerDifferentialTest skipped: no haproxy on PATH to compare with");
        }
    }

    @TestFactory
    Stream<DynamicTest> singleLines() {
        return LINES.stream().map(line -> DynamicTest.dynamicTest("[" + line + "]", () -> {
            assumeTrue(haproxy, "no haproxy on PATH to compare with");
            Path cfg = tmp.resolve("line.cfg");
            Files.writeString(cfg, "global\n" + line + "\n", StandardCharsets.ISO_8859_1);
            compare(tmp, "line.cfg");
        }));
    }

    /** Random lines (fixed seed): each file is 50 of them in a global section. */
    @TestFactory
    Stream<DynamicTest> randomLines() {
        java.util.Random rnd = new java.util.Random(20261123);
        List<String> files = new java.util.ArrayList<>();
        for (int f = 0; f < 10; f++) {
            StringBuilder sb = new StringBuilder("global\n");
            for (int l = 0; l < 50; l++) {
                sb.append(STARTS[rnd.nextInt(STARTS.length)]);
                for (int n = 1 + rnd.nextInt(10); n > 0; n--) {
                    sb.append(PIECES[rnd.nextInt(PIECES.length)]);
                }
                sb.append('\n');
            }
            files.add(sb.toString());
        }
        return java.util.stream.IntStream.range(0, files.size()).mapToObj(i -> DynamicTest.dynamicTest("random-" + i, () -> {
            assumeTrue(haproxy, "no haproxy on PATH to compare with");
            Path cfg = tmp.resolve("random-" + i + ".cfg");
            Files.writeString(cfg, files.get(i), StandardCharsets.ISO_8859_1);
            compare(tmp, cfg.getFileName().toString());
        }));
    }

    @TestFactory
    Stream<DynamicTest> caseFiles() throws IOException {
        Path dir = LineLayerCases.dir();
        return LineLayerCases.cases().stream().map(cfg -> DynamicTest.dynamicTest(cfg.getFileName().toString(), () -> {
            assumeTrue(haproxy, "no haproxy on PATH to compare with");
            compare(dir, cfg.getFileName().toString());
        }));
    }

    private static void compare(Path dir, String file) throws Exception {
        Map<String, String> env = LineLayerCases.environment();
        assertEquals(runHaproxy(dir, file, env), LineLayerCases.runJhaproxy(dir, file, env), file);
    }

    private static String runHaproxy(Path dir, String file, Map<String, String> vars) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("haproxy", "-c", "-f", file).directory(dir.toFile());
        String path = System.getenv("PATH");
        pb.environment().clear();
        pb.environment().put("PATH", path);
        pb.environment().putAll(vars);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("haproxy did not finish on " + file);
        }
        return LineLayerCases.render(p.exitValue(), new String(err, StandardCharsets.ISO_8859_1));
    }
}
