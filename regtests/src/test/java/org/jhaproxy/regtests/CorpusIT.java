package org.jhaproxy.regtests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared corpus of real haproxy.cfg files: `bin/jhaproxy -c` on each, from a fresh directory
 * with only PATH set, compared with HAProxy 2.6's recorded verdict and first diagnostic line
 * (EXPECTED.tsv). Skipped, saying why, when the corpus is absent (a fresh clone has no ../shared).
 *
 * The floors only go up: they are what main reaches today, so a change that loses a verdict fails.
 */
class CorpusIT {
    private static final double MIN_VERDICTS = Double.parseDouble(System.getProperty("jhaproxy.corpus.minVerdicts", "0.97"));
    private static final double MIN_FIRST_LINES = Double.parseDouble(System.getProperty("jhaproxy.corpus.minFirstLines", "0.85"));

    record Expected(String id, int exitCode, String firstLine) {
    }

    @Test
    void verdictsAndFirstLinesMatchHaproxy() throws Exception {
        String dir = System.getProperty("jhaproxy.corpus.dir");
        Path corpus = dir == null ? null : Path.of(dir);
        if (corpus == null || !Files.isRegularFile(corpus.resolve("EXPECTED.tsv"))) {
            System.out.println("CorpusIT skipped: no corpus at " + dir + " (set -Djhaproxy.corpus.dir)");
            assumeTrue(false, "corpus absent");
        }
        List<Expected> cases = new ArrayList<>();
        for (String l : Files.readAllLines(corpus.resolve("EXPECTED.tsv"), StandardCharsets.ISO_8859_1)) {
            String[] f = l.split("\t", -1);
            if (f[0].equals("id") || f.length < 3) {
                continue;
            }
            cases.add(new Expected(f[0], Integer.parseInt(f[1]), f[2]));
        }
        int verdicts = 0;
        int firstLines = 0;
        StringBuilder report = new StringBuilder();
        for (Expected e : cases) {
            Path tmp = Files.createTempDirectory("corpus");
            Path cfg = tmp.resolve(e.id() + ".cfg");
            Files.copy(corpus.resolve("cfg").resolve(e.id() + ".cfg"), cfg);
            ProgramRun r = ProgramRun.run(tmp, List.of(ProgramRun.jhaproxy().toString(), "-c", "-f", cfg.toString()), Map.of());
            String first = r.firstDiagnostic(tmp);
            if (r.exitCode() == e.exitCode()) {
                verdicts++;
            } else {
                report.append("MISMATCH ").append(e.id()).append(": expected exit ").append(e.exitCode())
                        .append(", got ").append(r.exitCode()).append("  ").append(first).append('\n');
            }
            if (first.equals(e.firstLine())) {
                firstLines++;
            } else if (r.exitCode() == e.exitCode()) {
                report.append("LINE ").append(e.id()).append(": expected: ").append(e.firstLine()).append('\n')
                        .append("LINE ").append(e.id()).append(":      got: ").append(first).append('\n');
            }
            deleteTree(tmp);
        }
        int n = cases.size();
        System.out.print(report);
        System.out.printf("corpus first lines: %d matched of %d (%.1f%%)%n", firstLines, n, 100.0 * firstLines / n);
        System.out.printf("corpus verdicts: %d matched of %d (%.1f%%)%n", verdicts, n, 100.0 * verdicts / n);
        assertTrue(verdicts >= Math.ceil(MIN_VERDICTS * n), "verdicts " + verdicts + "/" + n + " below the floor " + MIN_VERDICTS);
        assertTrue(firstLines >= Math.ceil(MIN_FIRST_LINES * n), "first lines " + firstLines + "/" + n + " below the floor " + MIN_FIRST_LINES);
    }

    static void deleteTree(Path p) throws java.io.IOException {
        try (var s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        }
    }
}
