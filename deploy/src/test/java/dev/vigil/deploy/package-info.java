/**
 * Tests of deploy/: the Kubernetes manifests against the API schema (client-java's generated
 * models) and our DaemonSet conventions, the hub ConfigMap with the hub's own config loader and
 * Kubernetes discovery code, the binaries' flags in the manifests with the binaries' flag
 * parsers, and the offline image in Docker. Nothing here ships; the module has no main code.
 */
package dev.vigil.deploy;
