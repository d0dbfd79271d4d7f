/**
 * Agent mode: {@code -javaagent:vigil-jvm-agent.jar=[host:]port[:config]} serves client_java's
 * {@code jvm_*} and {@code process_*} metrics of the JVM it runs in. Everything here is loaded in
 * the application's JVM: it starts on one daemon thread, never fails the application (bad
 * arguments are a message on stderr), and touches no global state of the application (no
 * default registry, no root logger). The shaded jar relocates every dependency, so only the
 * classes of this package keep their names.
 */
package dev.vigil.jvm.agent;
