package org.jhaproxy.runtime.logfwd;

import java.util.Map;
import org.jhaproxy.config.model.ConfigBuilder;
import org.jhaproxy.config.model.LogForwardConfig;
import org.jhaproxy.config.model.NamedSection;
import org.jhaproxy.config.model.RingConfig;
import org.jhaproxy.runtime.RuntimeSupport;
import org.jhaproxy.runtime.sink.Sinks;

/**
 * The lines of ring and log-forward sections whose keyword runs but whose arguments do not: a
 * ring server option other than "log-proto", a receiver address or option not executed.
 */
public final class ReceiverSupport {
    private ReceiverSupport() {
    }

    /** Adds each such line once to {@code found}, keyed as RuntimeSupport does. */
    public static void unsupported(ConfigBuilder config, Map<String, RuntimeSupport.Unsupported> found) {
        for (NamedSection s : config.otherSections().of("ring").values()) {
            for (RingConfig.Server srv : RingConfig.freeze(s).servers()) {
                String why = Sinks.refusal(srv);
                if (why != null) {
                    found.putIfAbsent("ring server " + why, new RuntimeSupport.Unsupported(srv.at(), "server",
                            "parsing [" + srv.at().file() + ":" + srv.at().line() + "] : " + why));
                }
            }
        }
        for (NamedSection s : config.otherSections().of("log-forward").values()) {
            for (LogForwardConfig.Receiver r : LogForwardConfig.freeze(s).receivers()) {
                String why = LogForwards.refusal(r);
                if (why != null) {
                    found.putIfAbsent("log-forward " + why, new RuntimeSupport.Unsupported(r.at(), r.datagram() ? "dgram-bind" : "bind",
                            "parsing [" + r.at().file() + ":" + r.at().line() + "] : " + why));
                }
            }
        }
    }
}
