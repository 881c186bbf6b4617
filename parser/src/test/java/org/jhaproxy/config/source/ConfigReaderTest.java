package org.jhaproxy.config.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jhaproxy.config.ConfigLoader;
import org.jhaproxy.config.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** readcfgfile() behaviours outside the case files (expected texts taken from haproxy 2.6.12). */
class ConfigReaderTest {
    @TempDir
    Path dir;

    private String load(String cfg, boolean diagMode) throws Exception {
        Files.writeString(dir.resolve("t.cfg"), cfg, StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Diagnostics diag = new Diagnostics(new PrintStream(buf, true, StandardCharsets.ISO_8859_1), 7, "v", null)
                .diagMode(diagMode);
        ConfigLoader.standard(diag, new Environment(Map.of(), dir)).load(List.of("t.cfg"));
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    /** haproxy -dD: a global section after a non-global one, and .diag, print [DIAG] lines. */
    @Test
    void diagModeReportsGlobalAfterOtherSections() throws Exception {
        String cfg = "defaults\nglobal\n.diag \"x y\"\n";
        assertEquals("[DIAG]     (7) : config : parsing [t.cfg:2] : global section detected after a non-global one, "
                + "the prevalence of their statements is unspecified\n"
                + "[DIAG]     (7) : config : parsing [t.cfg:3]: 'x y'.\n", load(cfg, true));
        assertEquals("", load(cfg, false));
    }

    /** Errors on lines of a masked block are still reported: words are cut before .if masks. */
    @Test
    void maskedLinesAreStillTokenized() throws Exception {
        String out = load("global\n.if 0\n.notice \"open\n.notice hidden\n.endif\n", false);
        assertEquals("[ALERT]    (7) : config : parsing [t.cfg:3]: unmatched quote at position 9:\n"
                + "  .notice \"open\n"
                + "          ^\n"
                + "[ALERT]    (7) : config : Error(s) found in configuration file : t.cfg\n"
                + "[ALERT]    (7) : config : Fatal errors found in configuration.\n", out.replaceAll("\\[NOTICE\\].*\n", ""));
    }

    /** "no"/"default" shift the words like readcfgfile(): up to the first empty word. */
    @Test
    void modifierShifting() {
        assertEquals(List.of("option", "httplog"), ConfigReader.shiftModifier(List.of("no", "option", "httplog"), KeywordModifier.NO));
        assertEquals(List.of("option", "httplog", "httplog"),
                ConfigReader.shiftModifier(List.of("default", "option", "httplog"), KeywordModifier.DEF));
        assertEquals(List.of("a", "", "", "b"), ConfigReader.shiftModifier(List.of("no", "a", "", "b"), KeywordModifier.NO));
        assertEquals(List.of(""), ConfigReader.shiftModifier(List.of("no"), KeywordModifier.NO));
    }
}
