package org.jhaproxy.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** dump_text_line()'s layout as haproxy 2.6.12's "show errors" prints a buffer. */
class ShowErrorsDumpTest {
    private static String dump(String bytes) {
        StringBuilder out = new StringBuilder();
        ShowErrors.dump(out, bytes.getBytes(StandardCharsets.ISO_8859_1));
        return out.toString();
    }

    @Test
    void linesEndAtEachLineFeedWithTheirOffset() {
        assertEquals("  00000  GET / HTTP/1.1\\r\\n\n  00016  Host: x\\r\\n\n  00025  \\r\\n\n  00027  abc\n",
                dump("GET / HTTP/1.1\r\nHost: x\r\n\r\nabc"));
    }

    @Test
    void otherBytesAreEscaped() {
        assertEquals("  00000  a\\tb\\e\\\\c\\x7F\\xFF\\x00\n", dump("a\tb\u001b\\c\u007f\u00ff\u0000"));
    }

    @Test
    void aLongLineIsCutAtEightyColumnsAndGoesOnMarkedWithAPlus() {
        String a = "a".repeat(150);
        assertEquals("  00000  " + "a".repeat(70) + "\n  00070+ " + "a".repeat(70) + "\n  00140+ " + "a".repeat(10) + "\n",
                dump(a));
        // an escape that would pass the width goes to the next line
        String cut = dump("a".repeat(69) + "\r");
        assertEquals("  00000  " + "a".repeat(69) + "\n  00069+ \\r\n", cut);
    }
}
