package org.jhaproxy.runtime.proxy;

/** A proxy's state (HAProxy's PR_FL_* / PR_STOPPED...): accepting, paused by a soft-stop, stopped. */
public enum ProxyState {
    READY, PAUSED, STOPPED
}
