package org.jhaproxy.config.sample;

import java.util.List;
import java.util.Set;

/**
 * The argument checks some converters run while the expression is parsed (their val_args in
 * sample.c / ssl_sample.c): json's input type, sha2's bit count, field/word's index and
 * separators, and the variable names of concat, strcmp and secure_memcmp.
 */
final class ConverterChecks {
    private static final Set<String> JSON_TYPES = Set.of("", "ascii", "utf8", "utf8s", "utf8p", "utf8ps");
    private static final Set<Long> SHA2_BITS = Set.of(224L, 256L, 384L, 512L);
    /**
     * The digest names EVP_get_digestbyname() of haproxy's OpenSSL 3.0 knows (legacy names and
     * the default provider's), lower-case: it ignores case.
     */
    static final Set<String> OPENSSL_DIGESTS = Set.of(
            "blake2b-512", "blake2b512", "blake2s-256", "blake2s256", "id-rsassa-pkcs1-v1_5-with-sha3-224",
            "id-rsassa-pkcs1-v1_5-with-sha3-256", "id-rsassa-pkcs1-v1_5-with-sha3-384",
            "id-rsassa-pkcs1-v1_5-with-sha3-512", "md4", "md4withrsaencryption", "md5", "md5-sha1",
            "md5withrsaencryption", "ripemd", "ripemd-160", "ripemd160", "ripemd160withrsa", "rmd160",
            "rsa-md4", "rsa-md5", "rsa-ripemd160", "rsa-sha1", "rsa-sha1-2", "rsa-sha224", "rsa-sha256",
            "rsa-sha3-224", "rsa-sha3-256", "rsa-sha3-384", "rsa-sha3-512", "rsa-sha384", "rsa-sha512",
            "rsa-sha512/224", "rsa-sha512/256", "rsa-sm3", "sha-1", "sha-224", "sha-256", "sha-384",
            "sha-512", "sha-512/224", "sha-512/256", "sha1", "sha1withrsaencryption", "sha2-224", "sha2-256",
            "sha2-384", "sha2-512", "sha2-512/224", "sha2-512/256", "sha224", "sha224withrsaencryption",
            "sha256", "sha256withrsaencryption", "sha3-224", "sha3-256", "sha3-384", "sha3-512", "sha384",
            "sha384withrsaencryption", "sha512", "sha512-224", "sha512-224withrsaencryption", "sha512-256",
            "sha512-256withrsaencryption", "sha512withrsaencryption", "shake-128", "shake-256", "shake128",
            "shake256", "sm3", "sm3withrsaencryption", "ssl3-md5", "ssl3-sha1", "whirlpool");

    private ConverterChecks() {
    }

    /** The reason the arguments are refused, or null. */
    static String problem(String conv, List<SampleArg> args) {
        switch (conv) {
            case "json" -> {
                if (!args.isEmpty() && !JSON_TYPES.contains(args.get(0).text())) {
                    return "Unexpected input code type. Allowed value are 'ascii', 'utf8', 'utf8s', 'utf8p' and 'utf8ps'";
                }
            }
            case "sha2" -> {
                if (!args.isEmpty()) {
                    Long bits = integer(args.get(0).text());
                    if (bits != null && !SHA2_BITS.contains(bits)) {
                        return "Unsupported number of bits: '" + bits + "'";
                    }
                }
            }
            case "http_date" -> {
                if (args.size() > 1 && !Set.of("s", "ms", "us").contains(args.get(1).text())) {
                    return "expects 's', 'ms' or 'us', got '" + args.get(1).text() + "'";
                }
            }
            case "url_enc" -> {
                if (!args.isEmpty() && !args.get(0).text().isEmpty() && !args.get(0).text().equals("query")) {
                    return "Unexpected encode type. Allowed value is 'query'";
                }
            }
            case "digest", "hmac" -> {
                if (!args.isEmpty() && !OPENSSL_DIGESTS.contains(args.get(0).text().toLowerCase(java.util.Locale.ROOT))) {
                    return "algorithm must be a valid OpenSSL message digest name.";
                }
                if (conv.equals("hmac") && args.size() > 1 && !base64Key(args.get(1).text())) {
                    return "failed to parse key : argument needs to be base64 encoded, and can either be a string or a variable";
                }
            }
            case "be2dec" -> {
                long chunk = args.size() > 1 ? orZero(args.get(1).text()) : 0;
                long truncate = args.size() > 2 ? orZero(args.get(2).text()) : 0;
                if (chunk <= 0 || chunk > 8) {
                    return "chunk_size out of [1..8] range (" + chunk + ")";
                }
                if (truncate != 0 && truncate != 1) {
                    return "Unsupported truncate value (" + truncate + ")";
                }
            }
            case "be2hex" -> {
                String sep = args.isEmpty() ? "" : args.get(0).text();
                long chunk = args.size() > 1 ? orZero(args.get(1).text()) : 0;
                long truncate = args.size() > 2 ? orZero(args.get(2).text()) : 0;
                if (chunk <= 0 && (!sep.isEmpty() || truncate != 0)) {
                    return "chunk_size needs to be positive (" + chunk + ")";
                }
                if (truncate != 0 && truncate != 1) {
                    return "Unsupported truncate value (" + truncate + ")";
                }
            }
            case "add_item" -> {
                String var = args.size() > 1 ? args.get(1).text() : "";
                String suffix = args.size() > 2 ? args.get(2).text() : "";
                if (!var.isEmpty() && badVariable(var)) {
                    return "failed to register variable name '" + var + "'";
                }
                if (var.isEmpty() && suffix.isEmpty()) {
                    return "one of the optional arguments has to be nonempty";
                }
            }
            case "field", "word" -> {
                if (!args.isEmpty() && Long.valueOf(0).equals(integer(args.get(0).text()))) {
                    return "Unexpected value 0 for index";
                }
                if (args.size() > 1 && args.get(1).text().isEmpty()) {
                    return "Empty separators list";
                }
            }
            case "concat" -> {
                if (args.size() > 1 && !args.get(1).text().isEmpty() && badVariable(args.get(1).text())) {
                    return "failed to register variable name '" + args.get(1).text() + "'";
                }
            }
            case "strcmp", "secure_memcmp" -> {
                if (!args.isEmpty()) {
                    String name = args.get(0).text();
                    if (name.isEmpty()) {
                        return "missing variable name";
                    }
                    if (badVariable(name)) {
                        return "failed to register variable name '" + name + "'";
                    }
                }
            }
            default -> {
            }
        }
        return null;
    }

    /** hmac's key: empty, a variable name, or base64 text haproxy's decoder reads. */
    private static boolean base64Key(String key) {
        if (key.isEmpty() || !badVariable(key)) {
            return true;
        }
        if (key.length() % 4 != 0) {
            return false;
        }
        int pad = 0;
        int i = 0;
        for (char c : key.toCharArray()) {
            boolean alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if ((!alpha && c != '=') || (pad > 0 && c != '=') || (pad > 0 && i < 2)) {
                return false;
            }
            if (c == '=') {
                pad++;
            }
            i = (i + 1) % 4;
            if (i == 0) {
                pad = 0;
            }
        }
        return true;
    }

    private static long orZero(String text) {
        Long v = integer(text);
        return v == null ? 0 : v;
    }

    private static boolean badVariable(String name) {
        return VariableNames.problem(name, name) != null;
    }

    private static Long integer(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
