package org.jhaproxy.runtime.server;

/**
 * What the streams tell a server's health check about its real traffic ("observe layer4 |
 * layer7", haproxy's health_adjust()): each connection attempt's outcome and each response's
 * status. A server without "observe" (or without a check) ignores them.
 */
public interface Observation {
    /** No "observe": nothing is analysed. */
    Observation NONE = new Observation() {
        @Override
        public void connected(boolean established) {
        }

        @Override
        public void responded(int status) {
        }

        @Override
        public void responseFailed(String what) {
        }
    };

    /** A connection to the server was established (HANA_STATUS_L4_OK) or failed (L4_ERR). */
    void connected(boolean established);

    /** The server answered with this HTTP status (HANA_STATUS_HTTP_OK or HTTP_STS). */
    void responded(int status);

    /**
     * No valid response came (HANA_STATUS_HTTP_READ_TIMEOUT, HTTP_BROKEN_PIPE, HTTP_HDRRSP):
     * {@code what} is how haproxy names it ("Read timeout (http)"...).
     */
    void responseFailed(String what);
}
