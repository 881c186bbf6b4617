package org.jhaproxy.runtime.stick;

import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.config.model.ProxyRules;
import org.jhaproxy.runtime.acl.Condition;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.SampleContext;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.server.ServerState;

/**
 * A backend's stick rules (process_sticking_rules() and process_store_rules() of stream.c).
 * On the request, "stick match" / "stick on" look the key up and send the stream to the server
 * stored for it, unless a server was assigned already (a persistence cookie) or that server is
 * down without "option persist"; "stick on" / "stick store-request" note the key, only the first
 * rule of each table doing so. On the response (before the http-response rules),
 * "stick store-response" notes its keys the same way, and every noted key then remembers the
 * server that answered (server_id, and its name as server_key), renewing the entry.
 */
public final class Sticking {
    public static final Sticking NONE = new Sticking(new StickingRule[0], new StickingRule[0]);

    /** How a rule's condition is compiled (the proxy's ACLs). */
    public interface Conditions {
        Condition compile(ProxyRules.StickRule r) throws NotSupported;
    }

    private final StickingRule[] request;
    private final StickingRule[] response;

    private Sticking(StickingRule[] request, StickingRule[] response) {
        this.request = request;
        this.response = response;
    }

    public static Sticking compile(List<ProxyRules.StickRule> rules, Conditions conditions, CompileScope scope)
            throws NotSupported {
        List<StickingRule> req = new ArrayList<>();
        List<StickingRule> res = new ArrayList<>();
        for (ProxyRules.StickRule r : rules) {
            StickingRule s;
            try {
                s = StickingRule.compile(r, conditions, scope.at(r.at()));
            } catch (NotSupported e) {
                if (e.getMessage().startsWith("parsing [")) {
                    throw e;
                }
                throw new NotSupported("parsing [" + r.at() + "] : " + e.getMessage());
            }
            (r.kind().equals("store-response") ? res : req).add(s);
        }
        if (req.isEmpty() && res.isEmpty()) {
            return NONE;
        }
        return new Sticking(req.toArray(new StickingRule[0]), res.toArray(new StickingRule[0]));
    }

    public boolean isEmpty() {
        return request.length == 0 && response.length == 0;
    }

    /** A key noted for a table, stored once the server answers. */
    private record Pending(StickTable table, byte[] key) {
    }

    /** The keys a stream noted: those of the request first, then those of the response. */
    public static final class Stores {
        private final List<Pending> pending = new ArrayList<>(2);
        private int fromRequest;

        private boolean has(StickTable t, int from) {
            for (int i = from; i < pending.size(); i++) {
                if (pending.get(i).table == t) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The request's stick rules for the stream's backend: the server a "match" found, else
     * {@code assigned} (the server a cookie chose, or null for the balancer).
     */
    public static Server request(SampleContext c, Server assigned) {
        Proxy be = c.backend();
        Sticking st = be.rules().sticking();
        if (st.request.length == 0) {
            return assigned;
        }
        Server target = assigned;
        Stores stores = c.stickStores(true);
        for (StickingRule r : st.request) {
            // only the first rule storing into a table applies: later ones are fallbacks
            if (r.store() && stores.has(r.table(), 0)) {
                continue;
            }
            if (!r.condition().test(c)) {
                continue;
            }
            byte[] key = r.key(c);
            if (key == null) {
                continue;
            }
            if (r.match()) {
                StickEntry e = r.table().lookup(key);
                if (e != null) {
                    if (target == null) {
                        target = find(be, r.table(), e);
                    }
                    r.table().touch(e);
                }
            }
            if (r.store()) {
                stores.pending.add(new Pending(r.table(), key));
            }
        }
        stores.fromRequest = stores.pending.size();
        return target;
    }

    /** sticking_rule_find_target(): the stored server, by name then by id, if it may be used. */
    private static Server find(Proxy be, StickTable t, StickEntry e) {
        String name = t.serverKey(e);
        Server srv = null;
        if (name != null) {
            for (Server s : be.servers()) {
                if (s.name().equals(name)) {
                    srv = s;
                    break;
                }
            }
        }
        if (srv == null) {
            Long id = t.read(e, DataType.SERVER_ID);
            for (Server s : be.servers()) {
                if (id != null && s.puid() == id) {
                    srv = s;
                    break;
                }
            }
        }
        if (srv == null || srv.state() == ServerState.STOPPED && !be.persist().persist()) {
            return null;
        }
        return srv;
    }

    /** The response's store rules, then every noted key remembers {@code server}, which answered. */
    public static void response(SampleContext c, Server server) {
        Sticking st = c.backend().rules().sticking();
        Stores stores = c.stickStores(false);
        if (st.response.length == 0 && stores == null) {
            return;
        }
        if (stores == null) {
            stores = c.stickStores(true);
        }
        for (StickingRule r : st.response) {
            if (stores.has(r.table(), stores.fromRequest) || !r.condition().test(c)) {
                continue;
            }
            byte[] key = r.key(c);
            if (key != null) {
                stores.pending.add(new Pending(r.table(), key));
            }
        }
        for (Pending p : stores.pending) {
            store(p, server);
        }
        stores.pending.clear();
        stores.fromRequest = 0;
    }

    private static void store(Pending p, Server server) {
        StickTable t = p.table();
        StickEntry e = t.hold(p.key());
        if (e == null) {
            return;
        }
        t.locked(() -> {
            e.set(DataType.SERVER_ID, StickTable.now(), server.puid());
            e.serverKey(server.name());
            return null;
        });
        t.release(e, true);
    }
}
