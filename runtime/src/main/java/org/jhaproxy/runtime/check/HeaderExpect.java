package org.jhaproxy.runtime.check;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * "http-check expect hdr|fhdr name [-m meth] NAME [value [-m meth] VALUE]" (configuration.txt
 * "http-check expect"): some response header's name matches, and one of its values too when a
 * value pattern is given. Names compare without case; "hdr" splits values on commas, "fhdr"
 * (or no value pattern) takes the whole header value.
 */
record HeaderExpect(Method nameMethod, String name, Pattern nameRegex, Method valueMethod, String value,
                    Pattern valueRegex, boolean full) {

    /** The "-m" matching methods. */
    enum Method { STR, BEG, END, SUB, REG }

    /** The header rule and the index of the first word after it. */
    record Parsed(HeaderExpect expect, int next) {
    }

    /**
     * Parses the words after "hdr" or "fhdr" ({@code full}: the whole value is matched, commas
     * are no delimiters); {@code words[i]} is "name". Other expect options may follow.
     */
    static Parsed parse(List<String> words, int i, boolean full) {
        i++;
        Method nm = Method.STR;
        if (i < words.size() && "-m".equals(words.get(i))) {
            nm = Method.valueOf(words.get(i + 1).toUpperCase(Locale.ROOT));
            i += 2;
        }
        String name = words.get(i++);
        Method vm = null;
        String value = null;
        if (i < words.size() && words.get(i).equals("value")) {
            i++;
            vm = Method.STR;
            if (i < words.size() && "-m".equals(words.get(i))) {
                vm = Method.valueOf(words.get(i + 1).toUpperCase(Locale.ROOT));
                i += 2;
            }
            value = words.get(i++);
        }
        return new Parsed(new HeaderExpect(nm, name, nm == Method.REG ? Pattern.compile(name) : null, vm, value,
                vm == Method.REG ? Pattern.compile(value) : null, full || value == null), i);
    }

    boolean matches(List<String[]> headers) {
        for (String[] h : headers) {
            if (!nameMatches(h[0])) {
                continue;
            }
            if (value == null) {
                return true;
            }
            if (full) {
                if (valueMatches(h[1])) {
                    return true;
                }
                continue;
            }
            for (String v : h[1].split(",", -1)) {
                if (valueMatches(v.strip())) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean nameMatches(String n) {
        String a = n.toLowerCase(Locale.ROOT);
        String b = name.toLowerCase(Locale.ROOT);
        return switch (nameMethod) {
            case STR -> a.equals(b);
            case BEG -> a.startsWith(b);
            case END -> a.endsWith(b);
            case SUB -> a.contains(b);
            // the response's header names are lower-cased when parsed (HTX): a regex sees them so
            case REG -> nameRegex.matcher(a).find();
        };
    }

    private boolean valueMatches(String v) {
        return switch (valueMethod) {
            case STR -> v.equals(value);
            case BEG -> v.startsWith(value);
            case END -> v.endsWith(value);
            case SUB -> v.contains(value);
            case REG -> valueRegex.matcher(v).find();
        };
    }
}
