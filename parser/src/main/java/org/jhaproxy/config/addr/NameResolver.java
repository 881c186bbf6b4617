package org.jhaproxy.config.addr;

import java.nio.file.Path;
import java.util.List;

/**
 * Host name resolution as HAProxy does it while starting (str2ip2() with resolve=1, and the
 * "libc" init-addr method): getaddrinfo() for the wanted family, then gethostbyname() (IPv4
 * only) as a fallback, both served from the hosts file alone. No DNS is ever queried: Java's
 * InetAddress would block on it, and a configuration check must not depend on the network.
 */
public final class NameResolver {
    /** A resolved address: its family and inet_ntop() text. */
    public record Resolved(AddressFamily family, String address) {
    }

    private final HostsFile hosts;

    public NameResolver(HostsFile hosts) {
        this.hosts = hosts;
    }

    private static volatile NameResolver system;

    /** The resolver on the machine's /etc/hosts, read once. */
    public static NameResolver system() {
        NameResolver r = system;
        if (r == null) {
            r = new NameResolver(HostsFile.read(Path.of("/etc/hosts")));
            system = r;
        }
        return r;
    }

    /**
     * Resolves {@code name} for {@code family} (INET, INET6, or UNSPEC for either); null if
     * libc would fail. The name must already have passed {@link #isValidHostname(String)} when
     * HAProxy checks it (str2ip2 does).
     */
    public Resolved resolve(String name, AddressFamily family) {
        Resolved r = getaddrinfo(name, family);
        if (r != null) {
            return r;
        }
        r = gethostbyname(name);
        if (r != null && family != AddressFamily.UNSPEC && family != r.family()) {
            return null;
        }
        return r;
    }

    /** getaddrinfo(): numeric forms first (inet_aton for IPv4), then the hosts file. */
    public Resolved getaddrinfo(String name, AddressFamily family) {
        if (family != AddressFamily.INET6) {
            byte[] v4 = IpLiteral.parseInetAton(name);
            if (v4 != null) {
                return new Resolved(AddressFamily.INET, IpLiteral.format(v4));
            }
        }
        if (family != AddressFamily.INET) {
            byte[] v6 = IpLiteral.parseIpv6(name);
            if (v6 != null) {
                return new Resolved(AddressFamily.INET6, IpLiteral.format(v6));
            }
        }
        List<HostsFile.Entry> found = hosts.lookup(name, family);
        if (found.isEmpty()) {
            return null;
        }
        HostsFile.Entry e = found.get(0);
        return new Resolved(e.family(), IpLiteral.format(e.address()));
    }

    /** gethostbyname(): IPv4 only. */
    public Resolved gethostbyname(String name) {
        byte[] v4 = IpLiteral.parseInetAton(name);
        if (v4 != null) {
            return new Resolved(AddressFamily.INET, IpLiteral.format(v4));
        }
        List<HostsFile.Entry> found = hosts.lookup(name, AddressFamily.INET);
        return found.isEmpty() ? null : new Resolved(AddressFamily.INET, IpLiteral.format(found.get(0).address()));
    }

    /**
     * resolv_hostname_validation(): at most 255 characters, labels of letters, digits, '-' and
     * '_' of at most 63 characters each.
     */
    public static boolean isValidHostname(String s) {
        if (s.length() > 255) {
            return false;
        }
        int label = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                label = 0;
                continue;
            }
            if (label >= 63) {
                return false;
            }
            if (!(c == '-' || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
            label++;
        }
        return true;
    }
}
