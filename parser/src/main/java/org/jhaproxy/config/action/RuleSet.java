package org.jhaproxy.config.action;

import org.jhaproxy.config.sample.CheckPlace;

/**
 * The rule sets of a proxy (HAProxy's ACT_F_*): where their actions run decides which sample
 * fetches they may use.
 */
public enum RuleSet {
    TCP_REQ_CONN("tcp-request connection"),
    TCP_REQ_SESS("tcp-request session"),
    TCP_REQ_CONT("tcp-request content"),
    TCP_RES_CONT("tcp-response content"),
    HTTP_REQ("http-request"),
    HTTP_RES("http-response"),
    HTTP_AFTER_RES("http-after-response");

    private final String keyword;

    RuleSet(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    public boolean isHttp() {
        return this == HTTP_REQ || this == HTTP_RES || this == HTTP_AFTER_RES;
    }

    public boolean isResponse() {
        return this == HTTP_RES || this == HTTP_AFTER_RES || this == TCP_RES_CONT;
    }

    /** The places the rules of this set are evaluated at, for a proxy with these capabilities. */
    public int places(boolean frontend, boolean backend) {
        int w = 0;
        switch (this) {
            case TCP_REQ_CONN -> w = CheckPlace.FE_CON_ACC.bit();
            case TCP_REQ_SESS -> w = CheckPlace.FE_SES_ACC.bit();
            case TCP_REQ_CONT -> {
                if (frontend) {
                    w |= CheckPlace.FE_REQ_CNT.bit();
                }
                if (backend) {
                    w |= CheckPlace.BE_REQ_CNT.bit();
                }
            }
            case TCP_RES_CONT -> {
                if (frontend) {
                    w |= CheckPlace.FE_RES_CNT.bit();
                }
                if (backend) {
                    w |= CheckPlace.BE_RES_CNT.bit();
                }
            }
            case HTTP_REQ -> {
                if (frontend) {
                    w |= CheckPlace.FE_HRQ_HDR.bit();
                }
                if (backend) {
                    w |= CheckPlace.BE_HRQ_HDR.bit();
                }
            }
            case HTTP_RES, HTTP_AFTER_RES -> {
                if (frontend) {
                    w |= CheckPlace.FE_HRS_HDR.bit();
                }
                if (backend) {
                    w |= CheckPlace.BE_HRS_HDR.bit();
                }
            }
        }
        return w;
    }
}
