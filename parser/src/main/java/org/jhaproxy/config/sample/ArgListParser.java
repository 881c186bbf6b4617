package org.jhaproxy.config.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the parenthesized argument list following a fetch or converter name, as HAProxy's
 * make_arg_list(): comma-separated words, single and double quotes, backslash escapes, each
 * word checked against its declared type; an empty list still yields the mandatory first
 * argument as empty text.
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

    static Result parse(String in, int start, ArgSignature sig) throws Failure {
        int p = start;
        int n = in.length();
        boolean empty = p >= n || in.charAt(p) != '(';
        if (!empty) {
            p++;
        }
        List<SampleArg> args = new ArrayList<>();
        int nbarg = sig.types().size();
        int minArg = sig.mandatory();
        int pos = 0;
        boolean parseArgs = nbarg > 0 && !(empty && minArg == 0);
        int limit = empty ? p : n; // with no '(' the input is empty for us
        while (parseArgs && pos < nbarg) {
            StringBuilder out = new StringBuilder();
            boolean sq = false;
            boolean dq = false;
            while (p < limit) {
                char c = in.charAt(p);
                if (c == '"' && !sq) {
                    dq = !dq;
                    p++;
                } else if (c == '\'' && !dq) {
                    sq = !sq;
                    p++;
                } else if (c == '\\' && !sq && p + 1 < limit) {
                    char e = in.charAt(p + 1);
                    if (e == '\\' || e == ' ' || e == '"' || e == '\'') {
                        out.append(e);
                        p++;
                    } else if (e == 'r') {
                        out.append('\r');
                        p++;
                    } else if (e == 'n') {
                        out.append('\n');
                        p++;
                    } else if (e == 't') {
                        out.append('\t');
                        p++;
                    } else {
                        out.append(c);
                    }
                    p++;
                } else {
                    if (!sq && !dq && (c == ',' || c == ')')) {
                        break;
                    }
                    out.append(c);
                    p++;
                }
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
            if (p >= limit || in.charAt(p) == ')' || pos >= nbarg) {
                break;
            }
            p++; // the comma
        }
        if (pos < minArg) {
            throw new Failure(String.format("missing arguments (got %d/%d), type '%s' expected",
                    pos, minArg, sig.types().get(pos).displayName()), pos);
        }
        if (!empty) {
            if (p < n && in.charAt(p) == ')') {
                p++;
            } else {
                String rest = in.substring(Math.min(p, n));
                int errPos = pos > 1 ? pos - 1 : pos;
                throw new Failure(rest.isEmpty() ? "expected ')'" : "expected ')' before '" + rest + "'", errPos);
            }
        }
        return new Result(args, pos, p);
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
