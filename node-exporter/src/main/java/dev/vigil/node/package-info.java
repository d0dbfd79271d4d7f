/**
 * The node exporter binary: {@link dev.vigil.node.NodeExporterMain} and the list of its
 * collectors, {@link dev.vigil.node.NodeCollectors}. The collectors themselves live in {@code
 * dev.vigil.node.collector}, one file each, and read the host only through {@code HostPaths}. The
 * container exporter's {@code container} and {@code machine} collectors are hosted too, off by
 * default.
 */
package dev.vigil.node;
