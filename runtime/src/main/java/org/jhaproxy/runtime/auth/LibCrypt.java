package org.jhaproxy.runtime.auth;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The system's crypt(3) library (libxcrypt on current Linux distributions), which haproxy links
 * for the "password" hashes of userlists: DES, MD5 ($1$), SHA-256 ($5$), SHA-512 ($6$), bcrypt
 * ($2b$) and whatever else it knows. Null when the library cannot be loaded: then, as haproxy
 * built without crypt support, no hashed password ever matches.
 */
interface LibCrypt extends Library {
    LibCrypt INSTANCE = load();

    /**
     * crypt_r(3): the reentrant form haproxy prefers (HA_HAVE_CRYPT_R), with a per-thread
     * work area; NUL-terminated byte strings so that a password is passed byte for byte.
     */
    Pointer crypt_r(byte[] phrase, byte[] setting, Pointer data);

    private static LibCrypt load() {
        try {
            return Native.load("crypt", LibCrypt.class);
        } catch (UnsatisfiedLinkError e) {
            return null;
        }
    }
}
