package org.jhaproxy.config.model;

import java.util.ArrayList;
import java.util.List;

/** A "peers" section while it is being parsed (struct peers). */
public final class PeersBuilder {
    /** One "peer" or "server" line of the section. */
    public record Peer(String name, String address, boolean local, Position at) {
    }

    private final String name;
    private final Position at;
    private final List<Peer> peers = new ArrayList<>();
    private final List<PeersTable> tables = new ArrayList<>();
    private boolean disabled;
    private boolean hasBind;
    private boolean localPeerSeen;

    public PeersBuilder(String name, Position at) {
        this.name = name;
        this.at = at;
    }

    public String name() {
        return name;
    }

    public Position at() {
        return at;
    }

    public List<Peer> peers() {
        return peers;
    }

    /** The "table" lines, in declaration order, named "section/table". */
    public List<PeersTable> tables() {
        return tables;
    }

    public boolean disabled() {
        return disabled;
    }

    public void disabled(boolean d) {
        disabled = d;
    }

    /** A "bind" line was given (the local peer's listening address). */
    public boolean hasBind() {
        return hasBind;
    }

    public void hasBind(boolean b) {
        hasBind = b;
    }

    /** The local peer was declared: the section gets a frontend, which counts as a listener. */
    public boolean localPeerSeen() {
        return localPeerSeen;
    }

    public void localPeerSeen(boolean b) {
        localPeerSeen = b;
    }
}
