package org.jhaproxy.runtime.server;

/**
 * Why a server's operational state changed, as haproxy reports it after "reason:" (the check
 * result that decided it: its status description, L7 code, info text and duration).
 *
 * @param reason   the check status description ("Layer4 connection problem"), or null for none
 * @param code     the layer-7 code shown as ", code: N", or -1 when the status has none
 * @param info     the check's info text, shown quoted when not empty
 * @param duration the check duration in ms, or -1 when not shown
 */
public record StatusCause(String reason, int code, String info, long duration) {
    /** No cause shown: the change was logged already ("option log-health-checks"), or asked for. */
    public static final StatusCause NONE = new StatusCause(null, -1, null, -1);

    /** srv_append_status()'s ", reason: ..., code: ..., info: \"...\", check duration: Nms". */
    public void appendTo(StringBuilder msg) {
        if (reason == null) {
            if (info != null && !info.isEmpty()) {
                msg.append(", ").append(info);
            }
            return;
        }
        msg.append(", reason: ").append(reason);
        if (code >= 0) {
            msg.append(", code: ").append(code);
        }
        if (info != null && !info.isEmpty()) {
            msg.append(", info: \"");
            asciiEncode(msg, info);
            msg.append('"');
        }
        if (duration >= 0) {
            msg.append(", check duration: ").append(duration).append("ms");
        }
    }

    /** chunk_asciiencode(): non-printable bytes, '<', '>' and the quote become "<HH>". */
    private static void asciiEncode(StringBuilder msg, String text) {
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)) {
            int c = b & 0xff;
            if (c < 0x20 || c >= 0x7f || c == '<' || c == '>' || c == '"') {
                msg.append('<').append(String.format("%02X", c)).append('>');
            } else {
                msg.append((char) c);
            }
        }
    }
}
