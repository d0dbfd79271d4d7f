package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorContext;
import dev.vigil.exporter.CollectorFactory;
import java.util.function.Function;

/** Factories for collectors that have no flags of their own. */
final class Factories {
    private Factories() {
    }

    static CollectorFactory of(String name, boolean enabledByDefault, Function<CollectorContext, Collector> create) {
        return new CollectorFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean enabledByDefault() {
                return enabledByDefault;
            }

            @Override
            public Collector create(CollectorContext context) {
                return create.apply(context);
            }
        };
    }
}
