package org.jhaproxy.runtime.check;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Global "spread-checks <0..50>" (configuration.txt 3.2): each interval between two checks of a
 * server is moved by a random amount of up to that percentage of it, either way, so that checks
 * started together drift apart (haproxy draws it anew at each check).
 */
record CheckSpread(int percent) {
    static final CheckSpread NONE = new CheckSpread(0);

    /** The delay until the next check for an interval of {@code inter} ms. */
    long next(long inter) {
        if (percent <= 0) {
            return inter;
        }
        long range = inter * percent / 100;
        return inter + range - (long) (2 * range * ThreadLocalRandom.current().nextDouble());
    }
}
