package org.jhaproxy.runtime.ssl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The TLS settings of one bind or server line once its options and the global defaults
 * ("ssl-default-bind-options", "ssl-default-server-ciphers"...) are merged as haproxy's
 * ssl_sock_prepare_ctx() merges them: versions, ciphers, ALPN, peer verification, files.
 */
final class TlsOptions {
    /** methodVersions[]: SSLv3 .. TLSv1.3, with the names SSLEngine protocols use. */
    private static final String[] HAPROXY = {"SSLv3", "TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3"};
    private static final String[] JAVA = {"SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"};
    private static final String[] FLAGS = {"sslv3", "tlsv10", "tlsv11", "tlsv12", "tlsv13"};
    /** haproxy 2.6's default minimum version (global_ssl.*_default_sslmethods.min): TLSv1.2. */
    private static final int DEFAULT_MIN = 3;

    int min = -1;
    int max = -1;
    /** Versions switched off with "no-tlsv10"..., one bit per version. */
    int disabled;
    String ciphers;
    String ciphersuites;
    List<String> alpn;
    String verify;
    String caFile;
    String crt;
    String sni;
    /** "prefer-client-ciphers": no server preference. */
    boolean preferClientCiphers;
    int cacheSize = 20000;
    int lifetime = 300;

    /** Applies one option word and its value; false when the word is not a TLS setting. */
    boolean apply(String word, String value) {
        switch (word) {
            case "ssl-min-ver" -> min = version(value);
            case "ssl-max-ver" -> max = version(value);
            case "ciphers" -> ciphers = value;
            case "ciphersuites" -> ciphersuites = value;
            case "alpn" -> alpn = List.of(value.split(","));
            case "verify" -> verify = value;
            case "ca-file" -> caFile = value;
            case "crt" -> crt = value;
            case "sni" -> sni = value;
            case "prefer-client-ciphers" -> preferClientCiphers = true;
            default -> {
                for (int v = 0; v < FLAGS.length; v++) {
                    if (word.equals("no-" + FLAGS[v])) {
                        disabled |= 1 << v;
                        return true;
                    }
                    if (word.equals("force-" + FLAGS[v])) {
                        min = v;
                        max = v;
                        return true;
                    }
                }
                return false;
            }
        }
        return true;
    }

    /** The words of "ssl-default-*-options": flags and "ssl-min-ver"/"ssl-max-ver" with a value. */
    void applyWords(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if ((w.equals("ssl-min-ver") || w.equals("ssl-max-ver")) && i + 1 < words.size()) {
                apply(w, words.get(++i));
            } else {
                apply(w, "");
            }
        }
    }

    /** A server line's options, in the order the map keeps them. */
    void applyServer(Map<String, String> options) {
        options.forEach(this::apply);
    }

    private static int version(String name) {
        for (int v = 0; v < HAPROXY.length; v++) {
            if (HAPROXY[v].equals(name)) {
                return v;
            }
        }
        return -1;
    }

    /**
     * The protocol versions enabled: from the minimum (TLSv1.2 unless set) to the maximum, cut at
     * the first version switched off inside the range, since OpenSSL knows only a min and a max
     * (haproxy warns about such a hole and does the same).
     */
    String[] protocols() {
        int lo = min >= 0 ? min : (max < 0 || max >= DEFAULT_MIN ? DEFAULT_MIN : 0);
        int hi = max >= 0 ? max : HAPROXY.length - 1;
        while (lo <= hi && (disabled & (1 << lo)) != 0) {
            lo++;
        }
        List<String> out = new ArrayList<>();
        for (int v = lo; v <= hi && (disabled & (1 << v)) == 0; v++) {
            out.add(JAVA[v]);
        }
        return out.toArray(new String[0]);
    }

}
