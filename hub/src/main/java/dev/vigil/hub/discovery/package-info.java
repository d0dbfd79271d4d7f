/**
 * Service discovery: sources of target groups beyond static_configs, feeding the scrape manager
 * with the current groups per job. {@link dev.vigil.hub.discovery.FileSd} reads file_sd files
 * (JSON or YAML, watched); {@link dev.vigil.hub.discovery.KubernetesSd} lists and watches a
 * Kubernetes API server ({@code KubernetesWatch}) and labels targets as Prometheus does
 * ({@code KubernetesTargets}, {@code KubernetesEndpoints});
 * {@link dev.vigil.hub.discovery.DiscoveryManager} merges sources. Nothing here scrapes.
 */
package dev.vigil.hub.discovery;
