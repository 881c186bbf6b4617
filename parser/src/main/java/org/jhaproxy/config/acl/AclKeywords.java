package org.jhaproxy.config.acl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ACL keywords of HAProxy 2.6 (configuration.txt section 7.3), read on first use from a
 * resource derived from `haproxy -dKacl` ("name = fetch -m method" lines).
 */
public final class AclKeywords {
    private static volatile Map<String, AclKeyword> keywords;

    private AclKeywords() {
    }

    /** find_acl_kw(): the keyword is the leading run of identifier characters of the word. */
    public static AclKeyword find(String word) {
        int end = 0;
        while (end < word.length() && isIdChar(word.charAt(end))) {
            end++;
        }
        return all().get(word.substring(0, end));
    }

    private static boolean isIdChar(char c) {
        return (c < 128 && Character.isLetterOrDigit(c)) || c == '.' || c == '_' || c == '-' || c == '+' || c == ':';
    }

    public static Map<String, AclKeyword> all() {
        Map<String, AclKeyword> k = keywords;
        if (k == null) {
            synchronized (AclKeywords.class) {
                k = keywords;
                if (k == null) {
                    k = load();
                    keywords = k;
                }
            }
        }
        return k;
    }

    private static Map<String, AclKeyword> load() {
        Map<String, AclKeyword> out = new LinkedHashMap<>();
        try (InputStream in = AclKeywords.class.getResourceAsStream("keywords.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing resource keywords.txt");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String l;
            while ((l = r.readLine()) != null) {
                String[] f = l.trim().split("\\s+");
                if (f.length == 5 && f[1].equals("=") && f[3].equals("-m")) {
                    out.put(f[0], new AclKeyword(f[0], f[2], MatchMethod.byName(f[4])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
