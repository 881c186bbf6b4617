package org.jhaproxy.config.addr;

import java.util.function.UnaryOperator;

/**
 * HAProxy's str2sa_range() (tools.c): reads "[proto@]addr[:port[-end]|:+ofs|:-ofs]", a UNIX
 * socket path, an abstract socket, or an inherited file descriptor, as the bind, server,
 * source, peer, log and other address-taking keywords do, with the same error texts.
 *
 * <p>The options are HAProxy's PA_O_* bits; each caller passes the ones its keyword allows.
 */
public final class AddressParser {
    /** Resolve a host name right now (else an unresolved name is kept as the FQDN). */
    public static final int RESOLVE = 0x001;
    /** A port may be given. */
    public static final int PORT_OK = 0x002;
    /** A port must be given (and 0 is refused). */
    public static final int PORT_MAND = 0x004;
    /** "low-high" port ranges are accepted. */
    public static final int PORT_RANGE = 0x008;
    /** "+N"/"-N" port offsets are accepted. */
    public static final int PORT_OFS = 0x010;
    /** "fd@N" may name an inherited socket. */
    public static final int SOCKET_FD = 0x020;
    /** "fd@N" may name any inherited descriptor (pipe, tty...). */
    public static final int RAW_FD = 0x040;
    /** The address may be used for datagrams. */
    public static final int DGRAM = 0x080;
    /** The address may be used for streams. */
    public static final int STREAM = 0x100;
    /** A transport protocol may be specified. */
    public static final int XPRT = 0x200;
    /** The protocol must be able to connect() (server side). */
    public static final int CONNECT = 0x400;
    /** Datagram by default when both kinds are accepted. */
    public static final int DEFAULT_DGRAM = 0x800;

    // Linux's AF_* numbers and HAProxy's custom families (AF_MAX + 1, AF_MAX + 2), as printed
    // in "unsupported ... family %d" messages.
    private static final int AF_UNIX = 1;
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int AF_MAX = 46;

    private final NameResolver resolver;
    private final UnaryOperator<String> env;

    /**
     * @param resolver the host name resolution for {@link #RESOLVE}
     * @param env the environment lookup for "$VAR" in the address (null when unset)
     */
    public AddressParser(NameResolver resolver, UnaryOperator<String> env) {
        this.resolver = resolver;
        this.env = env;
    }

    /** A parser on /etc/hosts and the given environment. */
    public static AddressParser system(UnaryOperator<String> env) {
        return new AddressParser(NameResolver.system(), env);
    }

    public NameResolver resolver() {
        return resolver;
    }

    /** str2sa_range(str, ..., pfx=NULL, fqdn=NULL, opts). */
    public AddressParseResult parse(String str, int opts) {
        return parse(str, opts, null, false);
    }

