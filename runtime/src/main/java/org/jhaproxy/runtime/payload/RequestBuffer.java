package org.jhaproxy.runtime.payload;

import io.netty.buffer.ByteBuf;

/**
 * What a TCP stream's client sent that was not forwarded yet: the input of HAProxy's request
 * channel (ci_head(), ci_data()) that the payload fetches read (configuration.txt 7.3.5). It
 * holds a copy of the bytes received before the server connection is up, at most the buffer's
 * receive limit (tune.bufsize less tune.maxrewrite), and is emptied once they are forwarded.
 */
public final class RequestBuffer {
    private final int limit;
    private byte[] data = new byte[0];
    private int length;

    public RequestBuffer(int limit) {
        this.limit = limit;
    }

    /** channel_recv_limit(): how much the buffer takes before it is full. */
    public int limit() {
        return limit;
    }

    /** Copies what was read, as far as the buffer takes it. */
    public void append(ByteBuf b) {
        int n = Math.min(b.readableBytes(), limit - length);
        if (n <= 0) {
            return;
        }
        if (length + n > data.length) {
            data = java.util.Arrays.copyOf(data, Math.max(length + n, Math.min(limit, Math.max(256, data.length * 2))));
        }
        b.getBytes(b.readerIndex(), data, length, n);
        length += n;
    }

    /** The bytes were forwarded to the server: the channel's input is empty again. */
    public void clear() {
        length = 0;
        data = new byte[0];
    }

    /** ci_data(). */
    public int length() {
        return length;
    }

    /** channel_full(): nothing more fits, so the rules must decide on what is there. */
    public boolean full() {
        return length >= limit;
    }

    /**
     * The unsigned byte at {@code i}. HAProxy's parsers read a few bytes past what was received
     * when a length field claims so; those read as 0 here.
     */
    public int at(int i) {
        return i >= 0 && i < length ? data[i] & 0xff : 0;
    }

    /** Two bytes, network order. */
    public int u16(int i) {
        return (at(i) << 8) | at(i + 1);
    }

    /** A copy of {@code n} bytes from {@code i}, all within what was received. */
    public byte[] bytes(int i, int n) {
        return java.util.Arrays.copyOfRange(data, i, i + n);
    }

    /** {@code n} bytes from {@code i} as ISO-8859-1 text (past the end reads as NUL bytes). */
    public String text(int i, int n) {
        char[] c = new char[Math.max(0, n)];
        for (int k = 0; k < c.length; k++) {
            c[k] = (char) at(i + k);
        }
        return new String(c);
    }
}
