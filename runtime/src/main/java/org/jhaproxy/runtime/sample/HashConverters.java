package org.jhaproxy.runtime.sample;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jhaproxy.config.sample.SampleArg;
import org.jhaproxy.runtime.lb.HashFunction;

/**
 * The hash converters of configuration.txt 7.3.1: crc32, crc32c, djb2, sdbm, wt6 (optionally
 * avalanched by full_hash(), as "hash-type ... avalanche"), xxh32, xxh64 and xxh3 (with a seed),
 * sha1, sha2, digest and hmac (the OpenSSL digest names haproxy accepts, run by the JDK).
 */
final class HashConverters {
    /** OpenSSL digest names (case does not matter to OpenSSL) and the JDK's name for each. */
    private static final Map<String, String> DIGESTS = Map.ofEntries(
            Map.entry("md5", "MD5"), Map.entry("sha1", "SHA-1"), Map.entry("sha-1", "SHA-1"),
            Map.entry("sha224", "SHA-224"), Map.entry("sha2-224", "SHA-224"), Map.entry("sha-224", "SHA-224"),
            Map.entry("sha256", "SHA-256"), Map.entry("sha2-256", "SHA-256"), Map.entry("sha-256", "SHA-256"),
            Map.entry("sha384", "SHA-384"), Map.entry("sha2-384", "SHA-384"), Map.entry("sha-384", "SHA-384"),
            Map.entry("sha512", "SHA-512"), Map.entry("sha2-512", "SHA-512"), Map.entry("sha-512", "SHA-512"),
            Map.entry("sha512-224", "SHA-512/224"), Map.entry("sha2-512/224", "SHA-512/224"),
            Map.entry("sha-512/224", "SHA-512/224"), Map.entry("sha512/224", "SHA-512/224"),
            Map.entry("sha512-256", "SHA-512/256"), Map.entry("sha2-512/256", "SHA-512/256"),
            Map.entry("sha-512/256", "SHA-512/256"), Map.entry("sha512/256", "SHA-512/256"),
            Map.entry("sha3-224", "SHA3-224"), Map.entry("sha3-256", "SHA3-256"),
            Map.entry("sha3-384", "SHA3-384"), Map.entry("sha3-512", "SHA3-512"));

    private HashConverters() {
    }

    static void register(Map<String, Converters.Factory> m) {
        m.put("crc32", (a, s) -> hash32(a, b -> {
            java.util.zip.CRC32 c = new java.util.zip.CRC32();
            c.update(b);
            return c.getValue();
        }));
        m.put("crc32c", (a, s) -> hash32(a, b -> {
            java.util.zip.CRC32C c = new java.util.zip.CRC32C();
            c.update(b);
            return c.getValue();
        }));
        m.put("djb2", (a, s) -> hash32(a, HashFunction.DJB2::hash));
        m.put("sdbm", (a, s) -> hash32(a, HashFunction.SDBM::hash));
        m.put("wt6", (a, s) -> hash32(a, HashFunction.WT6::hash));
        m.put("xxh32", (a, s) -> {
            int seed = (int) number(a, 0);
            return (in, c) -> Sample.sint(Integer.toUnsignedLong(XxHash.xxh32((byte[]) in.value(), seed)));
        });
        m.put("xxh64", (a, s) -> {
            long seed = number(a, 0);
            return (in, c) -> Sample.sint(XxHash.xxh64((byte[]) in.value(), seed));
        });
        m.put("xxh3", (a, s) -> {
            long seed = number(a, 0);
            return (in, c) -> Sample.sint(Xxh3.hash((byte[]) in.value(), seed));
        });
        m.put("sha1", (a, s) -> digest("SHA-1"));
        m.put("sha2", (a, s) -> {
            long bits = number(a, 0);
            return digest("SHA-" + (bits == 0 ? 256 : bits));
        });
        m.put("digest", (a, s) -> digest(jdkName(a.get(0).text())));
        m.put("hmac", (a, s) -> hmac(jdkName(a.get(0).text()), a.get(1).text()));
    }

    /** An optional integer argument, 0 when absent. */
    private static long number(List<SampleArg> a, int i) {
        String t = Converters.text(a, i);
        return t.isEmpty() ? 0 : org.jhaproxy.config.global.CNumber.atol(t);
    }

    private interface Hash32 {
        long hash(byte[] b);
    }

    /** A 32-bit hash as an unsigned integer; a non-zero argument asks for the avalanche. */
    private static SampleConverter hash32(List<SampleArg> a, Hash32 h) {
        boolean avalanche = number(a, 0) != 0;
        return (in, c) -> {
            long v = h.hash((byte[]) in.value());
            return Sample.sint(avalanche ? HashFunction.avalanche(v) : v);
        };
    }

    private static String jdkName(String openssl) throws NotSupported {
        // the RSA signature aliases name the same digests ("RSA-SHA256", "sha256WithRSAEncryption")
        String n = openssl.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"rsa-", "ssl3-", "id-rsassa-pkcs1-v1_5-with-"}) {
            if (n.startsWith(prefix)) {
                n = n.substring(prefix.length());
            }
        }
        if (n.endsWith("withrsaencryption")) {
            n = n.substring(0, n.length() - "withrsaencryption".length());
        }
        String name = DIGESTS.get(n);
        if (name == null) {
            throw new NotSupported("digest algorithm '" + openssl + "' is not supported by jhaproxy yet.");
        }
        return name;
    }

    private static SampleConverter digest(String algorithm) throws NotSupported {
        try {
            MessageDigest.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new NotSupported("digest algorithm '" + algorithm + "' is not supported by jhaproxy yet.");
        }
        return (in, c) -> {
            try {
                return Sample.bin(MessageDigest.getInstance(algorithm).digest((byte[]) in.value()));
            } catch (GeneralSecurityException e) {
                return null;
            }
        };
    }

    /**
     * hmac(algorithm,key): the key is a variable holding base64 text, or else the base64 text
     * itself (decoded once); an empty key is an empty key.
     */
    private static SampleConverter hmac(String algorithm, String key) throws NotSupported {
        String mac = "Hmac" + algorithm.replace("-", "").replace("/", "");
        try {
            Mac.getInstance(mac);
        } catch (GeneralSecurityException e) {
            throw new NotSupported("hmac algorithm '" + algorithm + "' is not supported by jhaproxy yet.");
        }
        VarRef var = isVariable(key) ? VarRef.parse(key) : null;
        byte[] constant = var != null ? null : key.isEmpty() ? new byte[0] : Base64Text.decode(key);
        return (in, c) -> {
            byte[] k = constant;
            if (var != null) {
                Sample v = var.get(c);
                String text = v == null ? null : v.asString();
                k = text == null ? null : Base64Text.decode(text);
            }
            if (k == null) {
                return null;
            }
            try {
                Mac m = Mac.getInstance(mac);
                // HMAC with an empty key is valid; the JDK refuses an empty SecretKeySpec
                m.init(k.length == 0 ? new EmptyKey(mac) : new SecretKeySpec(k, mac));
                return Sample.bin(m.doFinal((byte[]) in.value()));
            } catch (GeneralSecurityException e) {
                return null;
            }
        };
    }

    static boolean isVariable(String text) {
        return !text.isEmpty() && org.jhaproxy.config.sample.VariableNames.problem(text, text) == null;
    }

    /** A zero-length HMAC key. */
    private record EmptyKey(String algorithm) implements javax.crypto.SecretKey {
        @Override
        public String getAlgorithm() {
            return algorithm;
        }

        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            return new byte[0];
        }
    }
}
