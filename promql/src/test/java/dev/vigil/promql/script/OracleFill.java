package dev.vigil.promql.script;

import dev.vigil.model.Labels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A writing aid, not a test: {@code OracleFill FILE...} replaces the expected results of every eval
 * in each script with what promtool answers, so that expected values are Prometheus' own. Review
 * the diff before committing: a surprising answer is worth a comment in the script, or an issue.
 * A result with no labels is written as a scalar when the script expected a scalar there.
 */
public final class OracleFill {
    private OracleFill() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("oracle-fill");
        for (String arg : args) {
            Path file = Path.of(arg);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Script script = ScriptParser.parse(file.getFileName().toString(), text);
            Map<PromtoolOracle.Probe, PromtoolOracle.Answer> answers = new PromtoolOracle(work).ask(script);
            Map<Integer, List<String>> blocks = new TreeMap<>();
            Map<Command.Eval, List<Map.Entry<PromtoolOracle.Probe, PromtoolOracle.Answer>>> byEval =
                    new LinkedHashMap<>();
            answers.entrySet().forEach(e -> byEval.computeIfAbsent(e.getKey().eval(), k -> new ArrayList<>()).add(e));
            byEval.forEach((eval, steps) -> {
                if (eval.fail()) {
                    String err = steps.stream().map(s -> s.getValue().error()).filter(x -> x != null).findFirst()
                            .orElse(null);
                    System.out.println(file + ":" + eval.line() + ": eval_fail: " + (err == null ? "NO ERROR" : err));
                    blocks.put(eval.line(), List.of());
                    return;
                }
                if (eval.ordered() && !eval.expected().isEmpty()) {
                    return; // promtool sorts its output: an ordered block keeps the order written by hand
                }
                blocks.put(eval.line(), lines(file, eval, steps));
            });
            Files.writeString(file, rewrite(text, blocks), StandardCharsets.UTF_8);
        }
    }

    private static List<String> lines(Path file, Command.Eval eval,
            List<Map.Entry<PromtoolOracle.Probe, PromtoolOracle.Answer>> steps) {
        List<String> out = new ArrayList<>();
        Map<Labels, String[]> series = new TreeMap<>();
        for (Map.Entry<PromtoolOracle.Probe, PromtoolOracle.Answer> s : steps) {
            if (s.getValue().error() != null) {
                System.out.println(file + ":" + eval.line() + ": ERROR at t=" + s.getKey().time() + ": "
                        + s.getValue().error());
                continue;
            }
            int step = s.getKey().step();
            s.getValue().samples().forEach((l, v) -> series.computeIfAbsent(l, k -> new String[steps.size()])[step] =
                    ScriptValues.format(v));
        }
        if (!eval.range() && eval.expectedScalar() != null && series.size() == 1 && series.containsKey(Labels.EMPTY)) {
            out.add(series.get(Labels.EMPTY)[0]);
            return out;
        }
        series.forEach((l, vs) -> out.add(ScriptLabels.format(l) + " " + compress(vs)));
        return out;
    }

    /** Values per step, runs of one value as {@code vxN}, gaps as {@code _} / {@code _xN}. */
    static String compress(String[] vs) {
        int last = vs.length;
        while (last > 0 && vs[last - 1] == null) {
            last--;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < last; ) {
            int j = i;
            while (j + 1 < last && java.util.Objects.equals(vs[j + 1], vs[i])) {
                j++;
            }
            int n = j - i;
            String item = vs[i] == null ? (n == 0 ? "_" : "_x" + (n + 1)) : (n == 0 ? vs[i] : n == 1 ? vs[i] + " " + vs[i] : vs[i] + "x" + n);
            out.append(out.isEmpty() ? "" : " ").append(item);
            i = j + 1;
        }
        return out.toString();
    }

    /** The script with each eval's expected block (lines after it up to a blank or comment line) replaced. */
    private static String rewrite(String text, Map<Integer, List<String>> blocks) {
        String[] lines = text.split("\n", -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            out.add(lines[i]);
            List<String> block = blocks.get(i + 1);
            if (block == null) {
                continue;
            }
            while (i + 1 < lines.length && !lines[i + 1].isBlank() && !lines[i + 1].strip().startsWith("#")) {
                i++;
            }
            for (String b : block) {
                out.add("    " + b);
            }
        }
        return String.join("\n", out);
    }
}
