package org.jhaproxy.runtime.server;

import org.jhaproxy.runtime.log.Events;
import org.jhaproxy.runtime.log.LogLevel;

/**
 * What a DNS SRV record does to the server of a "server-template" it fills (configuration.txt
 * 5.3, "server-template"): it names the server's target (srv_update_fqdn() "by 'SRV record'",
 * which haproxy flags as HMAINT), gives its service port and weight, lifts or sets its resolution
 * maintenance (srvrq_update_srv_status(), "entry removed from SRV record"), and when the record
 * is gone frees the server for the next record: no name, no IP, port 0
 * (resolv_srvrq_cleanup_srv()).
 */
public final class SrvRecordUpdate {
    /** Why a server of an SRV record enters maintenance. */
    static final String REMOVED = "entry removed from SRV record";

    private SrvRecordUpdate() {
    }

    /**
     * The server takes the record's target as its name, when it has none: the change is only
     * logged ("be/www1 changed its FQDN from (null) to a1.test by 'SRV record'").
     */
    public static void fqdn(Server s, String target, Events events) {
        if (s.hostname() != null) {
            return;
        }
        s.hostname(target);
        s.backend().balancer().statusChanged(s, () -> s.admin(s.admin() | AdminFlags.HMAINT));
        events.log(s.backend(), LogLevel.NOTICE, s.backend().name() + "/" + s.name() + " changed its FQDN from (null) to "
                + target + " by 'SRV record'");
    }

    /** The record's port: where the server connects now, no longer mapping ports. */
    public static void port(Server s, int port) {
        if (s.port() != port || s.mapsPorts()) {
            s.moveTo(null, port, false);
        }
    }

    /**
     * The record's weight, 0..65535, mapped onto haproxy's 0..256 so that 0 stays 0
     * ((w + 255) / 256); "resolve-opts ignore-weight" keeps the configured one.
     */
    public static void weight(Server s, int srvWeight, Events events) {
        if (s.config().option("resolve-opts", "").contains("ignore-weight")) {
            return;
        }
        int w = (srvWeight + 255) / 256;
        if (w != s.weight()) {
            AdminChange.weight(s, w, events);
        }
    }

    /** srvrq_update_srv_status(): an IP takes the server out of resolution maintenance, none puts it in. */
    public static void status(Server s, boolean hasIp, Events events) {
        if (hasIp) {
            AdminChange.addressSet(s, events);
        } else {
            AdminChange.unresolved(s, REMOVED, events);
        }
    }

    /** The record is gone: the server enters maintenance and forgets its name, IP and port. */
    public static void cleanup(Server s, Events events) {
        status(s, false, events);
        s.hostname(null);
        s.moveTo(null, 0, s.mapsPorts());
        s.ip(null);
    }
}
