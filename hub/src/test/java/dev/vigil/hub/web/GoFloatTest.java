package dev.vigil.hub.web;

import dev.vigil.model.GoFloats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Expected strings are what Prometheus 2.42 wrote for the same values (checked with curl). */
class GoFloatTest {
    @Test
    void sampleValuesAsPrometheusWritesThem() {
        assertEquals("1", GoFloat.sampleValue(1));
        assertEquals("1.5", GoFloat.sampleValue(1.5));
        assertEquals("1e-07", GoFloat.sampleValue(1e-7));
        assertEquals("1.5e+300", GoFloat.sampleValue(1.5e300));
        assertEquals("123456789012345680000", GoFloat.sampleValue(1.2345678901234568e20));
        assertEquals("NaN", GoFloat.sampleValue(Double.NaN));
        assertEquals("+Inf", GoFloat.sampleValue(Double.POSITIVE_INFINITY));
        assertEquals("-Inf", GoFloat.sampleValue(Double.NEGATIVE_INFINITY));
        assertEquals("0", GoFloat.sampleValue(0));
        assertEquals("-0.25", GoFloat.sampleValue(-0.25));
        assertEquals("0.1", GoFloat.sampleValue(0.1));
    }

    @Test
    void formatFIsShortestPlainDecimal() {
        assertEquals("0.0000001", GoFloats.formatF(1e-7));
        assertEquals("1000000000000000000000", GoFloats.formatF(1e21));
        assertEquals("1795279452.66", GoFloats.formatF(1795279452.66));
        assertEquals("-0", GoFloats.formatF(-0.0));
    }

    @Test
    void timestamps() {
        assertEquals("1700000000.050", GoFloat.sampleTime(1_700_000_000_050L));
        assertEquals("1.500", GoFloat.sampleTime(1500));
        assertEquals("2", GoFloat.sampleTime(2000));
        assertEquals("-1.005", GoFloat.sampleTime(-1005));
        assertEquals("1795279452.66", GoFloat.jsonSeconds(1_795_279_452_660L));
        assertEquals("1", GoFloat.jsonSeconds(1000));
    }

    @Test
    void timeParameters() {
        assertEquals(1_435_781_451_781L, ApiParams.parseTime("1435781451.781"));
        assertEquals(1_435_781_451_781L, ApiParams.parseTime("2015-07-01T20:10:51.781Z"));
        assertEquals(1_435_781_451_000L, ApiParams.parseTime("2015-07-01T22:10:51+02:00"));
        assertEquals(1500, ApiParams.parseTime("1.5"));
        assertEquals(-500, ApiParams.parseTime("-0.5"));
        assertEquals(ApiParams.MIN_TIME, ApiParams.parseTime("-292273086-05-16T16:47:06Z"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ApiParams.parseTime("abc"));
        assertEquals("cannot parse \"abc\" to a valid timestamp", e.getMessage());
        assertEquals(15_000_000_000L, ApiParams.parseDurationNanos("15s"));
        assertEquals(90_000_000_000L, ApiParams.parseDurationNanos("1m30s"));
        assertEquals(500_000_000L, ApiParams.parseDurationNanos("0.5"));
        assertThrows(IllegalArgumentException.class, () -> ApiParams.parseDurationNanos("abc"));
    }

    @Test
    void configSecretsAreRedacted() {
        String yaml = ConfigYaml.redacted("""
                global: {scrape_interval: 15s}
                scrape_configs:
                  - job_name: a
                    basic_auth: {username: u, password: hunter2}
                    authorization: {credentials: tok}
                    bearer_token: tok2
                    tls_config: {key: inline, cert_file: c.pem}
                """);
        assertEquals(false, yaml.contains("hunter2") || yaml.contains(": tok") || yaml.contains("inline"), yaml);
        assertEquals(4, yaml.split("<secret>", -1).length - 1, yaml);
        assertEquals(true, yaml.contains("username: u") && yaml.contains("cert_file: c.pem"), yaml);
    }
}
