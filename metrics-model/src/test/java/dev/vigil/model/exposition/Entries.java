package dev.vigil.model.exposition;

import dev.vigil.model.GoFloats;
import dev.vigil.model.Labels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helper: every entry of an exposition as one readable line. */
final class Entries {
    private Entries() {
    }

    static List<String> of(String contentType, String text) throws ExpositionException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ExpositionParser parser = ExpositionParser.forContentType(contentType, bytes, bytes.length);
        List<String> out = new ArrayList<>();
        ExpositionParser.Entry entry;
        while ((entry = parser.next()) != null) {
            out.add(switch (entry) {
                case SERIES -> {
                    Labels.Builder builder = Labels.builder();
                    parser.labels(builder);
                    String series = new String(parser.buffer(), parser.seriesStart(),
                            parser.seriesEnd() - parser.seriesStart(), StandardCharsets.UTF_8);
                    yield "series " + series + " -> " + builder.build() + " " + format(parser.value())
                            + (parser.hasTimestamp() ? " @" + parser.timestamp() : "");
                }
                case HELP -> "help " + parser.metricName() + " " + parser.text();
                case TYPE -> "type " + parser.metricName() + " " + parser.type();
                case UNIT -> "unit " + parser.metricName() + " " + parser.text();
                case COMMENT -> "comment " + parser.text();
            });
        }
        return out;
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN/" + Long.toHexString(Double.doubleToRawLongBits(v));
        }
        return GoFloats.format(v);
    }

    static String error(String contentType, String text) {
        try {
            of(contentType, text);
            return "no error";
        } catch (ExpositionException e) {
            return e.getMessage();
        }
    }
}
