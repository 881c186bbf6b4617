package org.jhaproxy.runtime.payload;

import java.util.List;
import java.util.Map;
import org.jhaproxy.config.sample.SampleArg;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.Fetch;
import org.jhaproxy.runtime.sample.Fetches;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.Sample;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * req.payload(offset,length) and req.payload_lv(offset1,length[,offset2]) (configuration.txt
 * 7.3.5), and their "payload" / "payload_lv" aliases: a binary block of the request buffer.
 * A block past what arrived may still come, so it says so while the rules wait; a block past
 * tune.bufsize never can, so that one is final. An HTTP stream's buffer holds HTX, not the
 * bytes: there they give nothing, at once, as haproxy does.
 */
public final class PayloadBlocks {
    private PayloadBlocks() {
    }

    static void register(Map<String, Fetches.Factory> m) {
        Fetches.Factory block = (a, s) -> block(number(a, 0), number(a, 1), bufsize(s));
        m.put("req.payload", block);
        m.put("payload", block);
        Fetches.Factory lv = (a, s) -> lengthValue(number(a, 0), number(a, 1), a.size() > 2 ? a.get(2).text() : "", bufsize(s));
        m.put("req.payload_lv", lv);
        m.put("payload_lv", lv);
    }

    /**
     * "payload" and "payload_lv" read the response buffer where a response is looked at ("stick
     * store-response"): jhaproxy does not keep a TCP response buffer, so such a rule, or one whose
     * condition uses them, refuses the start rather than read the request's bytes.
     */
    public static void refuseOnResponse(org.jhaproxy.config.sample.SampleExpr key, org.jhaproxy.config.acl.AclCondition condition)
            throws NotSupported {
        java.util.List<String> names = new java.util.ArrayList<>();
        names.add(key.fetch().name());
        if (condition != null) {
            for (java.util.List<org.jhaproxy.config.acl.AclTerm> suite : condition.suites()) {
                for (org.jhaproxy.config.acl.AclTerm t : suite) {
                    t.acl().exprs().forEach(e -> names.add(e.sample().fetch().name()));
                }
            }
        }
        for (String n : names) {
            if (n.equals("payload") || n.equals("payload_lv")) {
                throw new NotSupported("sample fetch '" + n + "' on a response is not supported by jhaproxy yet.");
            }
        }
    }

    /** An integer argument as haproxy's fetch reads it: an unsigned int. */
    private static long number(List<SampleArg> a, int i) {
        return org.jhaproxy.config.global.CNumber.atol(a.get(i).text().trim()) & 0xffffffffL;
    }

    /** global.tune.bufsize: what a block can never exceed. */
    private static long bufsize(CompileScope s) {
        return s.proxies() == null ? 16384 : s.proxies().config().globalNumber("tune.bufsize", 16384);
    }

    /** req.payload: {@code length} bytes from {@code offset}; length 0 is the rest of the buffer, which grows while it can. */
    private static Fetch block(long offset, long length, long max) {
        return c -> {
            RequestBuffer b = c.requestBuffer();
            if (b == null) {
                return null;
            }
            if (length > max || offset + length > max) {
                return null;
            }
            if (offset + length > b.length()) {
                c.sampleMayChange();
                return null;
            }
            if (length == 0) {
                c.sampleMayChange();
            }
            return Sample.bin(b.bytes((int) offset, length == 0 ? b.length() - (int) offset : (int) length));
        };
    }

    /**
     * req.payload_lv: the block whose size the {@code size} bytes at {@code at} give (network
     * order), starting right after them, or at {@code start}: absolute, or relative to there
     * when signed ("+4", "-2").
     */
    private static Fetch lengthValue(long at, long size, String start, long max) {
        boolean relative = start.startsWith("+") || start.startsWith("-");
        long offset2 = start.isEmpty() ? 0 : org.jhaproxy.config.global.CNumber.atol(start.startsWith("+") ? start.substring(1) : start);
        return c -> {
            RequestBuffer b = c.requestBuffer();
            if (b == null) {
                return null;
            }
            if (at + size > b.length()) {
                c.sampleMayChange();
                return null;
            }
            long blockSize = 0;
            for (int i = 0; i < size; i++) {
                blockSize = ((blockSize << 8) + b.at((int) (at + i))) & 0xffffffffL;
            }
            long offset = at + size;
            if (!start.isEmpty()) {
                offset = (relative ? offset + offset2 : offset2) & 0xffffffffL;
            }
            if (blockSize == 0 || blockSize > max || offset + blockSize > max) {
                return null;
            }
            if (offset + blockSize > b.length()) {
                c.sampleMayChange();
                return null;
            }
            return Sample.bin(b.bytes((int) offset, (int) blockSize));
        };
    }
}
