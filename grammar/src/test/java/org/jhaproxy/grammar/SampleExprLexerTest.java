package org.jhaproxy.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/** The pieces of a sample expression (configuration.txt section 7.3) as the lexer cuts them. */
class SampleExprLexerTest {

    private static List<String> tokens(String text, int mode) {
        SampleExprLexer lexer = new SampleExprLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.mode(mode);
        List<String> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            out.add(SampleExprLexer.VOCABULARY.getSymbolicName(t.getType()) + ":" + t.getText());
        }
        return out;
    }

    /** Keywords take ".-_+:" too; commas come in runs; anything else is OTHER. */
    @Test
    void keywordsAndCommas() {
        assertEquals(List.of("KEYWORD:req.hdr", "LPAREN:(", "KEYWORD:host", "OTHER:)", "COMMAS:,,",
                "KEYWORD:lower", "OTHER:]"), tokens("req.hdr(host),,lower]", SampleExprLexer.DEFAULT_MODE));
        assertEquals(List.of("KEYWORD:ipmask:24+-_", "OTHER: ", "OTHER:é"), tokens("ipmask:24+-_ é", SampleExprLexer.DEFAULT_MODE));
    }

    /** Arguments: quotes group commas and parentheses, backslashes escape outside single quotes only. */
    @Test
    void arguments() {
        assertEquals(List.of("ARG_TEXT:a", "ARG_ESC:\\\"", "ARG_TEXT:b", "ARG_COMMA:,", "ARG_SQ_OPEN:'",
                "ARG_SQ_TEXT:c,)\\\"", "ARG_SQ_CLOSE:'", "ARG_COMMA:,", "ARG_DQ_OPEN:\"", "ARG_DQ_TEXT:(')",
                "ARG_DQ_ESC:\\t", "ARG_DQ_BACKSLASH:\\", "ARG_DQ_TEXT:x", "ARG_DQ_CLOSE:\"", "ARG_CLOSE:)"),
                tokens("a\\\"b,'c,)\\\"',\"(')\\t\\x\")", SampleExprLexer.ARGS));
    }

    /** A backslash before a character it does not escape, or at the end, is a piece of its own. */
    @Test
    void lonelyBackslash() {
        assertEquals(List.of("ARG_BACKSLASH:\\", "ARG_COMMA:,", "ARG_TEXT:b", "ARG_BACKSLASH:\\"),
                tokens("\\,b\\", SampleExprLexer.ARGS));
        assertEquals(List.of("ARG_ESC:\\ ", "ARG_ESC:\\'", "ARG_CLOSE:)"), tokens("\\ \\')", SampleExprLexer.ARGS));
    }
}
