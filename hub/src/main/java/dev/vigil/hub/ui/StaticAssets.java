package dev.vigil.hub.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * The UI's files, read from the jar under one resource root and kept in memory with their gzip
 * form and an ETag. A name is looked up only when it is a plain relative path of known file type
 * (no {@code ..}, no empty or dot segments, no backslash), so a request can never reach a file
 * outside the root.
 */
public final class StaticAssets {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "ico", "image/x-icon",
            "png", "image/png",
            "json", "application/json",
            "txt", "text/plain; charset=utf-8");

    /** One file: its bytes, the gzip of them (null when that is not smaller), type and ETag. */
    public record Asset(byte[] bytes, byte[] gzip, String contentType, String etag) {
    }

    private final String root;
    private final ClassLoader loader;
    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    /** @param root the resource directory, e.g. {@code dev/vigil/hub/ui} */
    public StaticAssets(String root, ClassLoader loader) {
        this.root = root.endsWith("/") ? root : root + "/";
        this.loader = loader;
    }

    /** The file at a relative name, or empty when there is none or the name is not allowed. */
    public Optional<Asset> get(String name) {
        if (!allowed(name)) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(name, this::load);
    }

    /** Whether a relative name is one this class will look up. */
    static boolean allowed(String name) {
        if (name == null || name.isEmpty() || name.length() > 200 || name.startsWith("/") || name.contains("\\")) {
            return false;
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                return false;
            }
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
                    return false;
                }
            }
        }
        return TYPES.containsKey(extension(name));
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    private Optional<Asset> load(String name) {
        try (InputStream in = loader.getResourceAsStream(root + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            byte[] gzip = gzip(bytes);
            String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8) + "\"";
            return Optional.of(new Asset(bytes, gzip.length < bytes.length ? gzip : null, TYPES.get(extension(name)),
                    etag));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
