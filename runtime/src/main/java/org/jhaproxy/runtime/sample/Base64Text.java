package org.jhaproxy.runtime.sample;

import java.util.Arrays;

/**
 * haproxy's base64 decoders (base64.c), which b64dec and ub64dec use (configuration.txt 7.3.1).
 * They are not java.util.Base64's: b64dec wants a length multiple of 4 but accepts padding
 * inside the text at the end of any group ("QQ==QUJD" is "A" then "ABC"); ub64dec wants no
 * padding and reads '=' as the value of '_'. ub64enc writes no padding.
 */
final class Base64Text {
    private static final String STD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final int PAD = 64;
    private static final int[] STD_REV = reverse(STD, PAD);
    private static final int[] URL_REV = reverse(URL, 63);

    private Base64Text() {
    }

    private static int[] reverse(String alphabet, int equalsValue) {
        int[] rev = new int[256];
        Arrays.fill(rev, -1);
        for (int i = 0; i < alphabet.length(); i++) {
            rev[alphabet.charAt(i)] = i;
        }
        rev['='] = equalsValue;
        return rev;
    }

    /** b64dec: null when the text is not base64 as haproxy reads it. */
    static byte[] decode(String in) {
        int len = in.length();
        if (len % 4 != 0) {
            return null;
        }
        byte[] out = new byte[len / 4 * 3];
        int n = 0;
        int[] t = new int[4];
        int i = 0;
        int pad = 0;
        for (int k = 0; k < len; k++) {
            char ch = in.charAt(k);
            int b = ch < 256 ? STD_REV[ch] : -1;
            if (b < 0 || (pad > 0 && b != PAD) || (pad > 0 && i < 2)) {
                return null;
            }
            if (b == PAD) {
                pad++;
            }
            t[i++] = b;
            if (i == 4) {
                n = group(t, out, n, 3 - pad);
                pad = 0;
                i = 0;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** ub64dec: the URL alphabet, no padding; a length of 1 modulo 4 cannot be decoded. */
    static byte[] decodeUrl(String in) {
        int len = in.length();
        int pad = switch (len % 4) {
            case 0 -> 0;
            case 2 -> 2;
            case 3 -> 1;
            default -> -1;
        };
        if (pad < 0) {
            return null;
        }
        byte[] out = new byte[(len + pad) / 4 * 3];
        int n = 0;
        int[] t = new int[4];
        int i = 0;
        for (int k = 0; k < len + pad; k++) {
            int b = PAD;
            if (k < len) {
                char ch = in.charAt(k);
                b = ch < 256 ? URL_REV[ch] : -1;
                if (b < 0) {
                    return null;
                }
            }
            t[i++] = b;
            if (i == 4) {
                n = group(t, out, n, 3);
                i = 0;
            }
        }
        return Arrays.copyOf(out, n - pad);
    }

    /** Writes the bytes of one group of four values, keeps {@code keep} of them. */
    private static int group(int[] t, byte[] out, int n, int keep) {
        byte[] g = {(byte) ((t[0] << 2) + (t[1] >> 4)), (byte) ((t[1] << 4) + (t[2] >> 2)), (byte) ((t[2] << 6) + t[3])};
        for (int j = 0; j < 3 && n + j < out.length; j++) {
            out[n + j] = g[j];
        }
        return n + keep;
    }

    /** ub64enc: the URL alphabet without padding. */
    static String encodeUrl(byte[] in) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(in);
    }
}
