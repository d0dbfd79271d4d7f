package dev.vigil.jvm.agent.mbean;

import java.util.List;
import java.util.Map;

/**
 * One value read from an MBean, where it came from: the bean's domain and key properties (for rows of a
 * TabularData also the row's index values), the keys of the CompositeData/TabularData it was found in,
 * and the attribute (or item) name. {@link #beanName} and {@link #help} are jmx_exporter's strings.
 *
 * @param domain the ObjectName's domain
 * @param properties key properties in written order (see {@link KeyProperties})
 * @param path the attribute names of enclosing CompositeData/TabularData values, outermost first
 * @param attribute the attribute's name (for an item of a CompositeData, the item's key)
 * @param description the attribute's (or CompositeType's) description; may be null
 * @param value the value: a Number, Boolean or String (other types never reach the rules)
 */
public record AttributeValue(String domain, Map<String, String> properties, List<String> path, String attribute,
        String description, Object value) {

    /** {@code domain<k1=v1, k2=v2><path1, path2>}: the part of the match string before the attribute name. */
    public String beanName() {
        StringBuilder out = new StringBuilder(domain.length() + 64).append(domain).append('<');
        boolean first = true;
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (!first) {
                out.append(", ");
            }
            out.append(e.getKey()).append('=').append(e.getValue());
            first = false;
        }
        out.append("><");
        out.append(String.join(", ", path));
        return out.append('>').toString();
    }

    /**
     * jmx_exporter's default HELP: {@code <description> <domain>:name=<name>,type=<type>,attribute=<attr>}
     * (the description left out when absent or equal to the attribute name; a missing key property is
     * the text {@code null}).
     */
    public String help() {
        String where = domain + ":name=" + properties.get("name") + ",type=" + properties.get("type")
                + ",attribute=" + attribute;
        return description != null && !description.equals(attribute) ? description + " " + where : where;
    }

    /** The text a rule's pattern is matched against: {@code beanName + attribute + ": " + value}. */
    public String matchString(String attributeName, boolean cached) {
        return beanName() + attributeName + ": " + (cached ? "<cache>" : String.valueOf(value));
    }
}
