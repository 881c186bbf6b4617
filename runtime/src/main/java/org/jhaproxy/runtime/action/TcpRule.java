package org.jhaproxy.runtime.action;

import org.jhaproxy.runtime.acl.Condition;
import org.jhaproxy.runtime.sample.SampleContext;
import org.jhaproxy.runtime.stick.TrackAction;

/**
 * One compiled "tcp-request connection|content" rule: accept, reject, or track-scN (which
 * lets the next rules run: {@code track} is set and {@code accept} ignored).
 */
record TcpRule(Condition condition, boolean accept, TrackAction track) {
    /** True when the connection or stream may go on: the first matching accept or reject decides, else accept. */
    static boolean run(TcpRule[] rules, SampleContext c) {
        for (TcpRule r : rules) {
            if (r.condition.test(c)) {
                if (r.track != null) {
                    r.track.apply(c);
                    continue;
                }
                return r.accept;
            }
        }
        return true;
    }
}
