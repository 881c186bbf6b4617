package org.jhaproxy.config.model;

/** What a proxy section can do (PR_CAP_FE / PR_CAP_BE / PR_CAP_DEF in HAProxy). */
public enum ProxyCapability {
    FRONTEND, BACKEND, DEFAULTS
}
