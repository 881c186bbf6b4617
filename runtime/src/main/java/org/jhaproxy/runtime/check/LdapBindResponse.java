package org.jhaproxy.runtime.check;

/**
 * "option ldap-check": the server's answer to an anonymous bind must be an LDAPv3
 * BindResponse (RFC 4511 4.2.2) whose resultCode is 0 (tcpcheck_ldap_expect_bindrsp()).
 */
final class LdapBindResponse {
    private static final String NOT_LDAP = "Not LDAPv3 protocol";

    private LdapBindResponse() {
    }

    static ExpectVerdict evaluate(byte[] data, boolean lastRead, boolean lastRule) {
        // the first byte (a SEQUENCE) was matched by the rule before
        int at = 1;
        int lengthBytes = 0;
        long length;
        int first = at(data, at);
        if (first >= 0 && (first & 0x80) != 0) {
            // only 2- and 4-byte lengths are expected (Active Directory uses 4)
            lengthBytes = first & 0x7f;
            if (data.length < 1 + lengthBytes) {
                return tooShort(lastRead);
            }
            if (lengthBytes == 4) {
                length = (long) at(data, 2) << 24 | at(data, 3) << 16 | at(data, 4) << 8 | at(data, 5);
            } else if (lengthBytes == 2) {
                length = at(data, 2) << 8 | at(data, 3);
            } else {
                return fail(CheckStatus.L7RSP, 0, NOT_LDAP);
            }
        } else {
            length = Math.max(first, 0);
        }
        at += 1 + lengthBytes;
        if (data.length < 2 + lengthBytes + length) {
            return tooShort(lastRead);
        }
        // messageID INTEGER 1, then protocolOp bindResponse (0x61)
        if (at(data, at) != 0x02 || at(data, at + 1) != 0x01 || at(data, at + 2) != 0x01 || at(data, at + 3) != 0x61) {
            return fail(CheckStatus.L7RSP, 0, NOT_LDAP);
        }
        at += 4;
        int size = at(data, at);
        at += 1 + (size >= 0 && (size & 0x80) != 0 ? size & 0x7f : 0);
        // ldapResult: ENUMERATED resultCode
        if (at(data, at) != 0x0a || at(data, at + 1) != 0x01) {
            return fail(CheckStatus.L7RSP, 0, NOT_LDAP);
        }
        int code = at(data, at + 2);
        if (code != 0) {
            // haproxy reads the code as a signed char
            return fail(CheckStatus.L7STS, (byte) code, "See RFC: http://tools.ietf.org/html/rfc4511#section-4.1.9");
        }
        return ExpectVerdict.report(new CheckOutcome(CheckStatus.L7OKD, 0, "Success"));
    }

    private static ExpectVerdict tooShort(boolean lastRead) {
        return lastRead ? fail(CheckStatus.L7RSP, 0, "") : ExpectVerdict.WAIT;
    }

    private static ExpectVerdict fail(CheckStatus status, int code, String info) {
        return ExpectVerdict.fail(new CheckOutcome(status, code, info));
    }

    private static int at(byte[] data, int index) {
        return index < data.length ? data[index] & 0xff : -1;
    }
}
