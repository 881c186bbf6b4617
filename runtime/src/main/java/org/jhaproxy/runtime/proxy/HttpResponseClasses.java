package org.jhaproxy.runtime.proxy;

import java.util.concurrent.atomic.LongAdder;

/** HTTP responses counted by status class (hrsp_1xx..hrsp_5xx, hrsp_other). */
public final class HttpResponseClasses {
    private final LongAdder[] byClass = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(),
        new LongAdder(), new LongAdder()};

    public void add(int status) {
        int c = status / 100;
        byClass[c >= 1 && c <= 5 ? c : 0].increment();
    }

    /** Class 1..5, or 0 for the statuses outside 100-599. */
    public long get(int statusClass) {
        return byClass[statusClass].sum();
    }

    public void clear() {
        for (LongAdder a : byClass) {
            a.reset();
        }
    }
}
