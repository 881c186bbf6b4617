package org.jhaproxy.runtime.lb;

import java.util.Comparator;
import java.util.TreeSet;

/**
 * An ordered tree of nodes with unsigned 32-bit keys, like haproxy's eb32 trees the balancing
 * algorithms keep their servers in: nodes of equal keys stay in insertion order, which decides
 * ties (which of two equally loaded servers goes first), so it must match haproxy's.
 *
 * <p>Not thread-safe: used under the backend balancer's lock.
 */
final class LbTree<N extends LbTree.Node> {
    /** A node of a tree; a node is in at most one tree at a time. */
    static class Node {
        long key;
        long seq;
        LbTree<?> tree;

        /** The tree this node is queued in, or null. */
        LbTree<?> tree() {
            return tree;
        }
    }

    private static final Comparator<Node> ORDER = Comparator.<Node>comparingLong(n -> n.key).thenComparingLong(n -> n.seq);
    private final TreeSet<N> nodes = new TreeSet<>(ORDER);
    private long inserted;

    /** Inserts after every node of the same key. */
    void insert(N node, long key) {
        if (node.tree != null) {
            throw new IllegalStateException("node already queued");
        }
        node.key = key & 0xffffffffL;
        node.seq = inserted++;
        node.tree = this;
        nodes.add(node);
    }

    void delete(N node) {
        if (node.tree == this) {
            nodes.remove(node);
            node.tree = null;
        }
    }

    N first() {
        return nodes.isEmpty() ? null : nodes.first();
    }

    N last() {
        return nodes.isEmpty() ? null : nodes.last();
    }

    N next(N node) {
        return nodes.higher(node);
    }

    N prev(N node) {
        return nodes.lower(node);
    }

    /** The first node whose key is at least {@code key}, or null. */
    N lookupGe(long key) {
        for (N n : nodes.tailSet(probe(key), true)) {
            return n;
        }
        return null;
    }

    boolean isEmpty() {
        return nodes.isEmpty();
    }

    @SuppressWarnings("unchecked")
    private N probe(long key) {
        Node p = new Node();
        p.key = key;
        p.seq = Long.MIN_VALUE;
        return (N) p;
    }
}
