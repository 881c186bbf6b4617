package org.jhaproxy.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/** The pieces of a log-format string (configuration.txt section 8.2.4) as the lexer cuts them. */
class LogFormatLexerTest {

    private static List<String> tokens(String text, int mode) {
        LogFormatLexer lexer = new LogFormatLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.mode(mode);
        List<String> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            out.add(LogFormatLexer.VOCABULARY.getSymbolicName(t.getType()) + ":" + t.getText());
        }
        return out;
    }

    @Test
    void textVariablesAndEscapes() {
        assertEquals(List.of("TEXT:a ", "VARIABLE:%ci", "TEXT::", "VARIABLE:%cp", "TEXT: ", "PERCENT_ESC:%%",
                "TEXT: ", "PERCENT:%", "TEXT:-"), tokens("a %ci:%cp %% %-", LogFormatLexer.DEFAULT_MODE));
        assertEquals(List.of("BAD_NAME:%1", "BAD_NAME:% ", "PERCENT:%", "TEXT:é", "PERCENT:%"),
                tokens("%1% %é%", LogFormatLexer.DEFAULT_MODE));
    }

    /** "%{flags}" runs to the first '}' anywhere after it; without one it is unterminated. */
    @Test
    void flags() {
        assertEquals(List.of("FLAGS:%{+Q,%x}", "TEXT:ci"), tokens("%{+Q,%x}ci", LogFormatLexer.DEFAULT_MODE));
        assertEquals(List.of("FLAGS_OPEN:%{", "TEXT:+Q"), tokens("%{+Q", LogFormatLexer.DEFAULT_MODE));
        assertEquals(List.of("FLAGGED_NAME:0ci", "FLAGGED_OTHER:-"), tokens("0ci-", LogFormatLexer.FLAGGED));
        assertEquals(List.of("FLAGGED_EXPR:["), tokens("[", LogFormatLexer.FLAGGED));
    }

    /** "%[" opens an expression; what follows its end is read in EXPR_END. */
    @Test
    void expressions() {
        assertEquals(List.of("EXPR_OPEN:%[", "TEXT:src]"), tokens("%[src]", LogFormatLexer.DEFAULT_MODE));
        assertEquals(List.of("EXPR_CLOSE:]", "EXPR_PRINTABLE:)", "EXPR_OTHER:\t"), tokens("])\t", LogFormatLexer.EXPR_END));
    }
}
