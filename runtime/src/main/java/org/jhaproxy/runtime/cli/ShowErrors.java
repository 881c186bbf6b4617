package org.jhaproxy.runtime.cli;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.jhaproxy.runtime.proxy.ErrorSnapshot;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.Addresses;

/**
 * "show errors [&lt;iid&gt;|&lt;proxy&gt;] [request|response]" (management guide, 9.3): the last invalid
 * request of each frontend and the last invalid response of each backend, as proxy.c dumps them
 * (cli_io_handler_show_errors()): a header with the date and the process-wide event count, then
 * per snapshot its date, proxies, server, event number and client, the buffer's geometry and the
 * error position, the H1 mux's flags, and the buffer's bytes line by line (dump_text_line()).
 * Proxies come in their declaration order, each one's request before its response; a proxy id
 * also selects the snapshots whose other end it is.
 */
final class ShowErrors {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    /** dump_text_line() ends a line when its output reaches this width. */
    private static final int LINE_WIDTH = 80;

    private ShowErrors() {
    }

    static List<CliCommand> all() {
        return List.of(CliCommand.of("show errors", ShowErrors::show));
    }

    private static String show(CliRequest r) {
        if (!r.requires(CliLevel.OPERATOR)) {
            return CliRequest.PERMISSION_DENIED;
        }
        List<Proxy> all = r.engine().proxies().all();
        int iid = -1;
        if (!r.arg(2).isEmpty()) {
            Proxy named = all.stream().filter(p -> p.name().equals(r.arg(2))).findFirst().orElse(null);
            iid = named != null ? r.engine().proxies().uuid(named) : (int) Strtol.atoi(r.arg(2));
            if (iid == 0) {
                return "No such proxy.\n";
            }
        }
        boolean requests = !r.arg(3).equals("response");
        boolean responses = !r.arg(3).equals("request");
        long bufsize = r.engine().config().globalNumber("tune.bufsize", 16384);
        StringBuilder out = new StringBuilder();
        out.append("Total events captured on [").append(date(System.currentTimeMillis())).append("] : ")
                .append(Integer.toUnsignedString(ErrorSnapshot.events())).append('\n');
        for (Proxy p : all) {
            int uuid = r.engine().proxies().uuid(p);
            if (requests) {
                block(out, r, p, uuid, p.invalidRequest(), false, iid, bufsize);
            }
            if (responses) {
                block(out, r, p, uuid, p.invalidResponse(), true, iid, bufsize);
            }
        }
        return out.toString();
    }

    private static void block(StringBuilder out, CliRequest r, Proxy p, int uuid, ErrorSnapshot es, boolean response,
                              int iid, long bufsize) {
        if (es == null) {
            return;
        }
        int otherId = es.otherEnd() == null ? -1 : r.engine().proxies().uuid(es.otherEnd());
        if (iid >= 0 && uuid != iid && (es.otherEnd() == null || otherId != iid)) {
            return;
        }
        out.append(" \n[").append(date(es.when())).append(']');
        if (!response) {
            boolean be = es.otherEnd() != null && es.otherEnd().config().isBackend();
            out.append(" frontend ").append(p.name()).append(" (#").append(uuid).append("): invalid request\n")
                    .append("  backend ").append(be ? es.otherEnd().name() : "<NONE>").append(" (#")
                    .append(be ? otherId : -1).append(')');
        } else {
            out.append(" backend ").append(p.name()).append(" (#").append(uuid).append("): invalid response\n")
                    .append("  frontend ").append(es.otherEnd() == null ? "<NONE>" : es.otherEnd().name()).append(" (#")
                    .append(otherId).append(')');
        }
        InetSocketAddress src = es.src();
        boolean inet = src != null && src.getAddress() != null;
        out.append(", server ").append(es.server() == null ? "<NONE>" : es.server().name()).append(" (#")
                .append(es.server() == null ? -1 : es.server().puid()).append("), event #")
                .append(Integer.toUnsignedString(es.eventId())).append(", src ")
                .append(inet ? Addresses.text(src.getAddress()) : "").append(':').append(inet ? src.getPort() : 0)
                .append('\n');
        out.append("  buffer starts at 0 (including 0 out), ").append(bufsize - es.buf().length).append(" free,\n")
                .append("  len ").append(es.buf().length).append(", wraps at ").append(es.wrapsAt())
                .append(", error at position ").append(es.errPos()).append('\n');
        ErrorSnapshot.H1State h1 = es.h1();
        out.append(String.format("  H1 connection flags 0x%08x, H1 stream flags 0x%08x\n"
                        + "  H1 msg state %s(%d), H1 msg flags 0x%08x\n"
                        + "  H1 chunk len %d bytes, H1 body len %d bytes :\n",
                h1.connFlags(), h1.streamFlags(), h1.msgStateName(), h1.msgState(), h1.msgFlags(), h1.chunkLen(),
                h1.bodyLen()));
        out.append("  \n");
        dump(out, es.buf());
    }

    /**
     * The bytes as dump_text_line() writes them: lines at each LF, or cut at the line width (a
     * continuation marked '+'), each prefixed by its offset; printable ASCII as is, \t \n \r \e and
     * the backslash escaped, any other byte as \xHH.
     */
    static void dump(StringBuilder out, byte[] buf) {
        int ptr = 0;
        int lineStart = 0;
        while (ptr < buf.length) {
            int start = out.length();
            out.append(String.format("  %05d%c ", ptr, ptr == lineStart ? ' ' : '+'));
            boolean eol = false;
            while (ptr < buf.length) {
                int c = buf[ptr] & 0xff;
                int used = out.length() - start;
                String esc = escape(c);
                if (used > LINE_WIDTH - 1 - esc.length()) {
                    break;
                }
                out.append(esc);
                ptr++;
                if (c == '\n') {
                    lineStart = ptr;
                    eol = true;
                    break;
                }
            }
            out.append('\n');
            if (!eol && ptr < buf.length && out.length() - start == "  00000  \n".length()) {
                break; // nothing fits: never loops
            }
        }
    }

    private static String escape(int c) {
        if (c >= 0x20 && c < 0x7f && c != '\\') {
            return String.valueOf((char) c);
        }
        return switch (c) {
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case 0x1b -> "\\e";
            case '\\' -> "\\\\";
            default -> String.format("\\x%02X", c);
        };
    }

    private static String date(long millis) {
        ZonedDateTime t = Instant.ofEpochMilli(millis).atZone(ZoneId.systemDefault());
        return String.format("%02d/%s/%04d:%02d:%02d:%02d.%03d", t.getDayOfMonth(), MONTHS[t.getMonthValue() - 1],
                t.getYear(), t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1_000_000);
    }
}
