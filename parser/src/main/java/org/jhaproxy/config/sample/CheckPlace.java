package org.jhaproxy.config.sample;

/**
 * The places where a sample may be fetched (HAProxy's SMP_CKP_*), in bit order; each fetch
 * declares the set it is valid at. The names are those of fetch_ckp_names, printed in the
 * "will never match because ... incompatible with '%s'" warnings.
 */
public enum CheckPlace {
    FE_CON_ACC("frontend tcp-request connection rule"),
    FE_SES_ACC("frontend tcp-request session rule"),
    FE_REQ_CNT("frontend tcp-request content rule"),
    FE_HRQ_HDR("frontend http-request header rule"),
    FE_HRQ_BDY("frontend http-request body rule"),
    FE_SET_BCK("frontend use-backend rule"),
    BE_REQ_CNT("backend tcp-request content rule"),
    BE_HRQ_HDR("backend http-request header rule"),
    BE_HRQ_BDY("backend http-request body rule"),
    BE_SET_SRV("backend use-server, balance or stick-match rule"),
    BE_SRV_CON("server source selection"),
    BE_RES_CNT("backend tcp-response content rule"),
    BE_HRS_HDR("backend http-response header rule"),
    BE_HRS_BDY("backend http-response body rule"),
    BE_STO_RUL("backend stick-store rule"),
    FE_RES_CNT("frontend tcp-response content rule"),
    FE_HRS_HDR("frontend http-response header rule"),
    FE_HRS_BDY("frontend http-response body rule"),
    FE_LOG_END("logs"),
    BE_CHK_RUL("backend tcp-check rule"),
    CFG_PARSER("configuration parser"),
    CLI_PARSER("CLI parser");

    private final String description;

    CheckPlace(String description) {
        this.description = description;
    }

    public int bit() {
        return 1 << ordinal();
    }

    public String description() {
        return description;
    }

    /** The name of the lowest place in {@code places}, as sample_ckp_names(). */
    public static String nameOf(int places) {
        for (CheckPlace p : values()) {
            if ((places & p.bit()) != 0) {
                return p.description;
            }
        }
        return "unknown sample check place, please report this bug";
    }

    /** Every place of the request, then of the response (SMP_VAL_REQUEST / SMP_VAL_RESPONSE). */
    public static final int REQUEST = bits(FE_CON_ACC, FE_SES_ACC, FE_REQ_CNT, FE_HRQ_HDR, FE_HRQ_BDY, FE_SET_BCK,
            BE_REQ_CNT, BE_HRQ_HDR, BE_HRQ_BDY, BE_SET_SRV, BE_CHK_RUL);
    public static final int RESPONSE = bits(BE_SRV_CON, BE_RES_CNT, BE_HRS_HDR, BE_HRS_BDY, BE_STO_RUL,
            FE_RES_CNT, FE_HRS_HDR, FE_HRS_BDY, FE_LOG_END, BE_CHK_RUL);

    public static int bits(CheckPlace... places) {
        int b = 0;
        for (CheckPlace p : places) {
            b |= p.bit();
        }
        return b;
    }
}
