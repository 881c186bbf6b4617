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
        CookieScan c = new CookieScan(value);
        int delFrom = -1;
        boolean preserve = false;
        for (int prev = 0; prev < c.end; prev = c.next) {
            c.read(prev, true);
            if (c.attBeg < c.end && c.text.charAt(c.attBeg) == '$') {
                // RFC 2109 attributes go with their cookie
                continue;
            }
            if (c.equal == c.next) {
                // no '=': not ours, kept; a cookie marked for removal before it goes now
                preserve = true;
                if (delFrom >= 0) {
                    c.cut(delFrom, prev);
                    delFrom = -1;
                }
                continue;
            }
            c.squeeze();
            if (capture != null && txn.clientCookie == null) {
                txn.clientCookie = capture.capture(c.text, c.attBeg, c.valEnd);
            }
            if (ck != null && c.named(ck.name())) {
                int delim = persistence(c.text, c.valBeg, c.valEnd);
                if (ck.prefix() && delim != c.valEnd) {
                    // NAME=SRV~VALUE: the server sees NAME=VALUE
                    c.text.delete(c.valBeg, delim + 1);
                    int delta = c.valBeg - (delim + 1);
                    c.valEnd += delta;
                    c.edited(delta);
                    delFrom = -1;
                    preserve = true;
                } else if (delFrom < 0 && ck.insert() && ck.indirect()) {
                    delFrom = prev;
                }
            } else {
                preserve = true;
                if (delFrom >= 0) {
                    c.cut(delFrom, prev);
                    delFrom = -1;
                }
            }
        }
        if (delFrom >= 0) {
            c.end = preserve ? delFrom : 0;
            c.text.setLength(c.end);
        }
        return c.end == 0 ? null : c.text.toString();
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
