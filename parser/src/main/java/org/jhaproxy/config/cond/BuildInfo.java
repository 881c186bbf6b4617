package org.jhaproxy.config.cond;

/**
 * What the condition predicates and "-vv" report about the build. jhaproxy accepts the
 * configuration language of the HAProxy 2.6.12 build it replaces (Debian's, with OpenSSL, Lua,
 * PCRE2, Prometheus...), so feature() and the version predicates answer as that build does: a
 * configuration guarded by ".if feature(OPENSSL)" takes the same branch under both programs.
 */
public final class BuildInfo {
    /** The HAProxy release whose behaviour is reproduced; version_atleast() compares with it. */
    public static final String HAPROXY_VERSION = "2.6.12";

    /** The "Feature list" of -vv, searched by feature() ('+' enabled, '-' disabled). */
    public static final String FEATURES = "-51DEGREES +ACCEPT4 +BACKTRACE -CLOSEFROM +CPU_AFFINITY +CRYPT_H -DEVICEATLAS +DL "
            + "-ENGINE +EPOLL -EVPORTS +GETADDRINFO -KQUEUE +LIBCRYPT +LINUX_SPLICE +LINUX_TPROXY +LUA "
            + "-MEMORY_PROFILING +NETFILTER +NS -OBSOLETE_LINKER +OPENSSL +OT -PCRE +PCRE2 +PCRE2_JIT -PCRE_JIT "
            + "+POLL +PRCTL -PROCCTL +PROMEX -QUIC +RT +SLZ -STATIC_PCRE -STATIC_PCRE2 +SYSTEMD +TFO +THREAD "
            + "+THREAD_DUMP +TPROXY -WURFL -ZLIB";

    /** OPENSSL_VERSION_NUMBER of the reference build (OpenSSL 3.0.22: 0xMNN00PP0). */
    public static final long OPENSSL_VERSION_NUMBER = 0x30000160L;

    /** OpenSSL_version(OPENSSL_VERSION), matched by ssllib_name_startswith(). */
    public static final String SSL_LIBRARY = "OpenSSL 3.0.22 25 Aug 2026";

    private BuildInfo() {
    }
}
