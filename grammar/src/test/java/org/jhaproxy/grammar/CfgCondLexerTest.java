package org.jhaproxy.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/** The pieces of a ".if" expression (configuration.txt section 2.4) as the lexer cuts them. */
class CfgCondLexerTest {

    private static List<String> tokens(String text, int mode) {
        CfgCondLexer lexer = new CfgCondLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.mode(mode);
        List<String> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            out.add(CfgCondLexer.VOCABULARY.getSymbolicName(t.getType()) + ":" + t.getText());
        }
        return out;
    }

    @Test
    void operatorsAndTerms() {
        assertEquals(List.of("NOT:!", "BLANKS: ", "LPAREN:(", "NUMBER:1", "BLANKS:\t", "OR:||", "NUMBER:0",
                "RPAREN:)", "AND:&&", "OTHER:|"), tokens("! (1\t||0)&&|", CfgCondLexer.DEFAULT_MODE));
    }

    /** Numbers follow strtol() base 0: "0x" needs a hex digit, a leading 0 means octal. */
    @Test
    void numbersLikeStrtol() {
        assertEquals(List.of("NUMBER:0x1f", "OTHER:g"), tokens("0x1fg", CfgCondLexer.DEFAULT_MODE));
        assertEquals(List.of("NUMBER:0", "OTHER:x", "OTHER:g"), tokens("0xg", CfgCondLexer.DEFAULT_MODE));
        assertEquals(List.of("NUMBER:07", "NUMBER:8"), tokens("078", CfgCondLexer.DEFAULT_MODE));
        assertEquals(List.of("NUMBER:-12", "OTHER:+", "OTHER:a"), tokens("-12+a", CfgCondLexer.DEFAULT_MODE));
        assertEquals(List.of("NUMBER:\n 1"), tokens("\n 1", CfgCondLexer.DEFAULT_MODE));
    }

    /** A predicate's name runs up to a space or '(', whatever it contains. */
    @Test
    void predicateName() {
        assertEquals(List.of("NAME:feature", "NAME_END:(", "NAME:x)"), tokens("feature(x)", CfgCondLexer.PREDICATE));
        assertEquals(List.of("NAME:a|b!", "NAME_END: "), tokens("a|b! ", CfgCondLexer.PREDICATE));
    }

    /** Arguments: quotes group and protect commas, backslash escapes except in single quotes. */
    @Test
    void arguments() {
        assertEquals(List.of("ARG_TEXT:a", "ARG_ESC:\\ ", "ARG_TEXT:b", "ARG_COMMA:,", "ARG_DQ_OPEN:\"",
                "ARG_DQ_TEXT:c,)'", "ARG_DQ_ESC:\\\"", "ARG_DQ_CLOSE:\"", "ARG_SQ_OPEN:'", "ARG_SQ_TEXT:\\x\"",
                "ARG_SQ_CLOSE:'", "ARG_BACKSLASH:\\", "ARG_TEXT:q", "ARG_CLOSE:)"),
                tokens("a\\ b,\"c,)'\\\"\"'\\x\"'\\q)", CfgCondLexer.ARGS));
        assertEquals(List.of("ARG_TEXT:a", "ARG_BACKSLASH:\\"), tokens("a\\", CfgCondLexer.ARGS));
    }
}
