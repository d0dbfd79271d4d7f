package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorContext;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.flags.FlagSet;
import dev.vigil.exporter.log.Log;
import dev.vigil.model.MetricType;
import dev.vigil.model.text.ParsedFamily;
import dev.vigil.model.text.ParsedSample;
import dev.vigil.model.text.TextFormatParser;
import dev.vigil.model.text.TextParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Metrics that scripts write into {@code *.prom} files in {@code --collector.textfile.directory} (a
 * directory or a glob of directories), as node_exporter's textfile collector reads them: HELP
 * defaults to "Metric read from FILES", labels missing from some samples of a family are added
 * empty, {@code node_textfile_mtime_seconds{file}} for every file read, and {@code
 * node_textfile_scrape_error} 1 when any file could not be used. A file with client-side
 * timestamps, a parse error, or a family whose type or HELP contradicts another file's is rejected
 * whole with one error in the log; samples repeated across files are dropped with an error.
 */
public final class TextfileCollector implements Collector {
    public static final CollectorFactory FACTORY = new Factory();

    private static final Log LOG = Log.get(TextfileCollector.class);
    private static final Desc MTIME = Desc.gauge("node_textfile_mtime_seconds",
            "Unixtime mtime of textfiles successfully read.", "file");
    private static final Desc SCRAPE_ERROR = Desc.gauge("node_textfile_scrape_error",
            "1 if there was an error opening or reading a file, 0 otherwise");

    private final String directory;

    public TextfileCollector(String directory) {
        this.directory = directory;
    }

    @Override
    public String name() {
        return "textfile";
    }

    /** A family gathered across files. */
    private static final class Family {
        final String name;
        final MetricType type;
        final String help;
        final List<String> files = new ArrayList<>();
        final List<ParsedSample> samples = new ArrayList<>();

        Family(String name, MetricType type, String help) {
            this.name = name;
            this.type = type;
            this.help = help;
        }
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        boolean errored = false;
        Map<String, Family> families = new LinkedHashMap<>();
        Map<String, Double> mtimes = new TreeMap<>();
        for (Path dir : directories()) {
            List<Path> files;
            try {
                files = promFiles(dir);
            } catch (IOException e) {
                errored = true;
                LOG.error("failed to read textfile collector directory", "path", dir, "err", e.getMessage());
                continue;
            }
            for (Path file : files) {
                try {
                    double mtime = readFile(file, families);
                    mtimes.put(file.toString(), mtime);
                } catch (IOException | TextParseException e) {
                    errored = true;
                    LOG.error("failed to collect textfile data", "file", file.getFileName(), "err", e.getMessage());
                }
            }
        }
        for (Family family : families.values()) {
            errored |= !emit(family, sink);
        }
        mtimes.forEach((file, mtime) -> sink.add(MTIME, mtime, file));
        sink.add(SCRAPE_ERROR, errored ? 1 : 0);
    }

    private List<Path> directories() throws IOException {
        if (directory.isEmpty()) {
            return List.of();
        }
        if (directory.chars().noneMatch(c -> c == '*' || c == '?' || c == '[')) {
            return List.of(Path.of(directory));
        }
        List<Path> matches = Globs.expand(directory);
        return matches.isEmpty() ? List.of(Path.of(directory)) : matches;
    }

    private static List<Path> promFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path entry : stream) {
                if (entry.getFileName().toString().endsWith(".prom")) {
                    files.add(entry);
                }
            }
        }
        files.sort(null);
        return files;
    }

    /** Parses one file into {@code families}; on any problem nothing of the file is kept. */
    private static double readFile(Path file, Map<String, Family> families) throws IOException, TextParseException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<ParsedFamily> parsed;
        try {
            parsed = TextFormatParser.parse(text.replace("\r", ""));
        } catch (TextParseException e) {
            throw new IOException("failed to parse textfile data from \"" + file + "\": " + e.getMessage(), e);
        }
        for (ParsedFamily family : parsed) {
            if (family.samples().stream().anyMatch(sample -> sample.timestampMs() != null)) {
                throw new IOException("textfile \"" + file + "\" contains unsupported client-side timestamps, skipping entire file");
            }
            Family seen = families.get(family.name());
            if (seen != null && seen.type != family.type()) {
                throw new IOException("textfile \"" + file + "\": " + family.name() + " is a " + family.type().textName()
                        + " here but a " + seen.type.textName() + " in " + String.join(", ", seen.files)
                        + ", skipping entire file");
            }
            if (seen != null && family.help() != null && seen.help != null && !seen.help.equals(family.help())) {
                throw new IOException("textfile \"" + file + "\": " + family.name() + " has HELP \"" + family.help()
                        + "\" here but \"" + seen.help + "\" in " + String.join(", ", seen.files) + ", skipping entire file");
            }
        }
        for (ParsedFamily family : parsed) {
            Family into = families.computeIfAbsent(family.name(),
                    name -> new Family(name, family.type(), family.help()));
            into.files.add(file.toString());
            into.samples.addAll(family.samples());
        }
        return attributes.lastModifiedTime().toMillis() / 1000;
    }

    /** Sends one family; false when some of its samples had to be dropped. */
    private static boolean emit(Family family, MetricSink sink) {
        boolean complex = family.type == MetricType.SUMMARY || family.type == MetricType.HISTOGRAM;
        Set<String> labelNames = new LinkedHashSet<>();
        for (ParsedSample sample : family.samples) {
            labelNames.addAll(sample.labelNames());
        }
        if (complex) {
            labelNames.remove(family.type == MetricType.HISTOGRAM ? "le" : "quantile");
        }
        List<String> names = new ArrayList<>(labelNames);
        names.sort(null);
        String help = family.help != null ? family.help : "Metric read from " + String.join(", ", family.files);
        Desc desc;
        try {
            desc = new Desc(family.name, help, family.type, names);
        } catch (IllegalArgumentException e) {
            LOG.error("failed to collect textfile data", "metric", family.name, "err", e.getMessage());
            return false;
        }
        if (complex) {
            return Distributions.emit(desc, names, family.samples, sink);
        }
        boolean clean = true;
        Set<List<String>> seen = new HashSet<>();
        for (ParsedSample sample : family.samples) {
            String[] values = new String[names.size()];
            for (int i = 0; i < values.length; i++) {
                String value = sample.label(names.get(i));
                values[i] = value == null ? "" : value;
            }
            if (!seen.add(List.of(values))) {
                LOG.error("failed to collect textfile data", "metric", family.name, "err",
                        "duplicate sample " + family.name + labelText(names, values) + " in " + String.join(", ", family.files));
                clean = false;
                continue;
            }
            sink.add(desc, sample.value(), values);
        }
        return clean;
    }

    private static String labelText(List<String> names, String[] values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ",").append(names.get(i)).append("=\"").append(values[i]).append('"');
        }
        return out.append('}').toString();
    }

    private static final class Factory implements CollectorFactory {
        @Override
        public String name() {
            return "textfile";
        }

        @Override
        public boolean enabledByDefault() {
            return true;
        }

        @Override
        public void defineFlags(FlagSet flags) {
            flags.string("collector.textfile.directory", "Directory to read text files with metrics from.", "");
        }

        @Override
        public Collector create(CollectorContext context) {
            return new TextfileCollector((String) context.flags().lookup("collector.textfile.directory").get());
        }
    }
}
