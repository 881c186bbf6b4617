package org.jhaproxy.runtime.payload;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Reads a TLS ClientHello at the start of a request buffer, as HAProxy's payload fetches do
 * (configuration.txt 7.3.5: req.ssl_hello_type, req.ssl_ver, req.ssl_sni, req.ssl_alpn,
 * req.ssl_ec_ext, req.ssl_st_ext). Nothing is decrypted or answered: the bytes stay in the
 * buffer and are forwarded as they are. Each reading is a value, or none: either for now (the
 * buffer holds the start of what may still become a hello, so the answer may change when more
 * arrives) or for good (these bytes are not one). The checks, and their lengths, are haproxy's.
 */
public final class ClientHello {
    private static final int EXT_SERVER_NAME = 0;
    private static final int EXT_SUPPORTED_GROUPS = 10;
    private static final int EXT_ALPN = 16;
    private static final int EXT_SESSION_TICKET = 35;

    private final RequestBuffer b;
    /** Once located: where the extensions start and how many bytes they take. */
    private int extensions;
    private int extensionsLength;

    private ClientHello(RequestBuffer b) {
        this.b = b;
    }

    /** req.ssl_hello_type: the handshake message type of a whole SSLv3/TLS record. */
    public static Reading helloType(RequestBuffer b) {
        int left = b.length();
        if (left == 0) {
            return Reading.TOO_SHORT;
        }
        if (!recordType(b.at(0))) {
            return Reading.NONE;
        }
        if (left < 9) {
            return Reading.TOO_SHORT;
        }
        if ((b.at(1) << 16) + b.at(2) < 0x030000 || b.u16(3) < 4) {
            return Reading.NONE;
        }
        int hsLen = (b.at(6) << 16) + b.u16(7);
        if (left < 9 + hsLen) {
            return Reading.TOO_SHORT;
        }
        return Reading.of((long) b.at(5));
    }

    /**
     * req.ssl_ver: the version the client hello offers (major &lt;&lt; 16 | minor), SSLv3/TLS
     * records or SSLv2 hellos, once the whole message is there (or as much as the buffer takes).
     */
    public static Reading version(RequestBuffer b) {
        int left = b.length();
        if (left == 0) {
            return Reading.TOO_SHORT;
        }
        int first = b.at(0);
        int version;
        int msgLen;
        if (recordType(first)) {
            if (left < 11) {
                return Reading.TOO_SHORT;
            }
            msgLen = b.u16(3);
            if ((b.at(1) << 16) + b.at(2) < 0x030000 || msgLen < 6 || msgLen > (1 << 14) + 2048) {
                return Reading.NONE;
            }
            left -= 5;
            // the client hello's version, not the record layer's
            version = (b.at(9) << 16) + b.at(10);
        } else {
            int p;
            int recordLen;
            int padding;
            if ((first & 0x80) != 0) {
                if (left < 3) {
                    return Reading.TOO_SHORT;
                }
                recordLen = ((first & 0x7f) << 8) | b.at(1);
                padding = 0;
                p = 2;
            } else {
                if (left < 4) {
                    return Reading.TOO_SHORT;
                }
                recordLen = ((first & 0x3f) << 8) | b.at(1);
                padding = b.at(2);
                p = 3;
            }
            left -= p;
            if (b.at(p) != 0x01) {
                return Reading.NONE;
            }
            p++;
            left--;
            if (left < 8) {
                return Reading.TOO_SHORT;
            }
            version = (b.at(p) << 16) + b.at(p + 1);
            int ciphers = b.u16(p + 2);
            int sessionId = b.u16(p + 4);
            int challenge = b.u16(p + 6);
            left -= 8;
            if (ciphers % 3 != 0 || (sessionId != 0 && sessionId != 16) || challenge < 16 || challenge > 32
                    || recordLen != 9 + ciphers + sessionId + challenge) {
                return Reading.NONE;
            }
            msgLen = ciphers + sessionId + challenge + padding;
        }
        // the rest of the message, as far as the buffer can take it
        if (left < Math.min(msgLen, b.limit())) {
            return Reading.TOO_SHORT;
        }
        return Reading.of((long) version);
    }

    /** req.ssl_sni: the first host_name of the server_name extension. */
    public static Reading serverName(RequestBuffer b) {
        ClientHello h = new ClientHello(b);
        Reading r = h.locateExtensions();
        if (r != null) {
            return r;
        }
        int p = h.extensions;
        int left = h.extensionsLength;
        while (left >= 4) {
            int type = b.u16(p);
            int len = b.u16(p + 2);
            if (len > left - 4) {
                return Reading.NONE;
            }
            if (type == EXT_SERVER_NAME) {
                if (len < 2) {
                    return Reading.NONE;
                }
                int listLen = b.u16(p + 4);
                if (listLen < 4 || listLen > left - 6) {
                    return Reading.NONE;
                }
                if (b.at(p + 6) == 0) {
                    return Reading.of(b.text(p + 9, b.u16(p + 7)));
                }
            }
            left -= 4 + len;
            p += 4 + len;
        }
        return Reading.NONE;
    }