    /**
     * str2sa_range().
     *
     * @param pfx prefix of UNIX socket paths ("unix-bind prefix"), or null
     * @param keepFqdn true when the caller accepts an unresolved name (the fqdn pointer is set)
     */
    public AddressParseResult parse(String str, int opts, String pfx, boolean keepFqdn) {
        String expanded = expandEnv(str);
        if (expanded.isEmpty()) {
            return AddressParseResult.fail(String.format("'%s' resolves to an empty address (environment variable missing?)\n", str));
        }
        String s = expanded;
        boolean dgram;
        boolean streamCtrl;
        if ((opts & (STREAM | DGRAM)) == DGRAM
                || ((opts & (STREAM | DGRAM)) == (STREAM | DGRAM) && (opts & DEFAULT_DGRAM) != 0)) {
            dgram = true;
            streamCtrl = false;
        } else {
            dgram = false;
            streamCtrl = true;
        }
        if (s.startsWith("stream+")) {
            s = s.substring(7);
            dgram = false;
            streamCtrl = true;
        } else if (s.startsWith("dgram+")) {
            s = s.substring(6);
            dgram = true;
            streamCtrl = false;
        }

        AddressFamily family;
        int prefixLen = s.indexOf('@') + 1;
        String proto = prefixLen > 0 ? s.substring(0, prefixLen) : "";
        switch (proto) {
            case "unix@" -> family = AddressFamily.UNIX;
            case "uxdg@" -> {
                family = AddressFamily.UNIX;
                dgram = true;
                streamCtrl = false;
            }
            case "uxst@" -> {
                family = AddressFamily.UNIX;
                dgram = false;
                streamCtrl = true;
            }
            case "abns@" -> family = AddressFamily.ABNS;
            case "ip@" -> family = AddressFamily.UNSPEC;
            case "ipv4@" -> family = AddressFamily.INET;
            case "ipv6@" -> family = AddressFamily.INET6;
            case "tcp4@", "tcp6@", "tcp@" -> {
                family = proto.equals("tcp4@") ? AddressFamily.INET : proto.equals("tcp6@") ? AddressFamily.INET6 : AddressFamily.UNSPEC;
                dgram = false;
                streamCtrl = true;
            }
            case "udp4@", "udp6@", "udp@" -> {
                family = proto.equals("udp4@") ? AddressFamily.INET : proto.equals("udp6@") ? AddressFamily.INET6 : AddressFamily.UNSPEC;
                dgram = true;
                streamCtrl = false;
            }
            case "quic4@", "quic6@" -> {
                family = proto.equals("quic4@") ? AddressFamily.INET : AddressFamily.INET6;
                dgram = true;
                streamCtrl = true;
            }
            case "fd@" -> family = AddressFamily.FD;
            case "sockpair@" -> family = AddressFamily.SOCKPAIR;
            default -> {
                proto = "";
                family = s.startsWith("/") ? AddressFamily.UNIX : AddressFamily.UNSPEC;
            }
        }
        s = s.substring(proto.length());

        String host = null;
        String fqdn = null;
        int fd = -1;
        int portl = 0;
        int porth = 0;
        int porta = 0;
        boolean offset = false;

        if (family == AddressFamily.SOCKPAIR || family == AddressFamily.FD) {
            Integer n = parseFd(s);
            if (n == null) {
                return AddressParseResult.fail(String.format("file descriptor '%s' is not a valid integer in '%s'\n", s, str));
            }
            fd = n;
            if (family == AddressFamily.SOCKPAIR || (opts & SOCKET_FD) != 0) {
                // -c runs with no inherited socket: getsockname() fails on any descriptor.
                return AddressParseResult.fail(String.format("cannot use file descriptor '%d' : %s.\n", fd, fdError(fd)));
            }
            if ((opts & RAW_FD) == 0) {
                return AddressParseResult.fail(String.format("a file descriptor is not acceptable here in '%s'\n", str));
            }
            host = s;
        } else if (family.isUnix()) {
            boolean abstractNs = family == AddressFamily.ABNS;
            int prefixPathLen = (pfx != null && !abstractNs) ? pfx.length() : 0;
            // sun_path is 108 bytes; a bound path gets ".<pid>.<bak|tmp>" appended while binding
            int maxPathLen = 107 - (abstractNs ? 0 : prefixPathLen + 1 + 5 + 1 + 3);
            if (s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > maxPathLen) {
                return AddressParseResult.fail(String.format("socket path '%s' too long (max %d)\n", str, maxPathLen));
            }
            host = prefixPathLen > 0 ? pfx + s : s;
        } else {
            int chr = s.length() - 1;
            while (chr > 0 && s.charAt(chr) != ']' && s.charAt(chr) != ':') {
                chr--;
            }
            String port1;
            if (chr >= 0 && s.length() > 0 && s.charAt(chr) == ':') {
                if ((opts & PORT_OK) == 0) {
                    return AddressParseResult.fail(String.format("port specification not permitted here in '%s'", str));
                }
                port1 = s.substring(chr + 1);
                s = s.substring(0, chr);
            } else {
                if ((opts & PORT_MAND) != 0) {
                    return AddressParseResult.fail(String.format("missing port specification in '%s'", str));
                }
                port1 = "";
            }
            int mand = (opts & PORT_MAND) != 0 ? 1 : 0;
            if (!port1.isEmpty() && Character.isDigit(port1.charAt(0)) && port1.charAt(0) < 128) {
                int dash = port1.indexOf('-');
                String port2 = port1;
                if (dash >= 0) {
                    if ((opts & PORT_RANGE) == 0) {
                        return AddressParseResult.fail(String.format("port range not permitted here in '%s'", str));
                    }
                    port2 = port1.substring(dash + 1);
                    port1 = port1.substring(0, dash);
                }
                portl = atoi(port1);
                porth = atoi(port2);
                if (portl < mand || portl > 65535) {
                    return AddressParseResult.fail(String.format("invalid port '%s'", port1));
                }
                if (porth < mand || porth > 65535) {
                    return AddressParseResult.fail(String.format("invalid port '%s'", port2));
                }
                if (portl > porth) {
                    return AddressParseResult.fail(String.format("invalid port range '%d-%d'", portl, porth));
                }
                porta = portl;
            } else if (port1.startsWith("-")) {
                if ((opts & PORT_OFS) == 0) {
                    return AddressParseResult.fail(String.format("port offset not permitted here in '%s'", str));
                }
                portl = atoi(port1.substring(1));
                porta = -portl;
                offset = true;
            } else if (port1.startsWith("+")) {
                if ((opts & PORT_OFS) == 0) {
                    return AddressParseResult.fail(String.format("port offset not permitted here in '%s'", str));
                }
                porth = atoi(port1.substring(1));
                porta = porth;
                offset = true;
            } else if (!port1.isEmpty()) {
                return AddressParseResult.fail(String.format("invalid character '%c' in port number '%s' in '%s'\n",
                        port1.charAt(0), port1, str));
            } else if ((opts & PORT_MAND) != 0) {
                return AddressParseResult.fail(String.format("missing port specification in '%s'", str));
            }

            NameResolver.Resolved ip = numeric(s, family);
            if (ip == null) {
                boolean resolve = (opts & RESOLVE) != 0;
                if (!resolve && !keepFqdn) {
                    return AddressParseResult.fail(String.format("invalid address: '%s' in '%s'\n", s, str));
                }
                if (resolve) {
                    ip = resolveName(s, family);
                    if (ip == null) {
                        return AddressParseResult.fail(String.format("invalid address: '%s' in '%s'\n", s, str));
                    }
                }
                if (keepFqdn) {
                    fqdn = s;
                }
            }
            if (ip != null) {
                family = ip.family();
                host = ip.address();
            }
        }

        if (streamCtrl && (opts & STREAM) == 0) {
            return AddressParseResult.fail(String.format("stream-type address not acceptable in '%s'\n", str));
        } else if (!streamCtrl && (opts & DGRAM) == 0) {
            return AddressParseResult.fail(String.format("dgram-type address not acceptable in '%s'\n", str));
        }

        // protocol_lookup(): which (family, transport, control) combinations exist in HAProxy 2.6
        // built without QUIC, and which of them can connect().
        boolean hasProto = protocolExists(family, dgram, streamCtrl);
        if (!hasProto && fqdn == null && family != AddressFamily.FD) {
            return AddressParseResult.fail(String.format("unsupported %s protocol for %s family %d address '%s'%s",
                    streamCtrl ? "stream" : "datagram", dgram ? "datagram" : "stream", afNumber(family), str,
                    streamCtrl && dgram ? "; QUIC is not compiled in if this is what you were looking for." : ""));
        }
        if ((opts & CONNECT) != 0 && hasProto && !streamCtrl) {
            // UDP and UNIX datagram protocols have no connect() in 2.6
            return AddressParseResult.fail(String.format("connect() not supported for this protocol family %d used by address '%s'",
                    afNumber(family), str));
        }
        return AddressParseResult.ok(new SocketAddress(family, host, fqdn, porta, portl, porth, offset, fd, dgram, streamCtrl));
    }

