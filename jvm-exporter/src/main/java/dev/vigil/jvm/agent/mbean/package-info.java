/**
 * The agent's optional MBean export in jmx_exporter's config format ({@code rules},
 * {@code includeObjectNames}, ...): the config ({@link dev.vigil.jvm.agent.mbean.MBeanConfig}), the
 * pure pieces that turn one attribute value into a sample ({@link dev.vigil.jvm.agent.mbean.Naming},
 * {@link dev.vigil.jvm.agent.mbean.KeyProperties}, {@link dev.vigil.jvm.agent.mbean.AttributeValue},
 * {@link dev.vigil.jvm.agent.mbean.RuleMatcher}, {@link dev.vigil.jvm.agent.mbean.FamilyBuilder}), and
 * apart from them the walk over the platform MBeanServer ({@link dev.vigil.jvm.agent.mbean.MBeanWalker})
 * and the client_java collector that ties them together ({@link dev.vigil.jvm.agent.mbean.MBeanCollector}).
 * Semantics follow jmx_exporter 1.0.1's javaagent; where we differ the README says so. Nothing here
 * opens files or sockets; only the walker and the collector touch JMX.
 */
package dev.vigil.jvm.agent.mbean;
