package dev.vigil.jvm.agent.mbean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values follow jmx_exporter 1.0.1's safeName / toSnakeAndLowerCase and client_java's suffix rule. */
class NamingTest {
    @ParameterizedTest(name = "safeName({0}) = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "java.lang_Memory_HeapMemoryUsage_used | java_lang_Memory_HeapMemoryUsage_used",
        "a..b--c                     | a_b_c",
        "a__b___c                    | a_b_c",
        "_a_                         | _a_",
        "__a                         | _a",
        "1abc                        | _1abc",
        "9_x                         | _9_x",
        "a:b                         | a:b",
        "'k=\"quoted value\"'        | k_quoted_value_",
        "héllo wörld                 | h_llo_w_rld",
        "'com.example<type=A b>'     | com_example_type_A_b_",
        "''                          | ''",
    })
    void safeName(String in, String out) {
        assertEquals(out, Naming.safeName(in));
    }

    @ParameterizedTest(name = "snakeCase({0}) = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "HeapMemoryUsage       | heap_memory_usage",
        "heapMemoryUsage       | heap_memory_usage",
        "CPULoad               | cpuload",
        "ProcessCpuLoad        | process_cpu_load",
        "fooBAR                | foo_bar",
        "already_snake         | already_snake",
        "_LeadingUnderscore    | _leading_underscore",
        "A                     | a",
        "a1B                   | a1_b",
        "''                    | ''",
    })
    void snakeCase(String in, String out) {
        assertEquals(out, Naming.snakeCase(in));
    }

    @ParameterizedTest(name = "familyName({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "requests_total     | requests",
        "build_info         | build",
        "x_total_total      | x",
        "x_created          | x",
        "le_bucket          | le",
        "totals             | totals",
        "_total             | _total",
        "plain              | plain",
    })
    void familyName(String in, String out) {
        assertEquals(out, Naming.familyName(in));
    }
}
