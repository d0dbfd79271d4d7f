/**
 * The remote-write sender: one queue per {@code remote_write} entry reads samples from the WAL
 * ({@code WalTailer}), applies external labels and write relabeling per series, shards them by
 * series, batches them into {@code prompb.WriteRequest}s (protobuf in snappy's block format) and
 * POSTs them with Prometheus 2.42's retry rules. Progress is kept per destination in a small
 * file, so a restart resumes where the receiver's acknowledgements left off. Nothing here reads
 * or writes the head; the receiver of remote writes lives in the parent package.
 */
package dev.vigil.hub.remote.sender;
