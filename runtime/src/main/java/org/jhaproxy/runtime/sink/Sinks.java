package org.jhaproxy.runtime.sink;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jhaproxy.config.model.Config;
import org.jhaproxy.config.model.RingConfig;
import org.jhaproxy.runtime.Transport;
import org.jhaproxy.runtime.log.SyslogFormat;

/**
 * The process's event sinks, in haproxy's order (sink_init() then the "ring" sections): "stdout",
 * "stderr", the "buf0" ring of 1 MB in the "timed" format, then each ring with its forwarders.
 */
public final class Sinks implements AutoCloseable {
    /** The ring keywords the runtime executes (RuntimeSupport's entry format). */
    public static final Set<String> EXECUTED = Set.of("ring ring", "ring description", "ring format", "ring maxlen",
            "ring size", "ring timeout connect", "ring timeout server", "ring server");

    /** The options of a ring's "server" line the forwarder executes, with how many value words follow. */
    private static final Map<String, Integer> SERVER_OPTIONS = Map.of("log-proto", 1);

    private final Map<String, Sink> byName = new LinkedHashMap<>();
    private final List<RingForwarder> forwarders = new ArrayList<>();

    private Sinks() {
    }

    /** The sinks of a configuration, not forwarding yet. */
    public static Sinks of(Config config) {
        Sinks s = new Sinks();
        s.add(new Sink("stdout", "standard output (fd#1)", Sink.Type.FD, SyslogFormat.RAW, 0, null));
        s.add(new Sink("stderr", "standard output (fd#2)", Sink.Type.FD, SyslogFormat.RAW, 0, null));
        s.add(new Sink("buf0", "in-memory ring buffer", Sink.Type.BUFFER, SyslogFormat.TIMED, 1048576, new Ring(1048576)));
        for (RingConfig r : config.rings()) {
            s.add(new Sink(r.name(), r.description(), Sink.Type.BUFFER, SyslogFormat.named(r.format()), r.maxLen(),
                    new Ring(r.size())));
        }
        return s;
    }

    private void add(Sink sink) {
        byName.put(sink.name(), sink);
    }

    /** Connects every ring's servers. */
    public void forward(Config config, Transport transport) {
        for (RingConfig r : config.rings()) {
            for (RingConfig.Server srv : r.servers()) {
                boolean octet = false;
                for (int i = 0; i < srv.options().size(); i++) {
                    if (srv.options().get(i).equals("log-proto")) {
                        octet = i + 1 < srv.options().size() && srv.options().get(i + 1).equals("octet-count");
                    }
                }
                RingForwarder f = new RingForwarder(byName.get(r.name()).ring(), address(srv.address()), octet,
                        r.timeoutConnect(), transport);
                forwarders.add(f);
                f.start();
            }
        }
    }

    private static InetSocketAddress address(String text) {
        String a = text.startsWith("ipv4@") || text.startsWith("ipv6@") || text.startsWith("tcp@") ? text.substring(text.indexOf('@') + 1) : text;
        int colon = a.lastIndexOf(':');
        String host = a.substring(0, colon);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        return new InetSocketAddress(host, Integer.parseInt(a.substring(colon + 1)));
    }

    public Sink find(String name) {
        return byName.get(name);
    }

    public List<Sink> all() {
        return List.copyOf(byName.values());
    }

    /**
     * Why a ring's server line cannot run, or null: an option other than "log-proto", or an
     * address that is not an IP and port.
     */
    public static String refusal(RingConfig.Server srv) {
        for (int i = 0; i < srv.options().size(); i++) {
            String o = srv.options().get(i);
            Integer values = SERVER_OPTIONS.get(o);
            if (values == null) {
                return "server option '" + o + "' in a 'ring' section is not supported by jhaproxy yet.";
            }
            i += values;
        }
        try {
            InetSocketAddress a = address(srv.address());
            if (a.isUnresolved()) {
                return "ring server address '" + srv.address() + "' is not supported by jhaproxy yet.";
            }
        } catch (RuntimeException e) {
            return "ring server address '" + srv.address() + "' is not supported by jhaproxy yet.";
        }
        return null;
    }

    @Override
    public void close() {
        forwarders.forEach(RingForwarder::stop);
        forwarders.clear();
    }
}
