package org.jhaproxy.runtime.promex;

/**
 * One metric of haproxy's Prometheus exporter: the name after its "haproxy_<object>_" prefix,
 * its Prometheus type, the "show info" or "show stat" field it exports and, for the proxy
 * fields, the objects that have it (F frontend, B backend, S server; the listener's L is kept
 * for the table's sake, listeners are not exported without "option socket-stats").
 */
record PromexMetric(String field, String name, boolean counter, String objects, String help) {
    String type() {
        return counter ? "counter" : "gauge";
    }

    boolean on(char object) {
        return objects.indexOf(object) >= 0;
    }
}
