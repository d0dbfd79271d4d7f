package dev.vigil.exporter.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OsReleaseTest {

    @Test
    void readsDebian() {
        OsRelease release = OsRelease.parse("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\n"
                + "VERSION_ID=\"12\"\nVERSION=\"12 (bookworm)\"\nVERSION_CODENAME=bookworm\nID=debian\n"
                + "HOME_URL=\"https://www.debian.org/\"\n");
        assertEquals("Debian GNU/Linux 12 (bookworm)", release.get("PRETTY_NAME"));
        assertEquals("debian", release.get("ID"));
        assertEquals("", release.get("ID_LIKE"));
        assertEquals(12.0, release.version());
    }

    @ParameterizedTest
    @CsvSource({
        "'KEY=plain', plain",
        "'KEY=\"double quoted\"', double quoted",
        "'KEY=''single \"quoted\"''', single \"quoted\"",
        "'KEY=\"esc \\\" \\\\ \\/ \\n\"', 'esc \" \\ / \n'",
        "'KEY=value # comment', value",
        "'KEY=\"quoted # not a comment\"', quoted # not a comment",
        "'KEY=a\"b\"c', abc",
        "'KEY=  spaced  ', spaced",
        "'export KEY=exported', exported",
        "'KEY=', ''",
        "'KEY=\"\\u00e9\\u0041\"', éA",
        "'KEY=\"\\ud83d\\ude00\"', 😀",
        "'KEY=ünïcode', ünïcode",
    })
    void unquotesValues(String line, String value) {
        assertEquals(value, OsRelease.parse(line + "\n").get("KEY"));
    }

    @ParameterizedTest
    @CsvSource({
        "'NAME=G\nGARBAGE', error on line 2: missing =",
        "'KEY=\"\\x\"', error on line 1: invalid escape sequence: \"x\"",
        "'KEY=\"open', error on line 1: unmatched \"",
        "'KEY=''open', error on line 1: unmatched '",
        "'=value', error on line 1: empty key",
        "'1KEY=x', error on line 1: key must start with [A-Za-z_] but found '1'",
        "'KE-Y=x', error on line 1: key characters must be [A-Za-z0-9_] but found '-'",
        "'KEY=a\tb', error on line 1: 0x09 is an invalid value character",
        "'KEY=\"\\u12\"', error on line 1: incomplete hex sequence",
        "'KEY=\"\\u12zz\"', error on line 1: invalid hex character: \"z\"",
    })
    void rejectsWhatEnvparseRejects(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> OsRelease.parse(text)).getMessage());
    }

    @ParameterizedTest
    @CsvSource({"12, 12", "20.04, 20.04", "20.04.1, 20.04", "8.10, 8.1", "12., 12", "v7, 0", "'', 0", "3.19.1, 3.19",
        "rolling, 0", "2023.1, 2023.1"})
    void takesMajorMinorFromVersionId(String id, double version) {
        assertEquals(version, OsRelease.parse("VERSION_ID=" + id + "\n").version());
    }
}
