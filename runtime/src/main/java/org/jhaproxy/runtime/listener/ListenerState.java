package org.jhaproxy.runtime.listener;

/**
 * HAProxy's listener states (LI_*): created but not yet bound (NEW, INIT, ASSIGNED), bound but
 * not accepting (PAUSED, LISTEN), accepting (READY), at its own maxconn (FULL), held back by a
 * global or frontend limit (LIMITED).
 */
public enum ListenerState {
    NEW, INIT, ASSIGNED, PAUSED, LISTEN, READY, FULL, LIMITED
}
