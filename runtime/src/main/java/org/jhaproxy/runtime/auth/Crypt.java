package org.jhaproxy.runtime.auth;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * crypt(3) of a password against a stored hash, as check_user() (auth.c) calls it: the result
 * equals the hash when the password is right.
 *
 * <p>Like haproxy, the call is made where the check is evaluated, on the stream's event loop.
 * That costs microseconds for DES and MD5, about a millisecond for SHA-256/SHA-512 with their
 * default 5000 rounds, and tens of milliseconds for bcrypt at cost 10, during which that loop
 * serves nothing else: haproxy's threads block the same way, and its manual advises the
 * cheap hashes or "insecure-password" for busy sites.
 */
final class Crypt {
    /**
     * The struct crypt_data of crypt_r(): 32 KiB for libxcrypt, about 128 KiB for the older
     * glibc libcrypt, so 256 KiB covers both. Zeroed once ("initialized" = 0) per thread.
     */
    private static final int CRYPT_DATA_SIZE = 256 * 1024;
    private static final ThreadLocal<Memory> DATA = ThreadLocal.withInitial(() -> {
        Memory m = new Memory(CRYPT_DATA_SIZE);
        m.clear();
        return m;
    });

    private Crypt() {
    }

    /** Whether crypt(3) of {@code password} with the setting {@code hash} gives {@code hash} back. */
    static boolean matches(String password, String hash) {
        if (LibCrypt.INSTANCE == null) {
            return false;
        }
        Pointer out = LibCrypt.INSTANCE.crypt_r(cString(password), cString(hash), DATA.get());
        if (out == null) {
            return false;
        }
        byte[] result = out.getString(0, StandardCharsets.ISO_8859_1.name()).getBytes(StandardCharsets.ISO_8859_1);
        return Arrays.equals(result, hash.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The string's bytes (ISO-8859-1, as the configuration and the headers were read), NUL-terminated. */
    private static byte[] cString(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return Arrays.copyOf(b, b.length + 1);
    }
}
