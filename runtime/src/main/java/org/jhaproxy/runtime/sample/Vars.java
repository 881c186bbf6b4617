package org.jhaproxy.runtime.sample;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.util.HashMap;
import java.util.Map;

/**
 * The variables of one scope (configuration.txt section 2.8 and "set-var"): "proc" lives as
 * long as the process, "sess" as long as the client connection, "txn" one transaction, "req"
 * and "res" one direction of it. Created empty on first write.
 */
public final class Vars {
    /** The scopes, as written before the dot of a variable name. */
    public enum Scope {
        PROC, SESS, TXN, REQ, RES, CHECK;

        public static Scope of(String prefix) {
            for (Scope s : values()) {
                if (s.name().equalsIgnoreCase(prefix)) {
                    return s;
                }
            }
            return null;
        }
    }

    private static final AttributeKey<Vars> SESSION = AttributeKey.valueOf("jhaproxy.sess.vars");
    private static final Vars PROC = new Vars();

    private final Map<String, Sample> values = new HashMap<>();

    public static Vars proc() {
        return PROC;
    }

    /** The "sess" variables of a client connection. */
    public static Vars session(Channel client) {
        Vars v = client.attr(SESSION).get();
        if (v == null) {
            v = new Vars();
            client.attr(SESSION).set(v);
        }
        return v;
    }

    public Sample get(String name) {
        if (this == PROC) {
            synchronized (this) {
                return values.get(name);
            }
        }
        return values.get(name);
    }

    public void set(String name, Sample value) {
        if (this == PROC) {
            synchronized (this) {
                values.put(name, value);
            }
            return;
        }
        values.put(name, value);
    }

    public void unset(String name) {
        if (this == PROC) {
            synchronized (this) {
                values.remove(name);
            }
            return;
        }
        values.remove(name);
    }
}
