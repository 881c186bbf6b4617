package org.jhaproxy.runtime.http;

import io.netty.buffer.ByteBuf;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.Arrays;

/**
 * The bytes of a message head being written out, gathered in an array reused by each thread and
 * then copied to the outgoing buffer at once: the head's strings are Latin-1 (one byte a char,
 * as the H1 parser read them), so each is one array copy, with no builder or string made per
 * message and no per-char writes into the direct buffer.
 */
final class HeadBytes {
    private static final FastThreadLocal<HeadBytes> PER_THREAD = new FastThreadLocal<>() {
        @Override
        protected HeadBytes initialValue() {
            return new HeadBytes();
        }
    };

    private byte[] bytes = new byte[1024];
    private int length;

    private HeadBytes() {
    }

    /** This thread's head, emptied. */
    static HeadBytes start() {
        HeadBytes h = PER_THREAD.get();
        h.length = 0;
        return h;
    }

    @SuppressWarnings("deprecation")
    HeadBytes append(CharSequence s) {
        int n = s.length();
        room(n);
        if (s instanceof String str) {
            // the low byte of each char: Latin-1, one array copy for a compact string
            str.getBytes(0, n, bytes, length);
        } else if (s instanceof AsciiString a) {
            a.copy(0, bytes, length, n);
        } else {
            for (int i = 0; i < n; i++) {
                bytes[length + i] = (byte) s.charAt(i);
            }
        }
        length += n;
        return this;
    }

    /** {@code s} with its ASCII capitals in lower case (a header name as HTX stores it). */
    HeadBytes appendLowerCase(CharSequence s) {
        int from = length;
        append(s);
        for (int i = from; i < length; i++) {
            byte c = bytes[i];
            if (c >= 'A' && c <= 'Z') {
                bytes[i] = (byte) (c + ('a' - 'A'));
            }
        }
        return this;
    }

    HeadBytes append(char c) {
        room(1);
        bytes[length++] = (byte) c;
        return this;
    }

    HeadBytes crlf() {
        room(2);
        bytes[length++] = '\r';
        bytes[length++] = '\n';
        return this;
    }

    /** A status code, always three digits in HTTP. */
    HeadBytes status(int code) {
        if (code < 100 || code > 999) {
            return append(Integer.toString(code));
        }
        room(3);
        bytes[length++] = (byte) ('0' + code / 100);
        bytes[length++] = (byte) ('0' + code / 10 % 10);
        bytes[length++] = (byte) ('0' + code % 10);
        return this;
    }

    int length() {
        return length;
    }

    void writeTo(ByteBuf out) {
        out.writeBytes(bytes, 0, length);
    }

    private void room(int n) {
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
        }
    }
}
