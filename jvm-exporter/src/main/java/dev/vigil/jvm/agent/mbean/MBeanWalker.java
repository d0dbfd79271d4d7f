package dev.vigil.jvm.agent.mbean;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularType;

/**
 * Walks the MBeans of a server as jmx_exporter's JmxScraper does and hands every value that could
 * become a sample to a consumer: the beans named by the include patterns less those named by the
 * exclude patterns; each readable attribute (all read at once, one by one if that fails); numbers,
 * booleans, strings and enums as they are, Dates as seconds, Optionals unwrapped, CompositeData item by
 * item (its attribute name joins the path), TabularData row by row (the row's index values become key
 * properties; a column named {@code value} keeps the attribute's own name). Arrays and other types are
 * skipped, as are {@code java.lang:type=Runtime}'s class paths and system properties and the JFR bean.
 */
final class MBeanWalker {
    private static final ObjectName RUNTIME = name("java.lang:type=Runtime");
    private static final ObjectName FLIGHT_RECORDER = name("jdk.management.jfr:type=FlightRecorder");
    private static final Set<String> RUNTIME_SKIPPED = Set.of("systemproperties", "classpath", "bootclasspath",
            "librarypath");

    private final MBeanServerConnection server;
    private final List<ObjectName> includes;
    private final List<ObjectName> excludes;
    private final KeyPropertyCache properties;

    /**
     * @param includes ObjectName patterns to query; empty means every bean
     * @param excludes ObjectName patterns whose beans are left out
     */
    MBeanWalker(MBeanServerConnection server, List<ObjectName> includes, List<ObjectName> excludes,
            KeyPropertyCache properties) {
        this.server = server;
        this.includes = includes.isEmpty() ? java.util.Collections.singletonList(null) : List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
        this.properties = properties;
    }

    /** The beans to read now: the include queries' union less the exclude queries'. */
    Set<ObjectName> beans() throws IOException {
        Set<ObjectName> names = new HashSet<>();
        for (ObjectName include : includes) {
            names.addAll(server.queryNames(include, null));
        }
        for (ObjectName exclude : excludes) {
            names.removeAll(server.queryNames(exclude, null));
        }
        properties.retainOnly(names);
        return names;
    }

    /** Reads every attribute of every bean in {@link #beans()}. */
    void walk(Consumer<AttributeValue> out) throws IOException {
        for (ObjectName bean : beans()) {
            bean(bean, out);
        }
    }

    private void bean(ObjectName bean, Consumer<AttributeValue> out) throws IOException {
        MBeanInfo info;
        try {
            info = server.getMBeanInfo(bean);
        } catch (JMException | RuntimeException e) {
            return; // unregistered meanwhile, or a bean whose info throws
        }
        Map<String, MBeanAttributeInfo> readable = new LinkedHashMap<>();
        for (MBeanAttributeInfo attribute : info.getAttributes()) {
            if (attribute.isReadable()) {
                readable.put(attribute.getName(), attribute);
            }
        }
        if (readable.isEmpty() || bean.equals(FLIGHT_RECORDER)) {
            return;
        }
        Map<String, String> keys = properties.get(bean);
        AttributeList values;
        try {
            values = server.getAttributes(bean, readable.keySet().toArray(String[]::new));
        } catch (JMException | RuntimeException e) {
            values = oneByOne(bean, readable.keySet());
        }
        if (values == null) {
            return;
        }
        for (Attribute attribute : values.asList()) {
            if (bean.equals(RUNTIME) && RUNTIME_SKIPPED.contains(attribute.getName().toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            MBeanAttributeInfo attributeInfo = readable.get(attribute.getName());
            if (attributeInfo == null) {
                continue;
            }
            value(bean.getDomain(), keys, List.of(), attribute.getName(), attributeInfo.getDescription(),
                    attribute.getValue(), out);
        }
    }

    private AttributeList oneByOne(ObjectName bean, Collection<String> names) throws IOException {
        AttributeList list = new AttributeList();
        for (String name : names) {
            try {
                list.add(new Attribute(name, server.getAttribute(bean, name)));
            } catch (JMException | RuntimeException e) {
                // this attribute cannot be read now; the others still can
            }
        }
        return list;
    }

    /** One value, recursing into open types; jmx_exporter's {@code processBeanValue}. */
    static void value(String domain, Map<String, String> keys, List<String> path, String attribute, String description,
            Object value, Consumer<AttributeValue> out) {
        switch (value) {
            case null -> {
            }
            case Number n -> out.accept(new AttributeValue(domain, keys, path, attribute, description, n));
            case String s -> out.accept(new AttributeValue(domain, keys, path, attribute, description, s));
            case Boolean b -> out.accept(new AttributeValue(domain, keys, path, attribute, description, b));
            case Date d -> out.accept(new AttributeValue(domain, keys, path, attribute, description, d.getTime() / 1000.0));
            case CompositeData composite -> {
                CompositeType type = composite.getCompositeType();
                List<String> inner = append(path, attribute);
                for (String key : type.keySet()) {
                    value(domain, keys, inner, key, type.getDescription(), composite.get(key), out);
                }
            }
            case TabularData table -> table(domain, keys, path, attribute, table, out);
            case Optional<?> optional -> optional.ifPresent(v -> value(domain, keys, path, attribute, description, v, out));
            case Enum<?> e -> value(domain, keys, path, attribute, description, e.toString(), out);
            default -> {
                // arrays and other objects have no number in them
            }
        }
    }

    private static void table(String domain, Map<String, String> keys, List<String> path, String attribute,
            TabularData table, Consumer<AttributeValue> out) {
        TabularType type = table.getTabularType();
        List<String> index = type.getIndexNames();
        CompositeType rowType = type.getRowType();
        Set<String> columns = new TreeSet<>(rowType.keySet());
        index.forEach(columns::remove);
        List<String> inner = append(path, attribute);
        for (Object row : table.values()) {
            if (!(row instanceof CompositeData data)) {
                continue;
            }
            Map<String, String> rowKeys = new LinkedHashMap<>(keys);
            for (String indexName : index) {
                Object indexValue = data.get(indexName);
                if (indexValue == null) {
                    continue;
                }
                String key = indexName;
                while (rowKeys.containsKey(key)) {
                    key = key + "_";
                }
                if (indexValue instanceof CompositeData compositeIndex) {
                    for (String item : compositeIndex.getCompositeType().keySet()) {
                        rowKeys.put(key + "_" + item, String.valueOf(compositeIndex.get(item)));
                    }
                } else {
                    rowKeys.put(key, indexValue.toString());
                }
            }
            for (String column : columns) {
                boolean isValue = column.equalsIgnoreCase("value");
                value(domain, rowKeys, isValue ? path : inner, isValue ? attribute : column, rowType.getDescription(),
                        data.get(column), out);
            }
        }
    }

    private static List<String> append(List<String> path, String name) {
        List<String> out = new ArrayList<>(path.size() + 1);
        out.addAll(path);
        out.add(name);
        return out;
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }
}
