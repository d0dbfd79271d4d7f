package dev.vigil.alerting.am.silence;

import dev.vigil.alerting.am.labels.MatchType;
import dev.vigil.alerting.am.labels.Matcher;
import dev.vigil.alerting.am.labels.MatcherException;
import dev.vigil.alerting.am.labels.Matchers;
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
import java.util.List;

/**
 * The silences file: a header line, then one silence per line, fields separated by tabs and each
 * field URL-encoded (so tabs, newlines and commas in comments or values cannot break a line).
 * Written whole to a temp file beside the target, fsynced, renamed over it, and the directory
 * fsynced: after a crash the file is the old set or the new one, never half of either.
 */
final class SilenceFile {
    static final String HEADER = "# vigil silences v1";

    private SilenceFile() {
    }

    static List<Silence> read(Path file) throws SilenceException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new SilenceException("cannot read silences file " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new SilenceException("silences file " + file + " does not start with \"" + HEADER + "\"");
        }
        List<Silence> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            try {
                out.add(decode(lines.get(i)));
            } catch (RuntimeException | MatcherException e) {
                throw new SilenceException("silences file " + file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    static void write(Path file, Collection<Silence> silences) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (Silence s : silences) {
            text.append(encode(s)).append('\n');
        }
        AtomicFile.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(Silence s) {
        List<String> ms = new ArrayList<>();
        for (Matcher m : s.matchers().list()) {
            ms.add(enc(m.type().operator()) + " " + enc(m.name()) + " " + enc(m.value()));
        }
        return String.join("\t", enc(s.id()), s.startsAt().toString(), s.endsAt().toString(),
                s.updatedAt().toString(), enc(s.createdBy()), enc(s.comment()), String.join(",", ms));
    }

    private static Silence decode(String line) throws MatcherException {
        String[] f = line.split("\t", -1);
        if (f.length != 7) {
            throw new IllegalArgumentException("expected 7 fields, found " + f.length);
        }
        List<Matcher> ms = new ArrayList<>();
        for (String m : f[6].isEmpty() ? new String[0] : f[6].split(",")) {
            String[] p = m.split(" ", -1);
            if (p.length != 3) {
                throw new IllegalArgumentException("bad matcher " + m);
            }
            ms.add(Matcher.of(MatchType.ofOperator(dec(p[0])), dec(p[1]), dec(p[2])));
        }
        return new Silence(dec(f[0]), new Matchers(ms), Instant.parse(f[1]), Instant.parse(f[2]),
                Instant.parse(f[3]), dec(f[4]), dec(f[5]));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
