package org.jhaproxy.runtime.action;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * What a final rule decided instead of forwarding: a complete response (deny, return,
 * redirect), or a silent close (tcp-request reject). {@link #ALLOW} stops the rule set and
 * goes on with the request.
 */
public record Reply(Kind kind, byte[] bytes, boolean close) {
    public enum Kind {
        ALLOW, RESPONSE, REJECT
    }

    public static final Reply ALLOW = new Reply(Kind.ALLOW, null, false);
    public static final Reply REJECT = new Reply(Kind.REJECT, null, true);

    public static Reply response(String text, boolean close) {
        return new Reply(Kind.RESPONSE, text.getBytes(StandardCharsets.ISO_8859_1), close);
    }

    /** The bytes as a new buffer the caller writes (and so releases). */
    public ByteBuf buffer() {
        return Unpooled.wrappedBuffer(bytes);
    }
}
