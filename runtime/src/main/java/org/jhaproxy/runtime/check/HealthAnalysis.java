package org.jhaproxy.runtime.check;

import java.util.concurrent.atomic.AtomicInteger;
import org.jhaproxy.config.model.ServerConfig;
import org.jhaproxy.runtime.server.Observation;

/**
 * "observe layer4 | layer7" (haproxy's __health_adjust()): the server's real traffic counts
 * as checks. Layer 4 watches connection attempts, layer 7 the HTTP responses (a 5xx other
 * than 501 and 505 is an error, anything else a success). "error-limit" consecutive errors
 * (10 by default) trigger "on-error": "fastinter" only brings the next check forward,
 * "fail-check" (the default) counts a failed check, "sudden-death" a failure that leaves one
 * check before the server goes down, "mark-down" takes it down at once. A success resets the
 * count.
 */
final class HealthAnalysis implements Observation {
    /** HANA_OBS_*: what is watched. */
    enum Layer { LAYER4, LAYER7 }

    /** HANA_ONERR_*. */
    enum OnError { FASTINTER, FAIL_CHECK, SUDDEN_DEATH, MARK_DOWN }

    private final HealthCheck check;
    private final Layer layer;
    private final int limit;
    private final OnError onError;
    private final AtomicInteger consecutive = new AtomicInteger();

    private HealthAnalysis(HealthCheck check, Layer layer, int limit, OnError onError) {
        this.check = check;
        this.layer = layer;
        this.limit = limit;
        this.onError = onError;
    }

    /** The analysis of a server with "observe", or null without (or with "observe none"). */
    static HealthAnalysis of(ServerConfig s, HealthCheck check) {
        String observe = s.option("observe", "none");
        if (observe.equals("none")) {
            return null;
        }
        Layer layer = observe.equals("layer7") ? Layer.LAYER7 : Layer.LAYER4;
        int limit = s.number("error-limit", 10);
        OnError onError = switch (s.option("on-error", "fail-check")) {
            case "fastinter" -> OnError.FASTINTER;
            case "sudden-death" -> OnError.SUDDEN_DEATH;
            case "mark-down" -> OnError.MARK_DOWN;
            default -> OnError.FAIL_CHECK;
        };
        return new HealthAnalysis(check, layer, limit, onError);
    }

    @Override
    public void connected(boolean established) {
        // layer4 counts both outcomes; layer7 only the failures
        if (established) {
            if (layer == Layer.LAYER4) {
                consecutive.set(0);
            }
            return;
        }
        failed("L4 unsuccessful connection");
    }

    @Override
    public void responded(int status) {
        if (layer != Layer.LAYER7) {
            return;
        }
        if (status >= 100 && (status < 500 || status == 501 || status == 505)) {
            // 501 and 505 answer what the client asked: no fault of the server
            consecutive.set(0);
            return;
        }
        failed("Wrong http response");
    }

    @Override
    public void responseFailed(String what) {
        // an error for layer7 only (layer4 ignores what follows the connection)
        if (layer == Layer.LAYER7) {
            failed(what);
        }
    }

    private void failed(String what) {
        int errors = consecutive.incrementAndGet();
        if (errors < limit) {
            return;
        }
        consecutive.set(0);
        String desc = "Detected " + errors + " consecutive errors, last one was: " + what;
        check.analyzed(desc, onError);
    }
}
