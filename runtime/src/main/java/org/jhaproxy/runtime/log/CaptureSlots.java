package org.jhaproxy.runtime.log;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jhaproxy.config.model.ProxyConfig;
import org.jhaproxy.config.source.Line;

/**
 * The capture slots a frontend declares (its req_cap and rsp_cap lists), numbered in the order
 * of their lines: "capture request|response header NAME len N", "declare capture request|response
 * len N" and "http-request capture SAMPLE len N". %hr/%hs list them in that order and
 * "capture.req.hdr(N)" and "... capture ... id N" name them by that number.
 */
public final class CaptureSlots {
    /** One slot: the header it captures (null for a slot filled by rules) and the longest value kept. */
    public record Slot(String header, int len) {
    }

    private static final CaptureSlots NONE = new CaptureSlots(List.of(), List.of(), Map.of());

    private final List<Slot> request;
    private final List<Slot> response;
    /** "file:line" of each "http-request capture ... len N" rule, to its request slot. */
    private final Map<String, Integer> ruleSlots;

    private CaptureSlots(List<Slot> request, List<Slot> response, Map<String, Integer> ruleSlots) {
        this.request = request;
        this.response = response;
        this.ruleSlots = ruleSlots;
    }

    public static CaptureSlots of(ProxyConfig c) {
        if (!c.isFrontend()) {
            return NONE;
        }
        List<Slot> req = new ArrayList<>();
        List<Slot> res = new ArrayList<>();
        Map<String, Integer> rules = new HashMap<>();
        for (Line l : c.lines()) {
            String kw = l.keyword();
            if (kw.equals("capture") && l.arg(2).equals("header")) {
                (l.arg(1).equals("request") ? req : res).add(new Slot(l.arg(3), Integer.parseInt(l.arg(5))));
            } else if (kw.equals("declare") && l.arg(1).equals("capture")) {
                (l.arg(2).equals("request") ? req : res).add(new Slot(null, Integer.parseInt(l.arg(4))));
            } else if (kw.equals("http-request") && l.arg(1).equals("capture")) {
                int len = lengthWord(l);
                if (len > 0) {
                    rules.put(l.where(), req.size());
                    req.add(new Slot(null, len));
                }
            }
        }
        if (req.isEmpty() && res.isEmpty()) {
            return NONE;
        }
        return new CaptureSlots(List.copyOf(req), List.copyOf(res), Map.copyOf(rules));
    }

    /** The N of "... len N" before the rule's condition, else 0 (an "id" rule). */
    private static int lengthWord(Line l) {
        for (int i = 2; i + 1 < l.count(); i++) {
            if (l.arg(i).equals("if") || l.arg(i).equals("unless")) {
                break;
            }
            if (l.arg(i).equals("len")) {
                return Integer.parseInt(l.arg(i + 1));
            }
            if (l.arg(i).equals("id")) {
                return 0;
            }
        }
        return 0;
    }

    public List<Slot> request() {
        return request;
    }

    public List<Slot> response() {
        return response;
    }

    /** The request slot of the "http-request capture ... len N" rule at "file:line", or -1. */
    public int ruleSlot(String where) {
        return ruleSlots.getOrDefault(where, -1);
    }

    /** A stream's empty slots, null when the frontend captures nothing. */
    public Captures newCaptures() {
        return this == NONE ? null : new Captures(this);
    }
}
