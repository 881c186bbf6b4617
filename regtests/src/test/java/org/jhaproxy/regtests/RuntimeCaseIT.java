package org.jhaproxy.regtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The runtime, end to end (regtests/src/test/resources/runtime/*.case, format in its README.md):
 * each case runs its scripted clients and servers through bin/jhaproxy and must produce, byte for
 * byte, the transcript recorded from haproxy 2.6.12 in NNN-name.expect. Where haproxy is installed
 * the case also runs through it, so a golden file that drifted from haproxy fails too.
 *
 * -Dregtests.record=true rewrites the goldens from haproxy instead (record-runtime-golden.sh);
 * -Dregtests.case=012,020 runs only the cases whose file name contains one of those texts. A case
 * with a `pending: reason` line is skipped for jhaproxy (with that reason) and still checked on haproxy;
 * -Dregtests.pending=true runs jhaproxy on the pending cases too (to see which pass now).
 */
class RuntimeCaseIT {
    private static final Path CASES = Path.of("src/test/resources/runtime");

    @TestFactory
    Stream<DynamicNode> runtimeCases() throws IOException {
        Path haproxy = ProgramRun.haproxy();
        boolean record = Boolean.getBoolean("regtests.record");
        List<String> only = List.of(System.getProperty("regtests.case", "").split(","));
        boolean evenPending = Boolean.getBoolean("regtests.pending");
        if (haproxy == null) {
            System.out.println("RuntimeCaseIT: haproxy not installed, comparing jhaproxy with the recorded golden files only");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(CASES)) {
            files = s.filter(p -> p.toString().endsWith(".case") && only.stream().anyMatch(p.getFileName().toString()::contains)).sorted().toList();
        }
        return files.stream().map(file -> {
            String name = file.getFileName().toString().replaceFirst("\\.case$", "");
            Path golden = CASES.resolve(name + ".expect");
            return DynamicContainer.dynamicContainer(name, Stream.of(
                    DynamicTest.dynamicTest("haproxy", () -> {
                        Assumptions.assumeTrue(haproxy != null, "haproxy is not installed");
                        String actual = CaseRun.transcript(RuntimeCase.load(file), haproxy, record ? 0 : logLines(golden));
                        if (record) {
                            Files.writeString(golden, actual, StandardCharsets.ISO_8859_1);
                            System.out.println("RuntimeCaseIT: recorded " + golden);
                        } else {
                            compare(golden, actual, "haproxy (is the golden file stale?)");
                        }
                    }),
                    DynamicTest.dynamicTest("jhaproxy", () -> {
                        Assumptions.assumeFalse(record, "recording goldens from haproxy");
                        RuntimeCase c = RuntimeCase.load(file);
                        if (c.pending() != null && !evenPending) {
                            System.out.println("RuntimeCaseIT: " + name + " skipped for jhaproxy, pending: " + c.pending());
                            Assumptions.abort("pending: " + c.pending());
                        }
                        compare(golden, CaseRun.transcript(c, ProgramRun.jhaproxy(), logLines(golden)), "jhaproxy");
                    })));
        });
    }

    /** How many log lines the golden has (the log section's lines), 0 without a golden. */
    static int logLines(Path golden) throws IOException {
        if (!Files.exists(golden)) {
            return 0;
        }
        String g = Files.readString(golden, StandardCharsets.ISO_8859_1);
        int at = g.lastIndexOf("\nlog:\n");
        if (at < 0) {
            return 0;
        }
        return (int) g.substring(at + 6).lines().filter(l -> l.startsWith("  ") && !l.equals("  <no line>")).count();
    }

    private static void compare(Path golden, String actual, String who) throws IOException {
        if (!Files.exists(golden)) {
            throw new AssertionError(golden + " is missing; record it with regtests/record-runtime-golden.sh. " + who + " gave:\n" + actual);
        }
        String expected = Files.readString(golden, StandardCharsets.ISO_8859_1);
        assertEquals(expected, actual, () -> who + " transcript differs from " + golden.getFileName()
                + " (- golden, + actual):\n" + TranscriptDiff.of(expected, actual));
    }
}
