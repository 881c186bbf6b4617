package org.jhaproxy.runtime.fcgi;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;
import io.netty.buffer.Unpooled;

/**
 * One FastCGI record (FastCGI 1.0 specification, section 3.3): its type, the request it belongs
 * to (0 for management records) and its content, without the padding.
 */
final class FcgiRecord extends DefaultByteBufHolder {
    static final int BEGIN_REQUEST = 1;
    static final int ABORT_REQUEST = 2;
    static final int END_REQUEST = 3;
    static final int PARAMS = 4;
    static final int STDIN = 5;
    static final int STDOUT = 6;
    static final int STDERR = 7;
    static final int DATA = 8;
    static final int GET_VALUES = 9;
    static final int GET_VALUES_RESULT = 10;
    static final int UNKNOWN_TYPE = 11;
    /** The header every record starts with. */
    static final int HEADER_SIZE = 8;
    /** The largest content a record carries (a 16-bit length). */
    static final int MAX_CONTENT = 0xFFFF;

    private final int type;
    private final int requestId;

    FcgiRecord(int type, int requestId, ByteBuf content) {
        super(content);
        this.type = type;
        this.requestId = requestId;
    }

    /** A record without content: the end of a stream (PARAMS, STDIN, STDOUT). */
    static FcgiRecord empty(int type, int requestId) {
        return new FcgiRecord(type, requestId, Unpooled.EMPTY_BUFFER);
    }

    int type() {
        return type;
    }

    int requestId() {
        return requestId;
    }

    @Override
    public String toString() {
        return "FcgiRecord(type=" + type + ", id=" + requestId + ", length=" + content().readableBytes() + ")";
    }
}
