package dev.vigil.jvm.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgentArgumentsTest {
    static Stream<Arguments> forms() {
        return Stream.of(
                Arguments.of("9404", "", 9404, null),
                Arguments.of("127.0.0.1:9404", "127.0.0.1", 9404, null),
                Arguments.of("localhost:9404", "localhost", 9404, null),
                Arguments.of("my-host.example:9404", "my-host.example", 9404, null),
                Arguments.of("[::1]:9404", "::1", 9404, null),
                Arguments.of("9404:agent.yml", "", 9404, "agent.yml"),
                Arguments.of("0.0.0.0:9404:/etc/vigil/jvm-agent.yml", "0.0.0.0", 9404, "/etc/vigil/jvm-agent.yml"),
                Arguments.of("[::1]:9404:conf/a:b.yml", "::1", 9404, "conf/a:b.yml"),
                Arguments.of("0", "", 0, null));
    }

    @ParameterizedTest
    @MethodSource("forms")
    void readsJmxExporterForms(String text, String host, int port, String config) {
        AgentArguments args = AgentArguments.parse(text);
        assertEquals(host, args.address().host());
        assertEquals(port, args.address().port());
        assertEquals(Optional.ofNullable(config).map(Path::of), args.config());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "host", "host:", ":9404", "99999", "abc:def", "[::1]", "1.2.3.4:-1", "host port"})
    void rejectsWithTheExpectedForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentArguments.parse(text));
        assertTrue(e.getMessage().contains("[host:]port[:config]") || e.getMessage().contains("out of range"),
                e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void nullMeansNoPort() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentArguments.parse(null));
        assertTrue(e.getMessage().startsWith("no port given"), e.getMessage());
    }
}
