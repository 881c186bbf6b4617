package org.jhaproxy.runtime.check;

/** One check's result: its status, the L7 code it saw (0 if none) and its info text. */
record CheckOutcome(CheckStatus status, int code, String info) {
    static CheckOutcome of(CheckStatus status, String info) {
        return new CheckOutcome(status, 0, info);
    }
}
