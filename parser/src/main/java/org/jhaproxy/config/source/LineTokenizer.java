package org.jhaproxy.config.source;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.jhaproxy.grammar.CfgLineLexer;

/**
 * Splits one configuration line into words (configuration.txt section 2.2) from the tokens of
 * the CfgLineLexer grammar, reproducing HAProxy 2.6's parse_line() with the options the config
 * reader uses: env, double and single quotes, backslash, '#' comments and "[*]" word expansion.
 */
public final class LineTokenizer {
    /** MAX_LINE_ARGS: a line holds at most this many words. */
    public static final int MAX_LINE_ARGS = 64;

    private LineTokenizer() {
    }

    /**
     * @param line the line with its leading spaces removed and cut at its end
     * @param vars where variables take their value
     */
    public static TokenizedLine tokenize(String line, Variables vars) {
        return new Run(line, vars, true).run();
    }

    /**
     * The same without PARSE_OPT_SHARP ('#' is then an ordinary character), as haproxy -cc
     * parses its condition.
     */
    public static TokenizedLine tokenizeWithoutComments(String line, Variables vars) {
        return new Run(line, vars, false).run();
    }

    static final class Run {
        private final String line;
        private final Variables vars;
        private final List<String> words = new ArrayList<>();
        private final StringBuilder word = new StringBuilder();
        /** parse_line()'s output buffer: every word followed by a NUL */
        private final StringBuilder out = new StringBuilder();
        private int secondWord = -1;
        /** where parse_line() wrote a NUL into the line itself (see TokenizedLine#cuts) */
        private final List<Integer> cuts = new ArrayList<>();
        /** offset in the joined output (words separated by NULs) where the current word starts */
        private int outPos;
        private int wordStart;
        private int lastKeptWordStart;
        private boolean tooMany;

        private final boolean sharp;

        Run(String line, Variables vars, boolean sharp) {
            this.line = line;
            this.vars = vars;
            this.sharp = sharp;
        }

        TokenizedLine run() {
            CfgLineLexer lexer = new CfgLineLexer(CharStreams.fromString(line));
            lexer.removeErrorListeners();
            lexer.sharp = sharp;
            int quoteAt = -1;
            for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
                String text = t.getText();
                int at = t.getStartIndex();
                switch (t.getType()) {
                    case CfgLineLexer.WS -> endWord();
                    case CfgLineLexer.COMMENT, CfgLineLexer.EOL, CfgLineLexer.DQ_EOL -> {
                        return finish(quoteAt);
                    }
                    case CfgLineLexer.SQ_STRING -> emit(text.substring(1, text.length() - 1));
                    case CfgLineLexer.SQ_OPEN -> {
                        emit(text.substring(1));
                        quoteAt = at;
                    }
                    case CfgLineLexer.DQ_OPEN -> quoteAt = at;
                    case CfgLineLexer.DQ_CLOSE -> quoteAt = -1;
                    case CfgLineLexer.ESC_HEX, CfgLineLexer.DQ_ESC_HEX ->
                        emit(String.valueOf((char) Integer.parseInt(text.substring(2), 16)));
                    case CfgLineLexer.ESC_BAD_HEX, CfgLineLexer.DQ_ESC_BAD_HEX -> {
                        return fail(LineError.HEX, at);
                    }
                    case CfgLineLexer.ESC, CfgLineLexer.DQ_ESC -> emit(unescape(text.charAt(1)));
                    case CfgLineLexer.VAR -> {
                        TokenizedLine err = expand(text, at);
                        if (err != null) {
                            return err;
                        }
                    }
                    case CfgLineLexer.BAD_VAR -> {
                        return badVariable(at);
                    }
                    default -> emit(text); // TEXT, DQ_TEXT, BACKSLASH, DQ_BACKSLASH
                }
            }
            return finish(quoteAt);
        }

        private static String unescape(char c) {
            return switch (c) {
                case 't' -> "\t";
                case 'n' -> "\n";
                case 'r' -> "\r";
                default -> String.valueOf(c);
            };
        }

        private void emit(String s) {
            word.append(s);
            out.append(s);
        }

        /** A separator: HAProxy ends the word and counts a new one, even at the end of the line. */
        private void endWord() {
            words.add(word.toString());
            out.append('\0');
            if (secondWord < 0) {
                secondWord = out.length();
            }
            outPos += word.length() + 1;
            word.setLength(0);
            if (words.size() < MAX_LINE_ARGS) {
                wordStart = outPos;
            } else {
                tooMany = true;
            }
            if (words.size() == MAX_LINE_ARGS - 1) {
                lastKeptWordStart = outPos;
            }
        }

