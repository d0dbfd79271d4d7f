package dev.vigil.alerting.am.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.model.Labels;
import org.junit.jupiter.api.Test;

class LabelSetsTest {
    /** Reference values published with prometheus/common's model tests. */
    @Test
    void fingerprintIsPrometheusCommons() {
        assertEquals(Long.parseUnsignedLong("14695981039346656037"), LabelSets.fingerprint(Labels.EMPTY));
        Labels l = Labels.of("name", "garland, briggs", "fear", "love is not enough");
        assertEquals(Long.parseUnsignedLong("5799056148416392346"), LabelSets.fingerprint(l));
        assertEquals("507a62d79ee76c9a", LabelSets.fingerprintString(5799056148416392346L));
        assertEquals("cbf29ce484222325", LabelSets.fingerprintString(Labels.EMPTY));
    }

    @Test
    void printsAsGoLabelSet() {
        assertEquals("{}", LabelSets.toGoString(Labels.EMPTY));
        assertEquals("{alertname=\"Down\", job=\"a\\\"b\\n\"}",
                LabelSets.toGoString(Labels.of("job", "a\"b\n", "alertname", "Down")));
        assertEquals("\"\\x01\\t\\u0085é\"", GoStrings.quote("\u0001\t\u0085é"));
    }
}
