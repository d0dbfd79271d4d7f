package dev.vigil.alerting.am.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.model.Labels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MatcherParserTest {
    /** Input -> the matchers as Alertmanager prints them (OpenMetrics escaping, no spaces). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "{foo = \"bar\", dings != \"bums\", }|{foo=\"bar\",dings!=\"bums\"}",
        "foo=bar,dings!=bums|{foo=\"bar\",dings!=\"bums\"}",
        "statuscode=~\"5..\"|{statuscode=~\"5..\"}",
        "{quote=\"She said: \\\"Hi, all\\\"\"}|{quote=\"She said: \\\"Hi, all\\\"\"}",
        "a=\"\"|{a=\"\"}",
        "a=|{a=\"\"}",
        "a!=x\\y|{a!=\"x\\\\y\"}",
        "a=\"x\\ny\"|{a=\"x\\ny\"}",
        "  job  =~  \"node.*\"  |{job=~\"node.*\"}",
        "a=b,c=\"d,e\"|{a=\"b\",c=\"d,e\"}",
    })
    void parsesAndPrints(String input, String printed) throws MatcherException {
        assertEquals(printed, MatcherParser.parseMatchers(input).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "1a=b|bad matcher format: 1a=b",
        "a=\"b|matcher value contains unescaped double quote: \"b",
        "a=b\"c|matcher value contains unescaped double quote: b\"c",
        "a|bad matcher format: a",
    })
    void rejectsAsAlertmanagerWordsIt(String input, String message) {
        MatcherException e = assertThrows(MatcherException.class, () -> MatcherParser.parseMatchers(input));
        assertEquals(message, e.getMessage());
    }

    /** "a==b" is name a, "=", value "=b": a valid matcher in Alertmanager too. */
    @Test
    void doubleEqualsIsAValueNotAnError() throws MatcherException {
        Matcher m = MatcherParser.parseMatcher("a==b");
        assertEquals(MatchType.EQUAL, m.type());
        assertEquals("=b", m.value());
    }

    @Test
    void regexIsAnchoredAndAbsentLabelIsEmpty() throws MatcherException {
        Matcher m = MatcherParser.parseMatcher("job=~\"node\"");
        assertTrue(m.matches(Labels.of("job", "node")));
        assertFalse(m.matches(Labels.of("job", "node-exporter")));
        assertTrue(MatcherParser.parseMatcher("env=\"\"").matches(Labels.of("job", "x")));
        assertTrue(MatcherParser.parseMatcher("env!~\".+\"").matches(Labels.EMPTY));
        MatcherException bad = assertThrows(MatcherException.class, () -> MatcherParser.parseMatcher("a=~\"(\""));
        assertTrue(bad.getMessage().startsWith("error parsing regexp: "), bad.getMessage());
    }

    @Test
    void sortsByNameValueThenType() throws MatcherException {
        Matchers ms = MatcherParser.parseMatchers("b=1, a!=2, a=2, a=1").sorted();
        assertEquals("{a=\"1\",a=\"2\",a!=\"2\",b=\"1\"}", ms.toString());
    }
}
