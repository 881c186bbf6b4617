package org.jhaproxy.runtime.resolvers;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * "resolve-net 10.0.0.0/8,2001:db8::/32": the networks whose addresses a server prefers among
 * the records of an answer (after the family of "resolve-prefer").
 */
final class PreferredNetworks {
    private record Network(byte[] address, int bits) {
        boolean contains(InetAddress ip) {
            byte[] b = ip.getAddress();
            if (b.length != address.length) {
                return false;
            }
            int n = b.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(n).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(n - bits).subtract(BigInteger.ONE));
            return new BigInteger(1, b).and(mask).equals(new BigInteger(1, address).and(mask));
        }
    }

    private final List<Network> networks;

    private PreferredNetworks(List<Network> networks) {
        this.networks = networks;
    }

    static PreferredNetworks of(String option) {
        List<Network> all = new ArrayList<>();
        for (String n : option.split(",")) {
            int slash = n.indexOf('/');
            InetAddress a = org.jhaproxy.runtime.sample.Addresses.parse(slash < 0 ? n : n.substring(0, slash));
            if (a == null) {
                continue;
            }
            int max = a.getAddress().length * 8;
            int bits = max;
            if (slash >= 0) {
                String m = n.substring(slash + 1);
                InetAddress dotted = m.contains(".") ? org.jhaproxy.runtime.sample.Addresses.parse(m) : null;
                bits = dotted != null ? new BigInteger(1, dotted.getAddress()).bitCount() : Integer.parseInt(m);
            }
            all.add(new Network(a.getAddress(), Math.max(0, Math.min(max, bits))));
        }
        return new PreferredNetworks(List.copyOf(all));
    }

    boolean contains(InetAddress ip) {
        for (Network n : networks) {
            if (n.contains(ip)) {
                return true;
            }
        }
        return false;
    }
}