        private TokenizedLine finish(int quoteAt) {
            words.add(word.toString());
            out.append('\0');
            if (quoteAt >= 0) {
                return new TokenizedLine(List.copyOf(words), LineError.QUOTE, quoteAt, List.copyOf(cuts), out.toString(), secondWord);
            }
            if (tooMany) {
                return new TokenizedLine(cCut(words.subList(0, MAX_LINE_ARGS)), LineError.TOO_MANY,
                        lastKeptWordStart, List.copyOf(cuts), out.toString(), secondWord);
            }
            // trailing separators leave an empty last word: HAProxy's args end there anyway
            while (words.size() > 1 && words.get(words.size() - 1).isEmpty()) {
                words.remove(words.size() - 1);
            }
            return new TokenizedLine(cCut(words), null, -1, List.copyOf(cuts), out.toString(), secondWord);
        }

        /** A word holding a NUL (from "\x00") ends there, as a C string does. */
        private static List<String> cCut(List<String> in) {
            List<String> out = new ArrayList<>(in.size());
            for (String w : in) {
                int nul = w.indexOf('\0');
                out.add(nul >= 0 ? w.substring(0, nul) : w);
            }
            return List.copyOf(out);
        }

        private TokenizedLine fail(LineError error, int at) {
            return fail(error, at, -1);
        }

        /**
         * @param shownEnd where the line HAProxy echoes stops (-1: no such place): it cuts a
         * variable name in place while looking it up, and an unknown pseudo-variable is reported
         * before the line is mended
         */
        private TokenizedLine fail(LineError error, int at, int shownEnd) {
            words.add(word.toString());
            if (shownEnd >= 0) {
                cuts.add(shownEnd);
            }
            return new TokenizedLine(List.copyOf(words), error, at, List.copyOf(cuts), out.toString(), secondWord);
        }

        /** A well-formed VAR token: $NAME, ${NAME}, ${NAME[*]}, ${NAME-default}. */
        private TokenizedLine expand(String text, int at) {
            boolean brace = text.startsWith("${");
            String body = brace ? text.substring(2, text.length() - 1) : text.substring(1);
            int nameEnd = 0;
            if (body.charAt(0) == '.') {
                nameEnd++;
            }
            while (nameEnd < body.length()
                    && (Character.isLetterOrDigit(body.charAt(nameEnd)) && body.charAt(nameEnd) < 128
                        || body.charAt(nameEnd) == '_')) {
                nameEnd++;
            }
            String name = body.substring(0, nameEnd);
            String rest = body.substring(nameEnd);
            boolean expandWords = false;
            if (rest.startsWith("[*]")) {
                expandWords = true;
                rest = rest.substring(3);
            }
            String value;
            if (name.startsWith(".")) {
                value = switch (name) {
                    case ".LINE" -> Integer.toString(vars.currentLine());
                    case ".FILE" -> vars.currentFile();
                    case ".SECTION" -> vars.currentSection();
                    default -> null;
                };
                if (!name.equals(".LINE") && !name.equals(".FILE") && !name.equals(".SECTION")) {
                    int nameAt = at + (brace ? 2 : 1);
                    return fail(LineError.VARNAME, nameAt, nameAt + name.length());
                }
            } else {
                value = vars.env(name);
            }
            if (rest.startsWith("-")) {
                // HAProxy terminates the default value in place, on the closing brace, for good
                cuts.add(at + text.length() - 1);
                if (value == null) {
                    value = rest.substring(1);
                }
            }
            if (value == null) {
                return null;
            }
            if (!expandWords) {
                emit(value);
                return null;
            }
            int i = 0;
            while (i < value.length()) {
                char c = value.charAt(i);
                if (isSpace(c)) {
                    // a blank in the value separates words: the current one ends, even empty
                    endWord();
                    while (i + 1 < value.length() && isSpace(value.charAt(i + 1))) {
                        i++;
                    }
                } else {
                    emit(String.valueOf(c));
                }
                i++;
            }
            return null;
        }

        /** A '$' the lexer could not take as a variable: find which rule of parse_line() it breaks. */
        private TokenizedLine badVariable(int dollar) {
            int i = dollar + 1;
            int brace = -1;
            if (i < line.length() && line.charAt(i) == '{') {
                brace = i++;
            }
            if (i >= line.length() || !(isAlpha(line.charAt(i)) || line.charAt(i) == '_' || line.charAt(i) == '.')) {
                return fail(LineError.VARNAME, i);
            }
            int nameStart = i;
            if (line.charAt(i) == '.') {
                i++;
            }
            while (i < line.length() && (isAlnum(line.charAt(i)) || line.charAt(i) == '_')) {
                i++;
            }
            String name = line.substring(nameStart, i);
            if (name.startsWith(".") && !name.equals(".LINE") && !name.equals(".FILE") && !name.equals(".SECTION")) {
                return fail(LineError.VARNAME, nameStart, i);
            }
            if (i < line.length() && line.charAt(i) == '[' && brace >= 0) {
                if (!line.startsWith("[*]", i)) {
                    return fail(LineError.WRONG_EXPAND, i);
                }
                i += 3;
            }
            return fail(LineError.BRACE, brace >= 0 ? brace : dollar);
        }

        private static boolean isAlpha(char c) {
            return c < 128 && Character.isLetter(c);
        }

        private static boolean isAlnum(char c) {
            return c < 128 && Character.isLetterOrDigit(c);
        }

        static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
        }
    }
}
