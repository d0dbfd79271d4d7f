package dev.vigil.node.sysfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Desktop Management Interface attributes from {@code /sys/class/dmi/id}, as node_exporter 1.5 labels
 * {@code node_dmi_info} with them: the file {@code sys_vendor} is the label {@code system_vendor};
 * {@code chassis_type} is read but not a label.
 */
public final class Dmi {
    /** Label names in node_exporter's order, each with the attribute file it comes from. */
    private static final String[][] LABELS = {
        {"bios_date", "bios_date"}, {"bios_release", "bios_release"}, {"bios_vendor", "bios_vendor"},
        {"bios_version", "bios_version"}, {"board_asset_tag", "board_asset_tag"}, {"board_name", "board_name"},
        {"board_serial", "board_serial"}, {"board_vendor", "board_vendor"}, {"board_version", "board_version"},
        {"chassis_asset_tag", "chassis_asset_tag"}, {"chassis_serial", "chassis_serial"},
        {"chassis_vendor", "chassis_vendor"}, {"chassis_version", "chassis_version"},
        {"product_family", "product_family"}, {"product_name", "product_name"}, {"product_serial", "product_serial"},
        {"product_sku", "product_sku"}, {"product_uuid", "product_uuid"}, {"product_version", "product_version"},
        {"system_vendor", "sys_vendor"},
    };

    /** Files procfs skips in that directory. */
    public static final List<String> SKIPPED = List.of("modalias", "uevent");

    private Dmi() {
    }

    /** The info metric's labels: names and values, for the attributes that were read. */
    public record Labels(List<String> names, List<String> values) {
    }

    /** The labels for the attributes read (trimmed contents keyed by file name), in node_exporter's order. */
    public static Labels labels(Map<String, String> attributes) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String[] label : LABELS) {
            String value = attributes.get(label[1]);
            if (value != null) {
                names.add(label[0]);
                values.add(value);
            }
        }
        return new Labels(List.copyOf(names), List.copyOf(values));
    }
}
