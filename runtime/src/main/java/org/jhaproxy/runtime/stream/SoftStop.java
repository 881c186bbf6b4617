package org.jhaproxy.runtime.stream;

/**
 * The user event fired on every client connection when the process soft-stops (SIGUSR1): an
 * idle HTTP connection closes at once, a transaction in progress finishes with
 * "connection: close", a TCP stream goes on until it ends, as with haproxy.
 */
public enum SoftStop {
    EVENT
}
