package org.jhaproxy.runtime.stick;

/**
 * The data a stick-table entry may store ("store" of configuration.txt 4.2 "stick-table"), in
 * haproxy's order: "show table" prints an entry's data in this order. A counter is a plain number,
 * a rate a {@link PeriodCounter} over the period given in the store option ("http_req_rate(10s)").
 * The general purpose arrays (gpt, gpc, gpc_rate) and server_key are not executed yet.
 */
public enum DataType {
    SERVER_ID("server_id", false), GPT0("gpt0", false), GPC0("gpc0", false), GPC0_RATE("gpc0_rate", true),
    CONN_CNT("conn_cnt", false), CONN_RATE("conn_rate", true), CONN_CUR("conn_cur", false),
    SESS_CNT("sess_cnt", false), SESS_RATE("sess_rate", true),
    HTTP_REQ_CNT("http_req_cnt", false), HTTP_REQ_RATE("http_req_rate", true),
    HTTP_ERR_CNT("http_err_cnt", false), HTTP_ERR_RATE("http_err_rate", true),
    BYTES_IN_CNT("bytes_in_cnt", false), BYTES_IN_RATE("bytes_in_rate", true),
    BYTES_OUT_CNT("bytes_out_cnt", false), BYTES_OUT_RATE("bytes_out_rate", true),
    GPC1("gpc1", false), GPC1_RATE("gpc1_rate", true), SERVER_KEY("server_key", false),
    HTTP_FAIL_CNT("http_fail_cnt", false), HTTP_FAIL_RATE("http_fail_rate", true),
    GPT("gpt", false), GPC("gpc", false), GPC_RATE("gpc_rate", true);

    private final String keyword;
    private final boolean rate;

    DataType(String keyword, boolean rate) {
        this.keyword = keyword;
        this.rate = rate;
    }

    public String keyword() {
        return keyword;
    }

    /** A frequency counter over a period (std_t_frqp), read as events per period. */
    public boolean isRate() {
        return rate;
    }

    /** server_id is signed (std_t_sint), the counters unsigned 32 bits, the byte counts 64 bits. */
    boolean signed() {
        return this == SERVER_ID;
    }

    boolean wide() {
        return this == BYTES_IN_CNT || this == BYTES_OUT_CNT;
    }

    /** The data type of that name (stktable_get_data_type()), or null. */
    public static DataType of(String name) {
        for (DataType t : values()) {
            if (t.keyword.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
