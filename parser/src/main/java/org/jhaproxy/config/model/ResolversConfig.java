package org.jhaproxy.config.model;

import java.util.List;
import java.util.Map;

/**
 * A "resolvers" section, frozen (configuration.txt 5.3.2): its nameservers as written
 * ("nameserver dns1 10.0.0.1:53"), whether it also reads /etc/resolv.conf, and its timers and
 * limits with haproxy's defaults (hold valid 10s, the other holds 30s, hold obsolete 0,
 * timeout resolve and retry 1s, resolve_retries 3, accepted_payload_size 512).
 */
public record ResolversConfig(String name, Position at, List<Nameserver> nameservers, boolean parseResolvConf,
                              Map<String, String> settings) {
    /** One "nameserver" line: its id and its address text ("[udp@]ip[:port]"). */
    public record Nameserver(String id, String address, Position at) {
    }

    public ResolversConfig {
        nameservers = List.copyOf(nameservers);
        settings = Map.copyOf(settings);
    }

    static ResolversConfig freeze(NamedSection section) {
        List<Nameserver> ns = section.entries().values().stream()
                .filter(e -> e.kind().equals("nameserver"))
                .map(e -> new Nameserver(e.name(), e.args().get(0), e.at())).toList();
        Map<String, String> settings = new java.util.HashMap<>();
        section.settings().forEach((k, v) -> settings.put(k, v.args().isEmpty() ? "" : v.args().get(0)));
        return new ResolversConfig(section.name(), section.at(), ns, section.settings().containsKey("parse-resolv-conf"),
                settings);
    }

    /** "hold &lt;event&gt;" in milliseconds (valid, nx, other, refused, timeout, obsolete). */
    public long hold(String event) {
        return time("hold " + event, switch (event) {
            case "valid" -> 10_000L;
            case "obsolete" -> 0L;
            default -> 30_000L;
        });
    }

    /** "timeout resolve" (how often a name is resolved again) and "timeout retry", in milliseconds. */
    public long timeout(String which) {
        return time("timeout " + which, 1000L);
    }

    public int resolveRetries() {
        return Integer.parseInt(settings.getOrDefault("resolve_retries", "3").trim());
    }

    public int acceptedPayloadSize() {
        return Integer.parseInt(settings.getOrDefault("accepted_payload_size", "512").trim());
    }

    private long time(String key, long dflt) {
        String v = settings.get(key);
        Long ms = v == null ? null : org.jhaproxy.config.sample.Units.parseTime(v);
        return ms == null ? dflt : ms;
    }
}
