package org.jhaproxy.config.section;

/**
 * The name rules of sections and their named entries (tools.c invalid_char()): letters,
 * digits, '.', ':', '_' and '-' only, and not empty.
 */
final class SectionName {
    private SectionName() {
    }

    /** The first character not permitted in a name, or null when the name is valid. An empty name gives NUL. */
    static Character invalidChar(String name) {
        if (name.isEmpty()) {
            return '\0';
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == ':' || c == '_' || c == '-';
            if (!ok) {
                return c;
            }
        }
        return null;
    }

    /** How printf("%c") shows the character: a NUL prints as nothing visible. */
    static String show(char c) {
        return String.valueOf(c);
    }
}
