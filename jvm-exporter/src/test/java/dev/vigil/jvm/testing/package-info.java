/** Test helpers shared by the host-mode and agent tests: reading the text exposition format. */
package dev.vigil.jvm.testing;
