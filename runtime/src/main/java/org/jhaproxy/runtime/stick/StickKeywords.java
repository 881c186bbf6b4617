package org.jhaproxy.runtime.stick;

import java.util.EnumSet;
import java.util.Set;

/** The stick-table keywords the runtime executes, for RuntimeSupport. */
public final class StickKeywords {
    /**
     * Configuration keywords executed (the track-sc and sc-* actions are listed with the rule
     * actions); "stick" in all its forms: on, match, store-request (or store), store-response.
     */
    public static final Set<String> EXECUTED = Set.of("proxy stick-table", "proxy stick");

    /** The data types a table may store; the others refuse the start. */
    static final Set<DataType> STORED = EnumSet.of(DataType.SERVER_ID, DataType.GPT0, DataType.GPC0, DataType.GPC0_RATE,
            DataType.GPC1, DataType.GPC1_RATE, DataType.CONN_CNT, DataType.CONN_CUR, DataType.CONN_RATE,
            DataType.SESS_CNT, DataType.SESS_RATE, DataType.HTTP_REQ_CNT, DataType.HTTP_REQ_RATE,
            DataType.HTTP_ERR_CNT, DataType.HTTP_ERR_RATE, DataType.HTTP_FAIL_CNT, DataType.HTTP_FAIL_RATE);

    private StickKeywords() {
    }
}
