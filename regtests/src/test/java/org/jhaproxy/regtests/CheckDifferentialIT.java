package org.jhaproxy.regtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * `-c` on small configurations, one concern each (regtests/src/test/resources/check/*.cfg). Each
 * has a golden file recorded from haproxy 2.6.12 (first line "exit=N", then the output with the
 * pid and banner normalised). jhaproxy must print exactly that; where haproxy is installed the same
 * case also runs through it, so a golden file that drifted from haproxy fails too.
 */
class CheckDifferentialIT {
    private static final Path CASES = Path.of("src/test/resources/check");

    @TestFactory
    Stream<DynamicTest> checkVerdictsAndMessages() throws IOException {
        Path haproxy = ProgramRun.haproxy();
        if (haproxy == null) {
            System.out.println("CheckDifferentialIT: haproxy not installed, comparing with the recorded golden files only");
        }
        List<Path> cfgs;
        try (Stream<Path> s = Files.list(CASES)) {
            cfgs = s.filter(p -> p.toString().endsWith(".cfg")).sorted().toList();
        }
        return cfgs.stream().map(cfg -> DynamicTest.dynamicTest(cfg.getFileName().toString(), () -> {
            String name = cfg.getFileName().toString();
            String golden = Files.readString(CASES.resolve(name.replace(".cfg", ".out")), StandardCharsets.ISO_8859_1);
            assertEquals(golden, check(ProgramRun.jhaproxy(), cfg), "jhaproxy -c " + name);
            if (haproxy != null) {
                assertEquals(golden, check(haproxy, cfg), "haproxy -c " + name + " (the golden file is stale)");
            }
        }));
    }

    /** Runs `-c` from a fresh directory holding a copy of the case, as "exit=N\n" + normalised output. */
    static String check(Path program, Path cfg) throws Exception {
        Path tmp = Files.createTempDirectory("check");
        try {
            Path copy = tmp.resolve(cfg.getFileName());
            Files.copy(cfg, copy);
            ProgramRun r = ProgramRun.run(tmp, List.of(program.toString(), "-c", "-f", copy.getFileName().toString()), Map.of());
            return "exit=" + r.exitCode() + "\n" + r.normalized(tmp);
        } finally {
            CorpusIT.deleteTree(tmp);
        }
    }
}
