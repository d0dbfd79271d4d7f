package dev.vigil.container.cgroup;

import dev.vigil.container.cgroup.CgroupStats.BlockIoDevice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Joins v1 bytes and serviced entries into one {@link BlockIoDevice} per {@code major:minor}, in first-seen order. */
final class BlkioDevices {
    private BlkioDevices() {
    }

    static List<BlockIoDevice> merge(List<BlkioFile.Entry> bytes, List<BlkioFile.Entry> serviced) {
        Map<Long, Map<String, Long>> bytesByDevice = byDevice(bytes);
        Map<Long, Map<String, Long>> opsByDevice = byDevice(serviced);
        Map<Long, int[]> devices = new LinkedHashMap<>();
        for (List<BlkioFile.Entry> entries : List.of(bytes, serviced)) {
            for (BlkioFile.Entry e : entries) {
                devices.putIfAbsent(id(e), new int[] {e.major(), e.minor()});
            }
        }
        List<BlockIoDevice> result = new ArrayList<>();
        devices.forEach((id, device) -> {
            Map<String, Long> deviceBytes = bytesByDevice.getOrDefault(id, Map.of());
            Map<String, Long> deviceOps = opsByDevice.getOrDefault(id, Map.of());
            result.add(new BlockIoDevice(device[0], device[1], op(deviceBytes, "Read"), op(deviceBytes, "Write"),
                    op(deviceOps, "Read"), op(deviceOps, "Write"), deviceBytes));
        });
        return List.copyOf(result);
    }

    private static Map<Long, Map<String, Long>> byDevice(List<BlkioFile.Entry> entries) {
        Map<Long, Map<String, Long>> byDevice = new LinkedHashMap<>();
        for (BlkioFile.Entry e : entries) {
            byDevice.computeIfAbsent(id(e), k -> new LinkedHashMap<>()).putIfAbsent(e.operation(), e.value());
        }
        return byDevice;
    }

    private static long id(BlkioFile.Entry e) {
        return ((long) e.major() << 32) | e.minor();
    }

    private static OptionalLong op(Map<String, Long> ops, String op) {
        Long value = ops.get(op);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
