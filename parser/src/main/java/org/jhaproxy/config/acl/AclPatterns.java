package org.jhaproxy.config.acl;

import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.sample.Ipv4;

/**
 * The checks a pattern passes when it is added to an ACL, per match method (pattern.c's
 * pat_parse_int(), pat_parse_ip()...); string, regex and binary patterns are taken as they are.
 */
final class AclPatterns {
    private AclPatterns() {
    }

    static void check(MatchMethod method, String text) throws ExprError {
        switch (method) {
            case INT, LEN -> checkIntRange(text);
            case IP -> checkNet(text);
            case REG, REGM -> org.jhaproxy.config.sample.RegexCheck.check(text);
            default -> {
            }
        }
    }

    /** strl2llrc(): an optional sign, then digits only. */
    static boolean isNumber(String s) {
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            i++;
        }
        if (i >= s.length()) {
            return false;
        }
        for (; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void checkIntRange(String text) throws ExprError {
        String invalid = "'" + text + "' is not a valid number range";
        if (text.isEmpty()) {
            throw new ExprError(invalid);
        }
        int sep = 0;
        while (sep < text.length() && text.charAt(sep) != ':' && text.charAt(sep) != '-') {
            sep++;
        }
        if (sep == text.length()) {
            if (!isNumber(text)) {
                throw new ExprError("'" + text + "' is not a number");
            }
            return;
        }
        String lo = text.substring(0, sep);
        String hi = text.substring(sep + 1);
        if (lo.isEmpty() && !hi.isEmpty()) {
            if (!isNumber(hi)) {
                throw new ExprError(invalid);
            }
            return;
        }
        if (hi.isEmpty()) {
            if (!isNumber(lo)) {
                throw new ExprError(invalid);
            }
            return;
        }
        if (!isNumber(lo) || !isNumber(hi) || Long.parseLong(lo) > Long.parseLong(hi)) {
            throw new ExprError(invalid);
        }
    }

    /** pat_parse_dotted_ver(): "major[.minor]" or a range of them with ':' or '-'. */
    static void checkDottedRange(String text) throws ExprError {
        DottedVersions.range(text);
    }

    /** str2net() then str62net(): an address (or host name) with an optional mask. */
    private static void checkNet(String text) throws ExprError {
        String addr = text;
        String mask = null;
        int slash = text.indexOf('/');
        if (slash >= 0) {
            addr = text.substring(0, slash);
            mask = text.substring(slash + 1);
        }
        boolean ok;
        if (addr.indexOf(':') >= 0) {
            ok = addr.matches("[0-9a-fA-F:.]+") && (mask == null || mask.matches("[0-9]{1,3}") && Integer.parseInt(mask) <= 128);
        } else if (Ipv4.parse(addr) != null || addr.matches("[0-9]+(\\.[0-9]+){0,3}")) {
            ok = mask == null || (mask.matches("[0-9]{1,2}") && Integer.parseInt(mask) <= 32) || Ipv4.parse(mask) != null;
        } else {
            // a host name, resolved by HAProxy while it starts (/etc/hosts only here, as the resolver)
            ok = !addr.isEmpty() && org.jhaproxy.config.addr.NameResolver.system().gethostbyname(addr) != null
                    && (mask == null || (mask.matches("[0-9]{1,2}") && Integer.parseInt(mask) <= 32) || Ipv4.parse(mask) != null);
        }
        if (!ok) {
            throw new ExprError("'" + text + "' is not a valid IPv4 or IPv6 address");
        }
    }
}
