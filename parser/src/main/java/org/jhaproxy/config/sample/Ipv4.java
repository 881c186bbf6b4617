package org.jhaproxy.config.sample;

/** Dotted-quad IPv4 text as inet_pton(AF_INET) accepts it: four decimal bytes, nothing else. */
public final class Ipv4 {
    private Ipv4() {
    }

    /** The address as 4 bytes, or null. */
    public static int[] parse(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] out = new int[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return null;
            }
            if (p.length() > 1 && p.charAt(0) == '0') {
                return null;
            }
            out[i] = Integer.parseInt(p);
            if (out[i] > 255) {
                return null;
            }
        }
        return out;
    }
}
