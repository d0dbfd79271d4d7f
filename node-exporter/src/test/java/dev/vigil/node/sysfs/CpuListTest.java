package dev.vigil.node.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CpuListTest {

    @Test
    void expandsLists() {
        assertEquals(List.of(), CpuList.parse(""));
        assertEquals(List.of(), CpuList.parse("\n"));
        assertEquals(List.of(1), CpuList.parse("1\n"));
        assertEquals(List.of(1, 3, 4, 5), CpuList.parse("1,3-5\n"));
        assertEquals(List.of(0, 1, 8, 9), CpuList.parse("0-1,8-9"));
        assertEquals(List.of(2, 4), CpuList.parse("2,,4"));
        assertEquals(List.of(), CpuList.parse("5-3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "1-2-3", "1-", "-1-2", "3,a-4", "1 ,2"})
    void rejectsGarbage(String text) {
        assertThrows(IllegalArgumentException.class, () -> CpuList.parse(text));
    }
}
