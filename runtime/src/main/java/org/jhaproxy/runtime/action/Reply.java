package org.jhaproxy.runtime.action;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * What a final rule decided instead of forwarding: a complete response (deny, return,
 * redirect), a silent close (tcp-request reject), or a tarpit. {@link #ALLOW} stops the rule set and
 * goes on with the request.
 */
public record Reply(Kind kind, byte[] bytes, boolean close, boolean local, Service service) {
    public enum Kind {
        ALLOW, RESPONSE, REJECT, SERVICE,
        /** http-request tarpit: the stream holds the request, then sends the error reply of {@link #status()}. */
        TARPIT,
        /** wait-for-body, http-buffer-request: the analysis waits for the body, then resumes (RequestAnalysis). */
        WAIT_BODY
    }

    public static final Reply ALLOW = new Reply(Kind.ALLOW, null, false, false, null);
    public static final Reply REJECT = new Reply(Kind.REJECT, null, true, false, null);
    public static final Reply WAIT_BODY = new Reply(Kind.WAIT_BODY, null, false, false, null);

    public Reply(Kind kind, byte[] bytes, boolean close, boolean local) {
        this(kind, bytes, close, local, null);
    }

    /** http-request use-service: the applet answers (when the stream runs it). */
    public static Reply service(Service s) {
        return new Reply(Kind.SERVICE, null, false, true, s);
    }

    /** A refusal (deny): the log shows the proxy ended the stream ("PR"). */
    public static Reply response(String text, boolean close) {
        return new Reply(Kind.RESPONSE, text.getBytes(StandardCharsets.ISO_8859_1), close, false);
    }

    /** A reply the proxy gives as a service (return, redirect): not an error, logged "LR". */
    public static Reply local(String text, boolean close) {
        return new Reply(Kind.RESPONSE, text.getBytes(StandardCharsets.ISO_8859_1), close, true);
    }

    /** The status code of the response ("HTTP/1.1 302 ..."), -1 for a silent close. */
    public int status() {
        if (bytes == null || bytes.length < 12) {
            return -1;
        }
        return (bytes[9] - '0') * 100 + (bytes[10] - '0') * 10 + (bytes[11] - '0');
    }

    /** The bytes as a new buffer the caller writes (and so releases). */
    public ByteBuf buffer() {
        return Unpooled.wrappedBuffer(bytes);
    }
}
