package org.jhaproxy.config.global;

import java.util.List;
import org.jhaproxy.config.check.PostParseCheck;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.source.ParseContext;

/**
 * http_htx_init() (http_htx.c), a post-parser: HAProxy converts its built-in error messages to
 * HTX in a buffer of "tune.bufsize" bytes, and a buffer too small for one of them fails the
 * configuration. The HTX area is the buffer minus its 48-byte header (a buffer smaller than
 * the header wraps around and fits everything); each block costs 8 bytes plus its payload: the
 * start line (20 bytes + "HTTP/1.1" + status + reason), one block per header (name + value),
 * the end of headers, and the body.
 */
public final class HtxDefaultMessages implements PostParseCheck {
    private static final int HTX_HEADER = 48;
    private static final int BLOCK = 8;
    private static final int START_LINE = 20 + "HTTP/1.1".length() + 3;

    /** The shape of one built-in message (http_err_msgs[] of http.c). */
    record DefaultMessage(int status, int reasonLen, int headerBytes, int headerCount, int bodyLen) {
        int headersNeed() {
            return BLOCK + START_LINE + reasonLen + headerCount * BLOCK + headerBytes + BLOCK;
        }

        int totalNeed() {
            return headersNeed() + BLOCK + bodyLen;
        }
    }

    static final List<DefaultMessage> MESSAGES = List.of(
            new DefaultMessage(200, 2, 58, 3, 58),
            new DefaultMessage(400, 11, 73, 4, 90),
            new DefaultMessage(401, 12, 59, 3, 112),
            new DefaultMessage(403, 9, 58, 3, 93),
            new DefaultMessage(404, 9, 58, 3, 83),
            new DefaultMessage(405, 18, 59, 3, 146),
            new DefaultMessage(407, 12, 59, 3, 112),
            new DefaultMessage(408, 16, 74, 4, 110),
            new DefaultMessage(410, 4, 59, 3, 114),
            new DefaultMessage(413, 17, 59, 3, 106),
            new DefaultMessage(421, 19, 59, 3, 104),
            new DefaultMessage(422, 21, 59, 3, 116),
            new DefaultMessage(425, 9, 58, 3, 80),
            new DefaultMessage(429, 17, 59, 3, 117),
            new DefaultMessage(500, 21, 58, 3, 97),
            new DefaultMessage(501, 15, 59, 3, 136),
            new DefaultMessage(502, 11, 59, 3, 107),
            new DefaultMessage(503, 19, 59, 3, 107),
            new DefaultMessage(504, 16, 58, 3, 92));

    @Override
    public int run(ParseContext ctx) {
        long bufsize = ctx.config().global().number("tune.bufsize");
        if (bufsize == 0 || bufsize < HTX_HEADER) {
            return ErrCode.NONE;
        }
        long room = bufsize - HTX_HEADER;
        int err = ErrCode.NONE;
        for (DefaultMessage m : MESSAGES) {
            String why = null;
            if (m.headersNeed() > room) {
                why = "unable to add headers into the HTX message";
            } else if (m.totalNeed() >= room) {
                why = "unable to add payload into the HTX message";
            }
            if (why != null) {
                ctx.diag().alert(String.format("Internal error: invalid default message for HTTP return code %d: %s.", m.status(), why));
                err |= ErrCode.ALERT_FATAL;
            }
        }
        return err;
    }
}
