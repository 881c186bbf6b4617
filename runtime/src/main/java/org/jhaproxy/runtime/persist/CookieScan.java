package org.jhaproxy.runtime.persist;

/**
 * One header value (Cookie, Set-Cookie, Set-Cookie2) as the cookie analysers walk it, one
 * cookie at a time (manage_client_side_cookies(), manage_server_side_cookies()): where the
 * current cookie's name, its '=' and its value are, where the next cookie starts and where the
 * value ends. An analyser edits {@link #text} and moves the positions after its edit.
 */
final class CookieScan {
    final StringBuilder text;
    /** The end of the header value. */
    int end;
    int attBeg;
    int attEnd;
    int equal;
    int valBeg;
    int valEnd;
    /** The delimiter after the current cookie, or {@link #end}. */
    int next;
    private boolean first = true;

    CookieScan(String value) {
        text = new StringBuilder(value);
        end = text.length();
    }

    /**
     * Reads the cookie after {@code prev} (the previous delimiter; 0 for the first cookie): its
     * name, blanks aside, up to '=' or ';' (or ',' where {@code commaEndsName}), then after '='
     * and blanks its value up to the first unquoted ';' or ','. Without '=', {@link #equal},
     * {@link #valBeg}, {@link #valEnd} and {@link #next} are where the name stopped.
     */
    void read(int prev, boolean commaEndsName) {
        attBeg = first ? prev : prev + 1;
        first = false;
        while (attBeg < end && CookieText.spht(text.charAt(attBeg))) {
            attBeg++;
        }
        equal = attBeg;
        attEnd = attBeg;
        while (equal < end) {
            char c = text.charAt(equal);
            if (c == '=' || c == ';' || (commaEndsName && c == ',')) {
                break;
            }
            equal++;
            if (!CookieText.spht(c)) {
                attEnd = equal;
            }
        }
        if (equal < end && text.charAt(equal) == '=') {
            valBeg = equal + 1;
            while (valBeg < end && CookieText.spht(text.charAt(valBeg))) {
                valBeg++;
            }
            next = CookieText.valueEnd(text, valBeg, end);
            valEnd = next;
            while (valEnd > valBeg && CookieText.spht(text.charAt(valEnd - 1))) {
                valEnd--;
            }
        } else {
            valBeg = valEnd = next = equal;
        }
    }

    /** Whether the current cookie is named {@code name}. */
    boolean named(String name) {
        return attEnd - attBeg == name.length() && text.substring(attBeg, attEnd).equals(name);
    }

    /** Removes the blanks around '=' ("a = b" becomes "a=b"), as haproxy does. */
    void squeeze() {
        if (attEnd == equal && valBeg <= equal + 1) {
            return;
        }
        int before = 0;
        if (attEnd != equal) {
            text.delete(attEnd, equal);
            before = attEnd - equal;
            equal += before;
            valBeg += before;
        }
        if (valBeg > equal + 1) {
            int after = (equal + 1) - valBeg;
            text.delete(equal + 1, valBeg);
            valBeg += after;
            before += after;
        }
        valEnd += before;
        edited(before);
    }

    /** The text before {@link #next} grew by {@code delta} characters (shrank when negative). */
    void edited(int delta) {
        next += delta;
        end += delta;
    }

    /** Removes the cookies from the delimiter {@code from} to the delimiter {@code to} ({@link CookieText#remove}). */
    void cut(int from, int to) {
        edited(CookieText.remove(text, new int[] {from}, to));
    }
}
