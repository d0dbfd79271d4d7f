package dev.vigil.exporter;

import java.io.IOException;

/**
 * One source of metrics, updated once per scrape (node_exporter's {@code Collector.Update}).
 *
 * <p>An implementation reads its files, sends values to the sink and returns. Throwing {@link
 * NoDataException} says "nothing to report here" (hardware absent), which is logged at debug level;
 * any other exception is a failure, logged at error level. Either way the scrape goes on and
 * {@code <ns>_scrape_collector_success} is 0 for this collector.
 *
 * <p>Collectors may be called from several threads, one scrape at a time per collector: the
 * registry never starts a collector again while its previous update is still running.
 */
public interface Collector {

    /** The collector's name, as in {@code --collector.<name>} and {@code collect[]=<name>}. */
    String name();

    /** Reads the current values and sends them to {@code sink}. */
    void update(MetricSink sink) throws IOException;
}
