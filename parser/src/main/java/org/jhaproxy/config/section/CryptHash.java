package org.jhaproxy.config.section;

/**
 * Whether glibc's crypt(3) (libxcrypt) accepts a hash as a setting, as HAProxy checks with
 * crypt("", hash) when it reads "password". Traditional DES needs two salt characters from
 * [./0-9A-Za-z]; "$id$" hashes must use a method libxcrypt knows.
 */
final class CryptHash {
    private CryptHash() {
    }

    static boolean supported(String hash) {
        if (hash.startsWith("$")) {
            for (String p : new String[] {"$1$", "$5$", "$6$", "$2a$", "$2b$", "$2y$", "$y$", "$gy$", "$7$", "$sha1$", "$md5"}) {
                if (hash.startsWith(p)) {
                    return true;
                }
            }
            return false;
        }
        if (hash.startsWith("_")) {
            return hash.length() >= 9;
        }
        return hash.length() >= 2 && saltChar(hash.charAt(0)) && saltChar(hash.charAt(1));
    }

    private static boolean saltChar(char c) {
        return c == '.' || c == '/' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
