package org.jhaproxy.runtime.lb;

import java.util.List;
import org.jhaproxy.runtime.server.Server;

/**
 * A backend's servers as its balancer sees them (haproxy's recount_servers()): the usable
 * active ones, the usable backup ones, and the one backup used alone when no active server is
 * usable, unless "option allbackups" asks for all of them.
 *
 * <p>Recomputed by the balancer each time a server goes up or down.
 */
public record ServerGroups(List<Server> active, List<Server> backup, Server firstBackup) {

    public static ServerGroups of(List<Server> servers, boolean allBackups) {
        List<Server> active = servers.stream().filter(s -> !s.isBackup() && s.isUsable()).toList();
        List<Server> backup = servers.stream().filter(s -> s.isBackup() && s.isUsable()).toList();
        Server first = allBackups || backup.isEmpty() ? null : backup.get(0);
        return new ServerGroups(active, backup, first);
    }

    /**
     * The servers requests go to now: the active ones, else the first backup alone, else every
     * backup ("option allbackups").
     */
    public List<Server> used() {
        if (!active.isEmpty()) {
            return active;
        }
        return firstBackup != null ? List.of(firstBackup) : backup;
    }

    /** Only one server can be chosen: haproxy's hashing algorithms do not hash then. */
    public boolean single() {
        return used().size() == 1;
    }

    /** Whether a freed slot of this server may serve a stream from the backend's queue (process_srv_queue). */
    public boolean servesBackendQueue(Server s) {
        if (!s.isUsable()) {
            return false;
        }
        return !s.isBackup() || active.isEmpty() && (s == firstBackup || firstBackup == null);
    }
}