    private static boolean protocolExists(AddressFamily family, boolean dgram, boolean streamCtrl) {
        if (dgram && streamCtrl) {
            return false; // QUIC
        }
        return switch (family) {
            case INET, INET6, UNIX, ABNS -> true;
            case SOCKPAIR -> !dgram;
            default -> false;
        };
    }

    private static int afNumber(AddressFamily f) {
        return switch (f) {
            case UNIX, ABNS -> AF_UNIX;
            case INET -> AF_INET;
            case INET6 -> AF_INET6;
            case FD -> AF_MAX + 1;
            case SOCKPAIR -> AF_MAX + 2;
            case UNSPEC -> 0;
        };
    }

    /** str2ip2(str, ss, resolve=0): literals, brackets, "*", "" and "::"; null when not numeric. */
    public static NameResolver.Resolved numeric(String str, AddressFamily family) {
        String s = unbracket(str);
        if (s == null) {
            return null;
        }
        if (s.equals("::")) {
            if (family == AddressFamily.UNSPEC || family == AddressFamily.INET6) {
                return new NameResolver.Resolved(AddressFamily.INET6, "::");
            }
            return null;
        }
        if (s.isEmpty() || s.equals("*")) {
            if (family == AddressFamily.INET6) {
                return new NameResolver.Resolved(AddressFamily.INET6, "::");
            }
            return new NameResolver.Resolved(AddressFamily.INET, "0.0.0.0");
        }
        if (family != AddressFamily.INET) {
            byte[] v6 = IpLiteral.parseIpv6(s);
            if (v6 != null) {
                return new NameResolver.Resolved(AddressFamily.INET6, IpLiteral.format(v6));
            }
        }
        if (family != AddressFamily.INET6) {
            byte[] v4 = IpLiteral.parseIpv4(s);
            if (v4 != null) {
                return new NameResolver.Resolved(AddressFamily.INET, IpLiteral.format(v4));
            }
        }
        return null;
    }

