package org.jhaproxy.regtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * doc/keywords.md is printed from the registries (-dKall) by doc/update-keywords.sh; this fails
 * when a keyword was added or removed without regenerating it, so the matrix never lies.
 */
class KeywordDocIT {

    @Test
    void keywordMatrixIsCurrent() throws Exception {
        Path top = ProgramRun.jhaproxy().getParent().getParent();
        Path fresh = Files.createTempFile("keywords", ".md");
        try {
            ProgramRun r = ProgramRun.run(top, List.of("bash", top.resolve("doc/update-keywords.sh").toString(), fresh.toString()), Map.of());
            assertEquals(0, r.exitCode(), r.output());
            assertEquals(Files.readString(top.resolve("doc/keywords.md")), Files.readString(fresh),
                    "doc/keywords.md is stale: run doc/update-keywords.sh");
        } finally {
            Files.deleteIfExists(fresh);
        }
    }
}
