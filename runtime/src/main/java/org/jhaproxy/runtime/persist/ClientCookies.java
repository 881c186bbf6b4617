package org.jhaproxy.runtime.persist;

import java.util.List;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.server.ServerState;

/**
 * The client-side cookie analysis of one "Cookie" header value (manage_client_side_cookies()):
 * captures the frontend's cookie, finds the server the persistence cookie names, and takes the
 * persistence cookie out of what the server will see (insert+indirect removes it, prefix mode
 * strips the server's part). Spaces around '=' are removed on the way, as haproxy does.
 */
final class ClientCookies {
    private final Persistence txn;
    private final CookieSettings ck;
    private final CookieCapture capture;
    private final List<Server> servers;
    private final boolean persistDown;
    private final long now;

    ClientCookies(Persistence txn, List<Server> servers, boolean persistDown, long now) {
        this.txn = txn;
        this.ck = txn.settings();
        this.capture = txn.capture();
        this.servers = servers;
        this.persistDown = persistDown;
        this.now = now;
    }

    /** The header value as the server gets it, null when nothing of it is left. */
    String header(String value) {
        StringBuilder b = new StringBuilder(value);
        int end = b.length();
        int delFrom = -1;
        boolean preserve = false;
        boolean first = true;
        int next;
        for (int prev = 0; prev < end; prev = next) {
            int attBeg = prev;
            if (!first) {
                attBeg++;
            }
            first = false;
            while (attBeg < end && CookieText.spht(b.charAt(attBeg))) {
                attBeg++;
            }
            int equal = attBeg;
            int attEnd = attBeg;
            while (equal < end) {
                char c = b.charAt(equal);
                if (c == '=' || c == ',' || c == ';') {
                    break;
                }
                equal++;
                if (!CookieText.spht(c)) {
                    attEnd = equal;
                }
            }
            int valBeg;
            int valEnd;
            if (equal < end && b.charAt(equal) == '=') {
                valBeg = equal + 1;
                while (valBeg < end && CookieText.spht(b.charAt(valBeg))) {
                    valBeg++;
                }
                next = CookieText.valueEnd(b, valBeg, end);
                valEnd = next;
                while (valEnd > valBeg && CookieText.spht(b.charAt(valEnd - 1))) {
                    valEnd--;
                }
            } else {
                valBeg = valEnd = next = equal;
            }
            if (attBeg < end && b.charAt(attBeg) == '$') {
                // RFC 2109 attributes go with their cookie
                continue;
            }
            if (equal == next) {
                // no '=': not ours, kept; a cookie marked for removal before it goes now
                preserve = true;
                if (delFrom >= 0) {
                    int[] from = {delFrom};
                    int delta = CookieText.remove(b, from, prev);
                    next += delta;
                    end += delta;
                    delFrom = -1;
                }
                continue;
            }
            if (attEnd != equal || valBeg > equal + 1) {
                // spaces around '=' are removed
                int before = 0;
                if (attEnd != equal) {
                    b.delete(attEnd, equal);
                    before = attEnd - equal;
                    equal += before;
                    valBeg += before;
                }
                if (valBeg > equal + 1) {
                    int after = (equal + 1) - valBeg;
                    b.delete(equal + 1, valBeg);
                    valBeg += after;
                    before += after;
                }
                valEnd += before;
                next += before;
                end += before;
            }
            if (capture != null && txn.clientCookie == null) {
                txn.clientCookie = capture.capture(b, attBeg, valEnd);
            }
            if (ck != null && attEnd - attBeg == ck.name().length() && b.substring(attBeg, attEnd).equals(ck.name())) {
                int delim = persistence(b, valBeg, valEnd);
                if (ck.prefix() && delim != valEnd) {
                    // NAME=SRV~VALUE: the server sees NAME=VALUE
                    b.delete(valBeg, delim + 1);
                    int delta = valBeg - (delim + 1);
                    valEnd += delta;
                    next += delta;
                    end += delta;
                    delFrom = -1;
                    preserve = true;
                } else if (delFrom < 0 && ck.insert() && ck.indirect()) {
                    delFrom = prev;
                }
            } else {
                preserve = true;
                if (delFrom >= 0) {
                    int[] from = {delFrom};
                    int delta = CookieText.remove(b, from, prev);
                    next += delta;
                    end += delta;
                    delFrom = -1;
                }
            }
        }
        if (delFrom >= 0) {
            end = preserve ? delFrom : 0;
            b.setLength(end);
        }
        return end == 0 ? null : b.toString();
    }

    /**
     * The persistence cookie's value between {@code valBeg} and {@code valEnd}: its dates are
     * read and checked, and the first server carrying that cookie is assigned, if up (or with
     * "option persist"). Returns where the server's part ends.
     */
    private int persistence(StringBuilder b, int valBeg, int valEnd) {
        int delim;
        if (ck.prefix()) {
            delim = valBeg;
            while (delim < valEnd && b.charAt(delim) != '~') {
                delim++;
            }
        } else {
            delim = valEnd;
            int bar = indexOf(b, '|', valBeg, valEnd);
            if (bar >= 0) {
                delim = bar++;
                if (valEnd - bar >= 5) {
                    int v = CookieText.date(b, bar);
                    if (v > 0) {
                        txn.lastDate = (long) v << 2;
                    }
                }
                int bar2 = indexOf(b, '|', bar, valEnd);
                if (bar2 >= 0 && valEnd - bar2 > 5) {
                    int v = CookieText.date(b, bar2 + 1);
                    if (v > 0) {
                        txn.firstDate = (long) v << 2;
                    }
                }
            }
        }
        if (txn.firstDate != 0 && ck.maxlife() != 0
                && ((int) (now - txn.firstDate) > (int) ck.maxlife() || (int) (txn.firstDate - now) > 86400)) {
            txn.ck = Persistence.CK_OLD;
            delim = valBeg;
            txn.firstDate = txn.lastDate = 0;
        } else if (txn.lastDate != 0 && ck.maxidle() != 0
                && ((int) (now - txn.lastDate) > (int) ck.maxidle() || (int) (txn.lastDate - now) > 86400)) {
            txn.ck = Persistence.CK_EXPIRED;
            delim = valBeg;
            txn.firstDate = txn.lastDate = 0;
        }
        Server found = null;
        if (delim != valBeg && txn.server == null) {
            String id = b.substring(valBeg, delim);
            for (Server s : servers) {
                String cookie = s.config().option("cookie", null);
                if (cookie == null || !cookie.equals(id)) {
                    continue;
                }
                boolean up = s.state() != ServerState.STOPPED;
                if (up || persistDown) {
                    txn.ck = up ? Persistence.CK_VALID : Persistence.CK_DOWN;
                    txn.direct = true;
                    txn.server = s;
                    found = s;
                    break;
                }
                txn.ck = Persistence.CK_DOWN;
            }
        }
        // TX_CK_DOWN|EXPIRED|OLD as a mask covers every flag: a cookie seen before keeps its verdict
        if (found == null && txn.ck == Persistence.CK_NONE) {
            txn.ck = txn.server != null ? Persistence.CK_UNUSED : Persistence.CK_INVALID;
        }
        return delim;
    }

    private static int indexOf(CharSequence b, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
