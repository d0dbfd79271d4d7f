package dev.vigil.node.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SystemdVersionTest {

    /** The manager's Version property as distributions ship it, and what node_exporter makes of it. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            # Version property                  | number  | label
            252.22-1~deb12u1                     | 252.22  | 252.22-1~deb12u1
            247.3-7+deb11u4                      | 247.3   | 247.3-7+deb11u4
            249.11-0ubuntu3.12                   | 249.11  | 249.11-0ubuntu3.12
            255.4-1ubuntu8.4                     | 255.4   | 255.4-1ubuntu8.4
            237                                  | 237     | 237
            239 (239-78.el8)                     | 239     | 239 (239-78.el8)
            252-32.el9_4                         | 252     | 252-32.el9_4
            219                                  | 219     | 219
            255.4-1.fc40                         | 255.4   | 255.4-1.fc40
            256.7-1-arch                         | 256.7   | 256.7-1-arch
            254.19+suse.71.g4bc6ef7f8d           | 254.19  | 254.19+suse.71.g4bc6ef7f8d
            257~rc2-1                            | 257     | 257~rc2-1
            256.8                                | 256.8   | 256.8
            1234.5.6                             | 1234.5  | 1234.5.6
            12.345                               | 345     | 12.345
            252.abc                              | 252     | 252.abc
            v42-custom                           | 0       | ''
            ''                                   | 0       | ''
            """)
    void parsesDistributionVersions(String property, double number, String label) {
        assertEquals(new SystemdVersion(number, label), SystemdVersion.parse(property));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            # Go's strconv.Quote, without the quotes
            252 "custom"                         | 252 \\"custom\\"
            252\\build                           | 252\\\\build
            252 café                             | 252 café
            252 😀                               | 252 😀
            """)
    void labelsAreQuotedAsGoQuotesThem(String property, String label) {
        assertEquals(label, SystemdVersion.parse(property).label());
    }

    @org.junit.jupiter.api.Test
    void controlAndInvisibleCharactersAreEscaped() {
        assertEquals("252\\t1\\n", SystemdVersion.parse("252\t1\n").label());
        assertEquals("252\\x1b[0m\\x7f", SystemdVersion.parse("252\u001b[0m\u007f").label());
        assertEquals("252\\u200b\\u00a0", SystemdVersion.parse("252\u200b\u00a0").label());
        assertEquals("252\\a\\b\\f\\r\\v", SystemdVersion.parse("252\u0007\b\f\r\u000b").label());
        assertEquals("252\\U000e0001", SystemdVersion.parse("252\uDB40\uDC01").label());
    }

    @org.junit.jupiter.api.Test
    void aNumberTooLargeForADoubleIsUnknown() {
        assertEquals(SystemdVersion.UNKNOWN, SystemdVersion.parse("9".repeat(400)));
    }
}
