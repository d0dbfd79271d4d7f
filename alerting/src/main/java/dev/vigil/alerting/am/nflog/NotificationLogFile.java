package dev.vigil.alerting.am.nflog;

import dev.vigil.alerting.am.persist.AtomicFile;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The notification log file: a header line, then one entry per line: group key, receiver,
 * integration, index (URL-encoded), timestamp, expiry, firing and resolved fingerprints (hex,
 * comma-separated), separated by tabs. Replaced whole with {@link AtomicFile}.
 */
final class NotificationLogFile {
    static final String HEADER = "# vigil nflog v1";

    private NotificationLogFile() {
    }

    static List<LogEntry> read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException("notification log " + file + " does not start with \"" + HEADER + "\"");
        }
        List<LogEntry> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            try {
                out.add(decode(lines.get(i)));
            } catch (RuntimeException e) {
                throw new IOException("notification log " + file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    static void write(Path file, Collection<LogEntry> entries) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (LogEntry e : entries) {
            text.append(String.join("\t", enc(e.groupKey()), enc(e.receiver().receiver()),
                    enc(e.receiver().integration()), Integer.toString(e.receiver().index()),
                    e.timestamp().toString(), e.expiresAt().toString(), fps(e.firing()), fps(e.resolved())))
                    .append('\n');
        }
        AtomicFile.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static LogEntry decode(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 8) {
            throw new IllegalArgumentException("expected 8 fields, found " + f.length);
        }
        return new LogEntry(dec(f[0]), new ReceiverKey(dec(f[1]), dec(f[2]), Integer.parseInt(f[3])),
                parseFps(f[6]), parseFps(f[7]), Instant.parse(f[4]), Instant.parse(f[5]));
    }

    private static String fps(Set<Long> set) {
        StringBuilder out = new StringBuilder();
        for (long fp : set) {
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(Long.toHexString(fp));
        }
        return out.toString();
    }

    private static Set<Long> parseFps(String text) {
        Set<Long> out = new HashSet<>();
        for (String s : text.isEmpty() ? new String[0] : text.split(",")) {
            out.add(Long.parseUnsignedLong(s, 16));
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
