package org.jhaproxy.runtime.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import io.netty.channel.EventLoop;
import org.jhaproxy.runtime.Transport;
import org.jhaproxy.runtime.log.Events;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;

/**
 * Starts the health checks of every server with "check" (start_checks()): each on an event
 * loop of its own choosing, the first runs spread over the shortest interval so that checks
 * do not all fire at once.
 */
public final class HealthChecks {
    /**
     * The keywords this package executes ({@code RuntimeSupport.FEATURES} entries).
     * "default-server" is here because its options reach each server's own options (the
     * parser copies them, srv_settings_cpy()), where the server option check sees them.
     */
    public static final Set<String> KEYWORDS = Set.of("proxy default-server",
            "proxy option tcp-check", "proxy tcp-check", "proxy option httpchk", "proxy http-check",
            "proxy timeout check", "proxy option log-health-checks", "global spread-checks", "proxy option mysql-check",
            "proxy option redis-check", "proxy option smtpchk", "proxy option pgsql-check", "proxy option ldap-check",
            "proxy option ssl-hello-chk", "global external-check", "proxy option external-check",
            "proxy external-check command", "proxy external-check path",
            // jhaproxy never forbids starting processes: the allowance changes nothing
            "global insecure-fork-wanted");

    /** The server options this package executes. */
    public static final Set<String> SERVER_OPTIONS = Set.of(
            "check", "no-check", "slowstart", "inter", "fastinter", "downinter", "rise", "fall", "port", "addr",
            "agent-check", "no-agent-check", "agent-port", "agent-addr", "agent-inter", "agent-send",
            "observe", "error-limit", "on-error", "check-send-proxy", "check-via-socks4");

    /** Checks shorter than this do not dictate the spreading of the others (SRV_CHK_INTER_THRES). */
    private static final long SPREAD_THRESHOLD = 1000;

    private HealthChecks() {
    }

    /**
     * Compiles every backend's check program as the start will, so that a rule jhaproxy does not
     * execute refuses the start (and "-c" reports it) instead of failing once checks run.
     */
    public static void compileAll(org.jhaproxy.runtime.proxy.Proxies proxies) throws org.jhaproxy.runtime.sample.NotSupported {
        for (Proxy p : proxies.all()) {
            if (p.config().isBackend()) {
                CheckRules.of(p.config(), new org.jhaproxy.runtime.sample.CompileScope(p, proxies));
            }
        }
    }

    /**
     * Starts the checks; {@code spreadChecks} is the global "spread-checks" percentage (0 without),
     * {@code all} numbers the proxies (an external check's HAPROXY_PROXY_ID).
     */
    public static void start(org.jhaproxy.runtime.proxy.Proxies all, Transport transport, Events events, int spreadChecks) {
        List<Proxy> proxies = all.all();
        CheckSpread spread = spreadChecks > 0 ? new CheckSpread(spreadChecks) : CheckSpread.NONE;
        List<HealthCheck> checks = new ArrayList<>();
        for (Proxy p : proxies) {
            if (!p.config().isBackend() || p.config().disabled()) {
                continue;
            }
            CheckRules program = null;
            for (Server s : p.servers()) {
                if (s.config().address() == null) {
                    continue;
                }
                // a server waiting for its name's resolution has no IP yet: its checks go where it
                // will be (each run reads the server's address), only the port is known now
                java.net.InetSocketAddress at = s.address(null) != null ? s.address(null)
                        : new java.net.InetSocketAddress(s.config().address().port());
                if (s.config().check() && !s.config().disabled()) {
                    if (program == null) {
                        try {
                            program = CheckRules.of(p.config(), new org.jhaproxy.runtime.sample.CompileScope(p, all));
                        } catch (org.jhaproxy.runtime.sample.NotSupported checkedAtStart) {
                            throw new IllegalStateException(checkedAtStart);
                        }
                    }
                    CheckSettings settings = CheckSettings.of(s.config(), p.config(), at);
                    HealthCheck check = new HealthCheck(s, program, settings, transport.group().next(), transport, events, spread);
                    if (program.kind() == CheckRules.Kind.EXTERNAL) {
                        check.external(ExternalCheck.of(p.config(), all.uuid(p), s));
                    }
                    checks.add(check);
                    HealthAnalysis analysis = HealthAnalysis.of(s.config(), check);
                    if (analysis != null) {
                        s.observation(analysis);
                    }
                }
                if (s.agent().configured()) {
                    // the agent's check runs on the same loop as the health check, as both act on the server
                    EventLoop loop = checks.isEmpty() || checks.get(checks.size() - 1).server() != s
                            ? transport.group().next() : checks.get(checks.size() - 1).loop();
                    checks.add(new HealthCheck(s, CheckRules.agent(s.config().option("agent-send", "")),
                            CheckSettings.agent(s.config(), p.config(), at), loop, transport, events, spread));
                }
            }
        }
        long mininter = 0;
        for (HealthCheck c : checks) {
            if (c.inter() >= SPREAD_THRESHOLD && (mininter == 0 || c.inter() < mininter)) {
                mininter = c.inter();
            }
        }
        for (int pos = 0; pos < checks.size(); pos++) {
            HealthCheck c = checks.get(pos);
            long firstSpread = Math.max(mininter, c.inter());
            c.start(firstSpread * pos / checks.size());
        }
    }
}
