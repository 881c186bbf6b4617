package org.jhaproxy.config.sample;

import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.grammar.SampleExprLexer;
import org.jhaproxy.grammar.TokenCursor;

/**
 * Reads the parenthesized argument list following a fetch or converter name, as HAProxy's
 * make_arg_list(): comma-separated words, single and double quotes, backslash escapes, each
 * word checked against its declared type; an empty list still yields the mandatory first
 * argument as empty text. The pieces come from the SampleExprLexer grammar's ARGS modes.
 */
final class ArgListParser {
    private ArgListParser() {
    }

    /** The arguments, how many were given, and where the list ended in the input. */
    record Result(List<SampleArg> args, int count, int end) {
    }

    /** A failed list: the message and the 0-based argument position HAProxy reports. */
    static final class Failure extends Exception {
        final int argPos;

        Failure(String message, int argPos) {
            super(message, null, false, false);
            this.argPos = argPos;
        }
    }

    /** The list at {@code start} in the word {@code cur} reads, if a '(' is there. */
    static Result parse(TokenCursor cur, int start, ArgSignature sig) throws Failure {
        String in = cur.text();
        int p = start;
        boolean empty = !cur.at(p).is(SampleExprLexer.LPAREN);
        if (!empty) {
            p++;
        }
        List<SampleArg> args = new ArrayList<>();
        int nbarg = sig.types().size();
        int minArg = sig.mandatory();
        int pos = 0;
        boolean parseArgs = nbarg > 0 && !(empty && minArg == 0);
        while (parseArgs && pos < nbarg) {
            StringBuilder out = new StringBuilder();
            if (!empty) {
                // each argument starts unquoted; with no '(' there is nothing to read
                p = readArgument(cur, p, out);
            }
            ArgType type = sig.types().get(pos);
            String word = out.toString();
            String failure = check(type, word);
            if (failure == EMPTY) {
                if (pos >= minArg) {
                    break; // an empty optional argument ends the list
                }
                throw new Failure(String.format("expected type '%s' at position %d, but got nothing",
                        type.displayName(), pos + 1), pos);
            }
            if (failure != null) {
                throw new Failure(String.format("failed to parse '%s' as type '%s' at position %d",
                        word, type.displayName(), pos + 1), pos);
            }
            args.add(new SampleArg(type, word));
            pos++;
            if (empty || pos >= nbarg || !cur.at(p, SampleExprLexer.ARGS).is(SampleExprLexer.ARG_COMMA)) {
                break;
            }
            p++; // the comma
        }
        if (pos < minArg) {
            throw new Failure(String.format("missing arguments (got %d/%d), type '%s' expected",
                    pos, minArg, sig.types().get(pos).displayName()), pos);
        }
        if (!empty) {
            if (cur.at(p, SampleExprLexer.ARGS).is(SampleExprLexer.ARG_CLOSE)) {
                p++;
            } else {
                String rest = in.substring(p);
                int errPos = pos > 1 ? pos - 1 : pos;
                throw new Failure(rest.isEmpty() ? "expected ')'" : "expected ')' before '" + rest + "'", errPos);
            }
        }
        return new Result(args, pos, p);
    }

    /** Decodes one argument starting at {@code p} into {@code out}; returns where it stopped (end, ',' or ')'). */
    private static int readArgument(TokenCursor cur, int p, StringBuilder out) {
        String in = cur.text();
        for (TokenCursor.Piece t = cur.at(p, SampleExprLexer.ARGS); !t.isEnd(); t = cur.next()) {
            switch (t.type()) {
                case SampleExprLexer.ARG_COMMA, SampleExprLexer.ARG_CLOSE -> {
                    return p;
                }
                case SampleExprLexer.ARG_DQ_OPEN, SampleExprLexer.ARG_DQ_CLOSE, SampleExprLexer.ARG_SQ_OPEN,
                        SampleExprLexer.ARG_SQ_CLOSE -> {
                    // quotes only group
                }
                case SampleExprLexer.ARG_ESC, SampleExprLexer.ARG_DQ_ESC -> out.append(unescape(in.charAt(t.start() + 1)));
                // text, and a backslash that escapes nothing
                default -> out.append(in, t.start(), t.end());
            }
            p = t.end();
        }
        return p;
    }

    /** The character an escape sequence (backslash + one of \\, space, quotes, r, n, t) stands for. */
    private static char unescape(char c) {
        return switch (c) {
            case 'r' -> '\r';
            case 'n' -> '\n';
            case 't' -> '\t';
            default -> c;
        };
    }

    private static final String EMPTY = "";

    /** null when the word is a valid value of the type, EMPTY when empty and that matters, else a reason. */
    private static String check(ArgType type, String w) {
        switch (type) {
            case STR, FE, BE, TAB, SRV, USR, REG, MAP, VAR:
                return null;
            default:
                break;
        }
        if (w.isEmpty()) {
            return EMPTY;
        }
        boolean ok = switch (type) {
            case SINT -> isInt64(w);
            case IPV4 -> Ipv4.parse(w) != null;
            case MSK4 -> Ipv4.parse(w) != null || isMaskBits(w, 32);
            case IPV6 -> isIpv6(w);
            case MSK6 -> isMaskBits(w, 128);
            case TIME -> Units.parseTime(w) != null;
            case SIZE -> Units.parseSize(w) != null;
            case PBUF_FNUM -> w.matches("[0-9]+(\\.[0-9]+)*");
            default -> true;
        };
        return ok ? null : "bad";
    }

    /** read_int64(): an optional sign then digits up to the end. */
    private static boolean isInt64(String w) {
        int i = 0;
        if (w.charAt(0) == '-' || w.charAt(0) == '+') {
            i++;
        }
        for (; i < w.length(); i++) {
            if (!Character.isDigit(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMaskBits(String w, int max) {
        if (!w.matches("[0-9]{1,3}")) {
            return false;
        }
        return Integer.parseInt(w) <= max;
    }

    private static boolean isIpv6(String w) {
        if (!w.matches("[0-9a-fA-F:.]+") || !w.contains(":")) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(w) != null;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
