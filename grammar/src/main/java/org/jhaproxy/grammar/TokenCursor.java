package org.jhaproxy.grammar;

import java.nio.CharBuffer;
import java.util.function.Function;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;

/**
 * Reads one text with a generated lexer from any position and in any mode. HAProxy's scanners
 * (cfgcond.c, make_arg_list(), sample_parse_expr(), parse_logformat_string()) are recursive
 * descents that decide where the next piece starts and how to read it; the parsers that port them
 * ask for a piece here instead of looking at characters. Positions are UTF-16 indexes into the
 * text (one lexer symbol per Java char), so they are the ones String.substring() takes.
 */
public final class TokenCursor {

    /** One piece: its token type (Token.EOF at the end of the text) and its [start, end) range. */
    public record Piece(int type, int start, int end) {
        public boolean is(int t) {
            return type == t;
        }

        public boolean isEnd() {
            return type == Token.EOF;
        }
    }

    private final String text;
    private final Lexer lexer;

    public TokenCursor(String text, Function<CharStream, ? extends Lexer> lexerFactory) {
        this.text = text;
        this.lexer = lexerFactory.apply(
                CodePointCharStream.fromBuffer(CodePointBuffer.withChars(CharBuffer.wrap(text.toCharArray()))));
        lexer.removeErrorListeners();
    }

    public String text() {
        return text;
    }

    /** The piece starting at {@code pos} read in {@code mode}; the following ones come from {@link #next()}. */
    public Piece at(int pos, int mode) {
        lexer.reset();
        lexer.getInputStream().seek(Math.min(pos, text.length()));
        lexer.mode(mode);
        return next();
    }

    /** The piece starting at {@code pos} in the lexer's default mode. */
    public Piece at(int pos) {
        return at(pos, Lexer.DEFAULT_MODE);
    }

    /** The piece after the last one read, in the mode the lexer is left in. */
    public Piece next() {
        Token t = lexer.nextToken();
        if (t.getType() == Token.EOF) {
            return new Piece(Token.EOF, text.length(), text.length());
        }
        return new Piece(t.getType(), t.getStartIndex(), t.getStopIndex() + 1);
    }

    /** The text of a piece. */
    public String text(Piece p) {
        return text.substring(p.start(), p.end());
    }
}
