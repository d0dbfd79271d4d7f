package dev.vigil.jvm.agent.it;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;

/**
 * An MBean whose attributes are fixed values given at construction (in order), each with a description;
 * the values never change, so two exporters reading it must report exactly the same numbers.
 */
public final class FixedMBean implements DynamicMBean {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, String> descriptions = new LinkedHashMap<>();

    /** Adds an attribute; a null description means the attribute's name (as the platform MXBeans do). */
    public FixedMBean with(String name, Object value, String description) {
        values.put(name, value);
        descriptions.put(name, description == null ? name : description);
        return this;
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        if (!values.containsKey(attribute)) {
            throw new AttributeNotFoundException(attribute);
        }
        return values.get(attribute);
    }

    @Override
    public void setAttribute(Attribute attribute) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        AttributeList list = new AttributeList();
        for (String name : attributes) {
            if (values.containsKey(name)) {
                list.add(new Attribute(name, values.get(name)));
            }
        }
        return list;
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList();
    }

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature) {
        throw new UnsupportedOperationException(actionName);
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        MBeanAttributeInfo[] attributes = values.entrySet().stream()
                .map(e -> new MBeanAttributeInfo(e.getKey(), e.getValue() == null ? "java.lang.Object"
                        : e.getValue().getClass().getName(), descriptions.get(e.getKey()), true, false, false))
                .toArray(MBeanAttributeInfo[]::new);
        return new MBeanInfo(FixedMBean.class.getName(), "fixed values", attributes, null, null, null);
    }
}