    /** str2ip2(str, ss, resolve=1): a literal, else the name through libc (hosts file only). */
    public NameResolver.Resolved resolveName(String str, AddressFamily family) {
        NameResolver.Resolved ip = numeric(str, family);
        if (ip != null) {
            return ip;
        }
        String s = unbracket(str);
        if (s == null || !NameResolver.isValidHostname(s)) {
            return null;
        }
        return resolver.resolve(s, family);
    }

    /** "[v6]" becomes "v6"; a bracket without its pair or an oversized literal is invalid (null). */
    private static String unbracket(String s) {
        if (!s.startsWith("[")) {
            return s;
        }
        if (s.length() < 4 || s.length() >= 48 || !s.endsWith("]")) {
            return null;
        }
        return s.substring(1, s.length() - 1);
    }

    /** strtol() for "fd@N": the whole text must be a decimal number, and not negative. */
    private static Integer parseFd(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        int start = i;
        long v = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            v = Math.min(v * 10 + (s.charAt(i) - '0'), 1L << 40);
            i++;
        }
        if (s.isEmpty() || i == start || i != s.length()) {
            return null;
        }
        long r = neg ? -v : v;
        return r < 0 || r > Integer.MAX_VALUE ? null : (int) r;
    }

    /** What getsockname() says in a freshly started "haproxy -c": stdio and the config fd are no sockets. */
    private static String fdError(int fd) {
        return fd <= 3 ? "Socket operation on non-socket" : "Bad file descriptor";
    }

    /** atoi(): leading digits, 0 if none; saturates instead of overflowing. */
    static int atoi(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        long v = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            v = v * 10 + (s.charAt(i) - '0');
            if (v > Integer.MAX_VALUE) {
                v = Integer.MAX_VALUE;
            }
            i++;
        }
        return (int) (neg ? -v : v);
    }

    /** env_expand(): "$NAME" and "${NAME}" replaced by the variable's value, or nothing. */
    String expandEnv(String in) {
        if (in.indexOf('$') < 0) {
            return in;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < in.length()) {
            char c = in.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            int beg = i + 1;
            boolean brace = beg < in.length() && in.charAt(beg) == '{';
            if (brace) {
                beg++;
            }
            int end = beg;
            while (end < in.length() && (Character.isLetterOrDigit(in.charAt(end)) && in.charAt(end) < 128 || in.charAt(end) == '_')) {
                end++;
            }
            String value = env == null ? null : env.apply(in.substring(beg, end));
            if (value != null) {
                out.append(value);
            }
            i = end;
            if (brace && end < in.length() && in.charAt(end) == '}') {
                i++;
            }
        }
        return out.toString();
    }
}
