/**
 * Agent-mode integration tests: real JVMs started with {@code -javaagent:target/vigil-jvm-agent.jar},
 * and the small program they run ({@link dev.vigil.jvm.agent.it.ProbeApp}), which reports its own
 * MXBean values so the scrape can be checked against them.
 */
package dev.vigil.jvm.agent.it;
