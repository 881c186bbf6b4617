package org.jhaproxy.runtime.proxyprotocol;

import java.security.cert.X509Certificate;
import java.security.interfaces.DSAKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.Map;
import org.jhaproxy.runtime.ssl.ClientTls;

/**
 * Certificate facts named as OpenSSL names them, for the PROXY v2 SSL sub-TLVs: the subject's
 * CN, the key algorithm with its size ("RSA2048", "EC256": cert_get_pkey_algo()) and the
 * signature algorithm's OpenSSL short name ("RSA-SHA256": OBJ_nid2sn()).
 */
final class CertificateNames {
    /** OpenSSL's short names of the usual certificate signature algorithms, by OID. */
    private static final Map<String, String> SIGNATURES = Map.ofEntries(
            Map.entry("1.2.840.113549.1.1.4", "RSA-MD5"), Map.entry("1.2.840.113549.1.1.5", "RSA-SHA1"),
            Map.entry("1.2.840.113549.1.1.11", "RSA-SHA256"), Map.entry("1.2.840.113549.1.1.12", "RSA-SHA384"),
            Map.entry("1.2.840.113549.1.1.13", "RSA-SHA512"), Map.entry("1.2.840.113549.1.1.14", "RSA-SHA224"),
            Map.entry("1.2.840.113549.1.1.10", "RSASSA-PSS"),
            Map.entry("1.2.840.10045.4.1", "ecdsa-with-SHA1"), Map.entry("1.2.840.10045.4.3.1", "ecdsa-with-SHA224"),
            Map.entry("1.2.840.10045.4.3.2", "ecdsa-with-SHA256"), Map.entry("1.2.840.10045.4.3.3", "ecdsa-with-SHA384"),
            Map.entry("1.2.840.10045.4.3.4", "ecdsa-with-SHA512"), Map.entry("1.3.101.112", "ED25519"),
            Map.entry("1.3.101.113", "ED448"), Map.entry("1.2.840.10040.4.3", "DSA-SHA1"),
            Map.entry("2.16.840.1.101.3.4.3.2", "dsa_with_SHA256"));

    private CertificateNames() {
    }

    static X509Certificate local(ClientTls tls) {
        return tls.localCert();
    }

    /** The first CN of the subject, or null (ssl_sock_get_dn_entry(name, "CN", 1)). */
    static String commonName(X509Certificate c) {
        try {
            javax.naming.ldap.LdapName dn = new javax.naming.ldap.LdapName(
                    c.getSubjectX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253));
            // getRdns() lists the RDNs in certificate order (the reverse of the RFC 2253 text)
            String cn = null;
            for (javax.naming.ldap.Rdn r : dn.getRdns()) {
                if (r.getType().equalsIgnoreCase("CN")) {
                    cn = r.getValue().toString();
                    break;
                }
            }
            return cn;
        } catch (javax.naming.InvalidNameException e) {
            return null;
        }
    }

    /** "RSA2048", "EC256", "DSA2048", else null: no TLV (cert_get_pkey_algo()). */
    static String keyAlgorithm(X509Certificate c) {
        java.security.PublicKey k = c.getPublicKey();
        if (k instanceof RSAKey r) {
            return "RSA" + r.getModulus().bitLength();
        }
        if (k instanceof ECKey e) {
            return "EC" + e.getParams().getCurve().getField().getFieldSize();
        }
        if (k instanceof DSAKey d) {
            return "DSA" + d.getParams().getP().bitLength();
        }
        return null;
    }

    /** The signature algorithm's OpenSSL short name, or null when unknown here. */
    static String signatureAlgorithm(X509Certificate c) {
        return SIGNATURES.get(c.getSigAlgOID());
    }
}
