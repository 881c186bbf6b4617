package org.jhaproxy.runtime.check;

import java.nio.charset.StandardCharsets;

/**
 * "option mysql-check": reads the server's packets (3 bytes of length, 1 of sequence, the
 * payload). An error packet (0xff) fails the check with "Layer7 wrong status", its error code
 * as the check's code and its message as the info; the rule that ends the program reports the
 * server's version (from the greeting) as the info of a passed check.
 */
final class MysqlReply {
    private MysqlReply() {
    }

    /** The server's greeting, the first packet (tcpcheck_mysql_expect_iniths()). */
    static ExpectVerdict greeting(byte[] data, boolean lastRead, boolean lastRule) {
        return packet(data, 0, lastRead, lastRule);
    }

    /** The answer to the authentication, the packet after the greeting (tcpcheck_mysql_expect_ok()). */
    static ExpectVerdict afterGreeting(byte[] data, boolean lastRead, boolean lastRule) {
        return packet(data, 4 + length(data, 0), lastRead, lastRule);
    }

    private static ExpectVerdict packet(byte[] data, int offset, boolean lastRead, boolean lastRule) {
        if (data.length < offset + 4 || data.length < offset + 4 + length(data, offset)) {
            // a truncated packet
            return lastRead ? ExpectVerdict.fail(CheckOutcome.of(CheckStatus.L7RSP, "")) : ExpectVerdict.WAIT;
        }
        if ((data[offset + 4] & 0xff) == 0xff) {
            int err = (data[offset + 5] & 0xff) | (data[offset + 6] & 0xff) << 8;
            return ExpectVerdict.fail(new CheckOutcome(CheckStatus.L7STS, err,
                    CheckOutcome.info(data, offset + 7)));
        }
        if (!lastRule) {
            return ExpectVerdict.PASS;
        }
        return ExpectVerdict.report(new CheckOutcome(CheckStatus.L7OKD, 0, CheckOutcome.info(data, 5)));
    }

    private static int length(byte[] data, int offset) {
        if (data.length < offset + 3) {
            return 0;
        }
        return (data[offset] & 0xff) | (data[offset + 1] & 0xff) << 8 | (data[offset + 2] & 0xff) << 16;
    }

    /**
     * The client authentication packet haproxy sends for "user NAME": the 4.1 protocol's
     * ("post-41", the default) or the older one ("pre-41"), followed by a COM_QUIT packet.
     */
    static byte[] authentication(String user, boolean post41) {
        byte[] name = user.getBytes(StandardCharsets.ISO_8859_1);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int length = name.length + 7 + (post41 ? 27 : 0);
        out.write(length & 0xff);
        out.write(length >> 8 & 0xff);
        out.write(length >> 16 & 0xff);
        out.write(1);
        if (post41) {
            // capabilities, max packet size, character set (utf8), 23 reserved bytes
            out.writeBytes(new byte[] {0, (byte) 0x82, 0, 0, 0, (byte) 0x80, 0, 1, 0x21});
            out.writeBytes(new byte[23]);
        } else {
            out.writeBytes(new byte[] {0, (byte) 0x80, 0, 0, 1});
        }
        out.writeBytes(name);
        out.writeBytes(new byte[] {0, 0, 1, 0, 0, 0, 1});
        return out.toByteArray();
    }
}
