package org.jhaproxy.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/** The pieces of a configuration line (configuration.txt section 2.2) as the lexer cuts them. */
class CfgLineLexerTest {

    private static List<String> tokens(String line, boolean sharp) {
        CfgLineLexer lexer = new CfgLineLexer(CharStreams.fromString(line));
        lexer.removeErrorListeners();
        lexer.sharp = sharp;
        List<String> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            out.add(CfgLineLexer.VOCABULARY.getSymbolicName(t.getType()) + ":" + t.getText());
        }
        return out;
    }

    @Test
    void wordsQuotesAndComments() {
        assertEquals(List.of("TEXT:a", "WS: ", "DQ_OPEN:\"", "DQ_TEXT:b c", "DQ_CLOSE:\"", "WS: ", "COMMENT:# x"),
                tokens("a \"b c\" # x", true));
        assertEquals(List.of("SQ_STRING:'a \"$X\\'", "TEXT:b"), tokens("'a \"$X\\'b", true));
        assertEquals(List.of("SQ_OPEN:'never closed"), tokens("'never closed", true));
    }

    /** Backslash escapes outside quotes; "\$" is only an escape inside double quotes. */
    @Test
    void escapes() {
        assertEquals(List.of("ESC:\\ ", "ESC:\\#", "ESC_HEX:\\x41", "ESC_BAD_HEX:\\x", "TEXT:4"), tokens("\\ \\#\\x41\\x4", true));
        assertEquals(List.of("BACKSLASH:\\", "TEXT:$a"), tokens("\\$a", true));
        assertEquals(List.of("DQ_OPEN:\"", "DQ_ESC:\\$", "DQ_TEXT:a", "DQ_CLOSE:\""), tokens("\"\\$a\"", true));
    }

    /** Variables are only recognized in double quotes, in their four forms. */
    @Test
    void variables() {
        assertEquals(List.of("DQ_OPEN:\"", "VAR:$A", "VAR:${B}", "VAR:${C[*]}", "VAR:${D-x y}", "VAR:${.LINE}", "DQ_CLOSE:\""),
                tokens("\"$A${B}${C[*]}${D-x y}${.LINE}\"", true));
        assertEquals(List.of("DQ_OPEN:\"", "BAD_VAR:$", "DQ_TEXT:{1}", "DQ_CLOSE:\""), tokens("\"${1}\"", true));
    }

    /** A CR ends the line, unless it follows a blank outside quotes. */
    @Test
    void carriageReturn() {
        assertEquals(List.of("TEXT:a", "EOL:\rb c"), tokens("a\rb c", true));
        assertEquals(List.of("TEXT:a", "WS: \r", "TEXT:b"), tokens("a \rb", true));
        assertEquals(List.of("DQ_OPEN:\"", "DQ_TEXT: ", "DQ_EOL:\rb\""), tokens("\" \rb\"", true));
    }

    /** haproxy -cc parses without comments: '#' and "\#" are then ordinary text. */
    @Test
    void withoutComments() {
        assertEquals(List.of("TEXT:a", "WS: ", "HASH:#", "TEXT:b", "WS: ", "BACKSLASH:\\", "HASH:#"), tokens("a #b \\#", false));
    }
}
