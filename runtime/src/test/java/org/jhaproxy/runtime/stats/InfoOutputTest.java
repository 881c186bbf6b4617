package org.jhaproxy.runtime.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * "show info" forms (management.txt 9.3) on hand-made values: what haproxy 2.6.12 prints for
 * them. StatsInfoFormsIT compares whole answers with haproxy's.
 */
class InfoOutputTest {
    private static StatRow.Value[] info() {
        StatRow.Value[] info = new StatRow.Value[InfoFields.ALL.size()];
        info[0] = new StatRow.Value("POS", "str", "HAProxy");
        info[51] = new StatRow.Value("COS", "str", "a, \"b\"");
        info[70] = new StatRow.Value("MDP", "flt", 1795566223.5997781);
        return info;
    }

    @Test
    void aFloatLosesItsTrailingZerosAsWithFltTrim() {
        assertEquals("8.009834", new StatRow.Value("MDP", "flt", 8.009834).text());
        assertEquals("1.5", new StatRow.Value("MDP", "flt", 1.5).text());
        assertEquals("0", new StatRow.Value("MRP", "flt", 0.0).text());
        assertEquals("120", new StatRow.Value("MRP", "flt", 120.0).text());
    }

    @Test
    void plainLinesCsvEncodeStringsAndAddDescriptions() {
        assertEquals("Name: HAProxy\ndescription: \"a, \"\"b\"\"\"\nStart_time_sec: 1795566223.599778\n",
                InfoOutput.plain(info(), false));
        assertEquals("Name: HAProxy:\"Product name\"\n", InfoOutput.plain(info(), true).lines().findFirst().get() + "\n");
    }

    @Test
    void typedLinesKeepTheirPositions() {
        assertEquals("0.Name.1:POS:str:HAProxy:\"Product name\"\n"
                + "51.description.1:COS:str:a, \"b\":\"Node description (global.description)\"\n"
                + "70.Start_time_sec.1:MDP:flt:1795566223.599778:\"Start time in seconds\"\n", InfoOutput.typed(info(), true));
    }

    @Test
    void jsonIsOneLineOfFieldObjects() {
        StatRow.Value[] info = new StatRow.Value[InfoFields.ALL.size()];
        info[0] = new StatRow.Value("POS", "str", "HAProxy");
        info[3] = new StatRow.Value("CGS", "u32", 1);
        assertEquals("[{\"field\":{\"pos\":0,\"name\":\"Name\"},\"processNum\":1,\"tags\":{\"origin\":\"Product\","
                + "\"nature\":\"Output\",\"scope\":\"Service\"},\"value\":{\"type\":\"str\",\"value\":\"HAProxy\"}},"
                + "{\"field\":{\"pos\":3,\"name\":\"Nbthread\"},\"processNum\":1,\"tags\":{\"origin\":\"Config\","
                + "\"nature\":\"Gauge\",\"scope\":\"Service\"},\"value\":{\"type\":\"u32\",\"value\":1}}]\n", InfoOutput.json(info));
    }

    @Test
    void theTableHasHaproxysPositions() {
        assertEquals(72, InfoFields.ALL.size());
        assertEquals(45, InfoFields.named("ZlibMemUsage").pos());
        assertEquals(71, InfoFields.named("Tainted").pos());
        assertEquals("MRP", InfoFields.named("SslFrontendKeyRate").floatTags());
    }
}
