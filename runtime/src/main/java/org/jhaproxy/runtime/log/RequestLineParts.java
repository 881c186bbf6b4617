package org.jhaproxy.runtime.log;

/**
 * %HM, %HU, %HP, %HPO, %HQ, %HV: the parts of the request line as received, "<BADREQ>" when
 * there is none (or the part is missing), '"' and '#' and non-printable characters encoded.
 */
final class RequestLineParts {
    private static final String BAD = "<BADREQ>";

    private RequestLineParts() {
    }

    static LogLine.Part part(String name, LogOptions o) {
        return (in, out) -> {
            String line = in.log() == null ? null : in.log().requestLine;
            String v = line == null ? (name.equals("HQ") ? BAD : BAD) : extract(name, line);
            if (o.quote()) {
                out.sb.append('"');
            }
            LogText.encoded(out.sb, v, false, o);
            if (o.quote()) {
                out.sb.append('"');
            }
            out.lastSpace = false;
        };
    }

    static String extract(String name, String line) {
        String[] w = line.trim().split("[ \t]+");
        return switch (name) {
            case "HM" -> w.length < 2 ? BAD : w[0];
            case "HU" -> w.length < 2 ? BAD : w[1];
            case "HP" -> w.length < 2 ? BAD : w[1].split("\\?", 2)[0];
            case "HPO" -> w.length < 2 ? BAD : pathOnly(w[1]);
            case "HQ" -> {
                int q = line.indexOf('?');
                if (q < 0) {
                    yield "";
                }
                int end = q;
                while (end < line.length() && line.charAt(end) != ' ' && line.charAt(end) != '\t') {
                    end++;
                }
                yield line.substring(q, end);
            }
            case "HV" -> w.length < 3 ? (w.length == 2 ? "HTTP/0.9" : BAD) : w[2];
            default -> BAD;
        };
    }

    /** The path of an absolute or origin URI, without its query (http_parse_path()). */
    private static String pathOnly(String uri) {
        String p = uri;
        int scheme = p.indexOf("://");
        if (!p.startsWith("/") && scheme > 0) {
            int slash = p.indexOf('/', scheme + 3);
            p = slash < 0 ? "" : p.substring(slash);
        }
        int q = p.indexOf('?');
        return q < 0 ? p : p.substring(0, q);
    }
}
