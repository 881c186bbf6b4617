package org.jhaproxy.config.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * configuration.txt sections 2.2-2.4 (quoting, escapes, environment variables, word expansion,
 * pseudo-variables, comments, word limits, missing LF, stray NUL, conditional blocks and message
 * directives): each case file must give exactly haproxy 2.6.12's exit code and messages, recorded
 * next to it from haproxy itself.
 */
class LineLayerTest {

    @TestFactory
    Stream<DynamicTest> everyCaseMatchesHaproxy() throws IOException {
        Path dir = LineLayerCases.dir();
        return LineLayerCases.cases().stream().map(cfg -> DynamicTest.dynamicTest(cfg.getFileName().toString(), () ->
                assertEquals(LineLayerCases.expected(cfg),
                        LineLayerCases.runJhaproxy(dir, cfg.getFileName().toString(), LineLayerCases.environment()))));
    }
}