    /** req.ssl_alpn: the protocol names offered, in the client's order (a List of String). */
    public static Reading alpn(RequestBuffer b) {
        return extension(b, EXT_ALPN, p -> p < 0 ? Reading.NONE : protocolNames(b, p));
    }

    /** The names of the ALPN extension at {@code p}, one after the other until the list ends or a name overruns it. */
    private static Reading protocolNames(RequestBuffer b, int p) {
        int len = b.u16(p + 2);
        if (len < 3) {
            return Reading.NONE;
        }
        List<String> names = new ArrayList<>();
        int offset = 6;
        while (true) {
            int nameLen = b.at(p + offset);
            if (nameLen + offset - 3 > len) {
                break;
            }
            names.add(b.text(p + offset + 1, nameLen));
            if (nameLen + offset - 3 >= len) {
                break;
            }
            offset += nameLen + 1;
        }
        return names.isEmpty() ? Reading.NONE : Reading.of(names);
    }

    /** req.ssl_ec_ext: true when the hello has the elliptic curves (supported groups) extension, else none. */
    public static Reading ellipticCurves(RequestBuffer b) {
        return extension(b, EXT_SUPPORTED_GROUPS, p -> p >= 0 ? Reading.of(Boolean.TRUE) : Reading.NONE);
    }

    /** req.ssl_st_ext: 0 without the SessionTicket extension, 1 when it is empty, 2 when it holds a ticket. */
    public static Reading sessionTicket(RequestBuffer b) {
        return extension(b, EXT_SESSION_TICKET, p -> p == -2 ? Reading.NONE : Reading.of(p < 0 ? 0L : b.u16(p + 2) > 0 ? 2L : 1L));
    }

    /**
     * One extension of the hello, read by {@code read} from where it starts (-1 when the hello
     * has none, -2 when an extension overruns the list); while the hello's extensions cannot be
     * located (too short for now, or not a hello), the reading that says so.
     */
    private static Reading extension(RequestBuffer b, int type, IntFunction<Reading> read) {
        ClientHello h = new ClientHello(b);
        Reading r = h.locateExtensions();
        return r != null ? r : read.apply(h.find(type));
    }

    /** Record types SSLv3 and later begin with (change_cipher_spec to application_data), or 0xFF. */
    private static boolean recordType(int first) {
        return (first >= 0x14 && first <= 0x17) || first == 0xff;
    }

    /**
     * Walks the hello up to its extensions: null once found, else the reading to give. The
     * handshake length is compared with what follows the record header, as haproxy does.
     */
    private Reading locateExtensions() {
        int left = b.length();
        if (left == 0) {
            return Reading.TOO_SHORT;
        }
        if (b.at(0) != 0x16) {
            return Reading.NONE;
        }
        if (left < 3) {
            return Reading.TOO_SHORT;
        }
        if (b.at(1) < 0x03) {
            return Reading.NONE;
        }
        if (left < 5) {
            return Reading.TOO_SHORT;
        }
        if (b.u16(3) < 1 + 3 + 2 + 32 + 1 + 2 + 2 + 1 + 1 + 2 + 2) {
            return Reading.NONE;
        }
        left -= 5;
        if (left < 1) {
            return Reading.TOO_SHORT;
        }
        if (b.at(5) != 0x01) {
            return Reading.NONE;
        }
        if (left < 4) {
            return Reading.TOO_SHORT;
        }
        int hsLen = (b.at(6) << 16) + b.u16(7);
        if (hsLen < 2 + 32 + 1 + 2 + 2 + 1 + 1 + 2 + 2) {
            return Reading.NONE;
        }
        if (left < hsLen) {
            return Reading.TOO_SHORT;
        }
        int p = 9;
        if (b.at(p) < 0x03 || b.at(p + 1) < 0x01) {
            return Reading.NONE;
        }
        int sessionId = b.at(p + 34);
        if (sessionId > 32 || sessionId > hsLen - 35) {
            return Reading.NONE;
        }
        hsLen -= 35 + sessionId;
        p += 35 + sessionId;
        int ciphers = b.u16(p);
        if (hsLen < 4 || ciphers < 2 || ciphers > hsLen) {
            return Reading.NONE;
        }
        hsLen -= 2 + ciphers;
        p += 2 + ciphers;
        int compressions = b.at(p);
        if (hsLen < 2 || compressions < 1 || compressions > hsLen) {
            return Reading.NONE;
        }
        hsLen -= 1 + compressions;
        p += 1 + compressions;
        if (hsLen < 2 || b.u16(p) > hsLen - 2) {
            return Reading.NONE;
        }
        extensionsLength = b.u16(p);
        extensions = p + 2;
        return null;
    }

    /** Where the extension of that type starts: -1 when there is none, -2 when one overruns the list. */
    private int find(int wanted) {
        int p = extensions;
        int left = extensionsLength;
        while (left >= 4) {
            int type = b.u16(p);
            int len = b.u16(p + 2);
            if (len > left - 4) {
                return -2;
            }
            if (type == wanted) {
                return p;
            }
            left -= 4 + len;
            p += 4 + len;
        }
        return -1;
    }
}
