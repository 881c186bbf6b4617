package org.jhaproxy.runtime.log;

/**
 * A syslog message received by a log-forward section, split as parse_log_message() does: the
 * "&lt;prio&gt;" (facility and level, -1 without one), then an rfc5424 header
 * ("1 TIME HOST TAG PID MSGID SD ") or an rfc3164 one ("Mmm dd hh:mm:ss HOST [TAG[PID]: ]"),
 * and the message after it. A header that does not parse is forgotten but the priority kept; a
 * message without priority is forwarded whole. Text is ISO-8859-1 so that every byte survives.
 */
public record SyslogMessage(int facility, int level, LogMeta meta, String message) {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    private static final LogMeta NONE = new LogMeta("", "", "", "", "", "", "");

    public static SyslogMessage parse(String buf) {
        if (buf.length() < 2 || buf.charAt(0) != '<') {
            return new SyslogMessage(-1, -1, NONE, buf);
        }
        int p = 1;
        int prio = 0;
        while (p < buf.length() && buf.charAt(p) != '>') {
            char c = buf.charAt(p);
            if (c < '0' || c > '9') {
                return new SyslogMessage(-1, -1, NONE, buf);
            }
            prio = 10 * prio + (c - '0');
            p++;
        }
        if (p >= buf.length()) {
            return new SyslogMessage(-1, -1, NONE, buf);
        }
        p++;
        String prioText = buf.substring(0, p);
        String rest = buf.substring(p);
        SyslogMessage bare = new SyslogMessage(prio >> 3, prio & 7, new LogMeta(prioText, "", "", "", "", "", ""), rest);
        if (rest.length() > 2 && rest.charAt(0) == '1' && rest.charAt(1) == ' ') {
            SyslogMessage m = rfc5424(prio, prioText, rest);
            return m != null ? m : bare;
        }
        if (rest.length() > LogHeader.LEGACY_LEN) {
            SyslogMessage m = rfc3164(prio, prioText, rest);
            return m != null ? m : bare;
        }
        return bare;
    }

    /** "1 TIME HOST TAG PID MSGID SD MSG", each field possibly "-" (nil); null when malformed. */
    private static SyslogMessage rfc5424(int prio, String prioText, String s) {
        int p = 2;
        String time;
        if (s.startsWith("- ", p)) {
            time = "-";
            p++;
        } else if (s.length() > LogHeader.ISO_MIN) {
            int start = p;
            p += 19;
            if (p < s.length() && s.charAt(p) == '.') {
                p++;
                while (p < s.length() && s.charAt(p) != 'Z' && s.charAt(p) != '+' && s.charAt(p) != '-') {
                    if (s.charAt(p) < '0' || s.charAt(p) > '9') {
                        return null;
                    }
                    p++;
                }
                if (p >= s.length()) {
                    return null;
                }
            }
            p += p < s.length() && s.charAt(p) == 'Z' ? 1 : 6;
            if (p >= s.length() || s.charAt(p) != ' ') {
                return null;
            }
            time = s.substring(start, p);
        } else {
            return null;
        }
        String[] fields = new String[4];
        for (int i = 0; i < 4; i++) {
            p++;
            if (p >= s.length() || s.charAt(p) == ' ') {
                return null;
            }
            int end = s.indexOf(' ', p);
            if (end < 0) {
                return null;
            }
            String f = s.substring(p, end);
            fields[i] = f.equals("-") ? "" : f;
            p = end;
        }
        p++;
        if (p >= s.length() || s.charAt(p) == ' ') {
            return null;
        }
        int sdStart = p;
        if (s.charAt(p) == '[') {
            boolean inElement = false;
            while (true) {
                char c = s.charAt(p);
                if (inElement) {
                    // a "]" escaped in a parameter value does not close the element
                    if (c == ']' && s.charAt(p - 1) != '\\') {
                        inElement = false;
                    }
                } else if (c == '[') {
                    inElement = true;
                } else if (c == ' ') {
                    break;
                } else {
                    return null;
                }
                p++;
                if (p >= s.length()) {
                    return null;
                }
            }
        } else if (s.charAt(p) == '-') {
            p++;
            if (p >= s.length() || s.charAt(p) != ' ') {
                return null;
            }
        } else {
            return null;
        }
        String sd = s.substring(sdStart, p);
        LogMeta meta = new LogMeta(prioText, time, fields[0], fields[1], fields[2], fields[3], sd.equals("-") ? "" : sd);
        return new SyslogMessage(prio >> 3, prio & 7, meta, s.substring(p + 1));
    }

    /** "Mmm dd hh:mm:ss HOST " then an optional "TAG: " or "TAG[PID]: "; null when malformed. */
    private static SyslogMessage rfc3164(int prio, String prioText, String s) {
        boolean month = false;
        for (String m : MONTHS) {
            month |= s.startsWith(m);
        }
        int p = LogHeader.LEGACY_LEN;
        if (!month || p >= s.length() || s.charAt(p) != ' ') {
            return null;
        }
        p++;
        if (p >= s.length() || s.charAt(p) == ' ') {
            return null;
        }
        int end = s.indexOf(' ', p);
        if (end < 0) {
            return null;
        }
        String time = s.substring(0, LogHeader.LEGACY_LEN);
        String host = s.substring(p, end);
        String rest = s.substring(end + 1);
        SyslogMessage noTag = new SyslogMessage(prio >> 3, prio & 7, new LogMeta(prioText, time, host, "", "", "", ""), rest);
        int q = 0;
        while (q < rest.length() && rest.charAt(q) != ' ' && rest.charAt(q) != ':') {
            q++;
        }
        if (q + 1 >= rest.length() || rest.charAt(q) != ':' || rest.charAt(q + 1) != ' ') {
            return noTag;
        }
        String tag = rest.substring(0, q);
        String pid = "";
        int open = tag.lastIndexOf('[');
        if (open >= 0) {
            int close = tag.indexOf(']', open);
            if (close >= 0 && close != tag.length() - 1) {
                // "]" must be right before the ":"
                return noTag;
            }
            pid = close < 0 ? "" : tag.substring(open + 1, close);
            tag = tag.substring(0, open);
        }
        return new SyslogMessage(prio >> 3, prio & 7, new LogMeta(prioText, time, host, tag, pid, "", ""),
                rest.substring(q + 2));
    }
}
