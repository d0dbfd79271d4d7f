"""Turns one bench/compare.sh run into the markdown section it writes into BENCHMARKS.md.

    compare-report.py OUT_DIR PROFILE

OUT_DIR holds steps.tsv (one line per step: name, title, command, seconds, exit status), each step's
output as NAME.txt, and machine.txt. The figures are the steps' `RESULT BENCH PEER METRIC VALUE`
lines (one per round and peer); per bench and metric the tables give each peer's median with the
spread (min-max) when there were several rounds, and Vigil's median over each other peer's. The
targets table checks the component issues' performance targets against the same figures.
"""
import collections
import os
import statistics
import sys

# metric -> how the tables name it
LABELS = {
    "cpu_ms_per_scrape": "CPU per scrape (ms)",
    "user_ms_per_scrape": "user CPU per scrape (ms)",
    "sys_ms_per_scrape": "system CPU per scrape (ms)",
    "p50_ms": "p50 latency (ms)",
    "p90_ms": "p90 latency (ms)",
    "p99_ms": "p99 latency (ms)",
    "max_ms": "max latency (ms)",
    "rss_mib": "RSS after the run (MiB)",
    "rss_idle_mib": "RSS after idling (MiB)",
    "hwm_mib": "peak RSS (MiB)",
    "startup_ms": "start to first scrape (ms)",
    "gzip_bytes": "gzipped response (bytes)",
    "samples_per_s": "samples/s",
    "cpu_s_per_msample": "CPU s per million samples",
    "rss_kib_per_series": "RSS per active series (KiB)",
    "active_series": "active (head) series",
    "appended_over_expected": "appended / expected (1.000 = no missed scrape)",
    "max_sustained_samples_per_s": "highest sustained ingest (samples/s)",
    "bytes_per_sample": "disk bytes per sample",
    "append_msamples_per_s": "append into existing series (M samples/s)",
    "replay_seconds": "WAL replay (s)",
    "query_1_series_1h_ms": "one series over 1 h (ms)",
    "query_200_series_1h_ms": "200 series over 1 h (ms)",
    "heap_bytes_per_series": "heap per series after full GC (bytes)",
    "samples": "samples appended",
    "ceiling_reached": "fell behind at some interval (1) or kept up at the shortest (0)",
    "sum_by_instance_rate_cpu_1h_ms": "sum by (instance)(rate(node_cpu_seconds_total[1m])) over 1 h (ms)",
    "topk5_load1_ms": "topk(5, node_load1) (ms)",
    "one_series_1h_ms": "one series over 1 h (ms)",
    "sum_rate_net_rx_1h_ms": "sum(rate(node_network_receive_bytes_total[5m])) over 1 h (ms)",
    "count_up_ms": "count(up == 1) (ms)",
    "scrapes": "scrapes per round",
}

# (issue, bench, metric, kind, bound, text[, (figure, least)]). kind "ratio": Vigil's median over the
# reference peer's (named after a colon in the bench field, e.g. "fleet:prometheus"); "value": Vigil's
# median. The optional last field names a figure of the same bench that must be at least `least` for
# the run to judge the target (the size the target is stated for).
TARGETS = [
    ("3", "node:node_exporter", "cpu_ms_per_scrape", "ratio", ("<=", 0.5), "node exporter CPU per scrape <= 0.5x node_exporter"),
    ("3", "node:node_exporter", "p50_ms", "ratio", ("<=", 1.0), "node exporter p50 scrape latency <= node_exporter's"),
    ("3", "node", "rss_mib", "value", ("<=", 64), "node exporter RSS <= 64 MiB after 10,000 scrapes", ("scrapes", 10000)),
    ("3", "node", "startup_ms", "value", ("<=", 1500), "node exporter start to first scrape <= 1.5 s"),
    ("4", "storage", "append_msamples_per_s", "value", (">=", 2.0), "append >= 2 M samples/s into existing series, WAL included"),
    ("4", "storage", "replay_seconds", "value", ("<=", 10), "replay of a WAL of 1M series x 120 samples <= 10 s",
     ("samples", 120e6)),
    ("4", "storage", "query_1_series_1h_ms", "value", ("<=", 1), "one series over 1 h read in <= 1 ms"),
    ("4", "storage", "query_200_series_1h_ms", "value", ("<=", 20), "200 series over 1 h read in <= 20 ms"),
    ("4", "disk", "bytes_per_sample", "value", ("<=", 1.0), "disk <= 1.0 byte/sample in blocks"),
    ("4", "fleet", "rss_kib_per_series", "value", ("<=", 1.0), "hub RSS <= 1 KiB per active series"),
    ("5", "fleet:prometheus", "cpu_s_per_msample", "ratio", ("<=", 0.7), "hub CPU per million samples <= 0.7x Prometheus"),
    ("5", "fleet", "appended_over_expected", "value", (">=", 0.99), "hub: no missed scrapes"),
    ("5", "ingest:prometheus", "max_sustained_samples_per_s", "ingest", (">=", 1.5), "hub's highest sustainable ingest >= 1.5x Prometheus"),
    ("6", "query:prometheus", "sum_by_instance_rate_cpu_1h_ms", "ratio", ("<=", 1.0), "query latency <= 1.0x Prometheus: CPU rate by instance"),
    ("6", "query:prometheus", "topk5_load1_ms", "ratio", ("<=", 1.0), "query latency <= 1.0x Prometheus: topk"),
    ("6", "query:prometheus", "one_series_1h_ms", "ratio", ("<=", 1.0), "query latency <= 1.0x Prometheus: one series, 1 h"),
    ("6", "query:prometheus", "sum_rate_net_rx_1h_ms", "ratio", ("<=", 1.0), "query latency <= 1.0x Prometheus: network rate, 1 h"),
    ("6", "query:prometheus", "count_up_ms", "ratio", ("<=", 1.0), "query latency <= 1.0x Prometheus: count(up == 1)"),
    ("7", "routing", "p99_ms", "value", ("<", 100), "notification p99 < 100 ms after group_wait"),
]


# Benches whose RESULT lines are per step of a sweep, not rounds of one measurement: their medians
# would mix sizes, so the step's own markdown tables are shown instead.
SWEEPS = {"ingest-step"}

# A caption over a bench's table when a step measures more than one bench.
CAPTIONS = {
    "ingest": "Highest rate each peer sustained:",
    "alert-firing": "Condition set to firing webhook:",
    "alert-resolved": "Condition cleared to resolved webhook:",
}


def is_vigil(peer):
    return peer.startswith("vigil") or peer == "hub"


def fmt(v):
    if v == 0:
        return "0"
    a = abs(v)
    if a >= 1000:
        return f"{v:,.0f}"
    if a >= 100:
        return f"{v:.1f}"
    if a >= 1:
        return f"{v:.2f}"
    return f"{v:.3f}"


def read_results(out, steps):
    results = collections.OrderedDict()  # bench -> metric -> peer -> [values]
    owner = {}  # bench -> the step that measured it
    for step in steps:
        path = os.path.join(out, step["name"] + ".txt")
        if not os.path.exists(path):
            continue
        for line in open(path, errors="replace"):
            parts = line.split()
            if len(parts) != 5 or parts[0] != "RESULT":
                continue
            _, bench, peer, metric, value = parts
            try:
                number = float(value)
            except ValueError:
                continue
            owner.setdefault(bench, step["name"])
            results.setdefault(bench, collections.OrderedDict()).setdefault(metric, collections.OrderedDict()) \
                .setdefault(peer, []).append(number)
    return results, owner


def peers_of(metrics):
    peers = []
    for by_peer in metrics.values():
        for peer in by_peer:
            if peer not in peers:
                peers.append(peer)
    return sorted(peers, key=lambda p: (not is_vigil(p), peers.index(p)))


def table(bench, metrics):
    peers = peers_of(metrics)
    vigil = [p for p in peers if is_vigil(p)]
    others = [p for p in peers if not is_vigil(p)]
    head = ["metric"] + peers + [f"{vigil[0]} / {o}" for o in others if vigil]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for metric, by_peer in metrics.items():
        cells = [LABELS.get(metric, metric)]
        for peer in peers:
            values = by_peer.get(peer)
            if not values:
                cells.append("-")
            elif len(values) == 1:
                cells.append(fmt(values[0]))
            else:
                cells.append(f"{fmt(statistics.median(values))} ({fmt(min(values))}-{fmt(max(values))})")
        if vigil:
            mine = by_peer.get(vigil[0])
            for other in others:
                theirs = by_peer.get(other)
                if mine and theirs and statistics.median(theirs) != 0:
                    cells.append(f"{statistics.median(mine) / statistics.median(theirs):.2f}x")
                else:
                    cells.append("-")
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def ingest_verdict(ingest, rates, reference, bound):
    """The ingest ratio is only a ratio when both fell behind; otherwise a bound, or nothing."""
    reached = ingest.get("ceiling_reached", {})
    mine = next(p for p in rates if is_vigil(p))
    if reference not in rates:
        return "not measured in this run | -"
    ratio = statistics.median(rates[mine]) / statistics.median(rates[reference])
    mine_fell, theirs_fell = max(reached.get(mine, [0])) > 0, max(reached.get(reference, [0])) > 0
    figures = f"{fmt(statistics.median(rates[mine]))} vs {fmt(statistics.median(rates[reference]))} samples/s"
    if mine_fell and theirs_fell:
        return f"{ratio:.2f}x ({figures}) | " + ("**met**" if ratio >= bound else f"not met: {ratio / bound:.2f} of the bound")
    if theirs_fell:
        return f">= {ratio:.2f}x ({figures}; the hub kept up at the shortest interval) | " + (
            "**met**" if ratio >= bound else "not judged: the hub's ceiling is above what was tried")
    if mine_fell:
        return f"<= {ratio:.2f}x ({figures}; Prometheus kept up at the shortest interval) | " + (
            f"not met: at most {ratio / bound:.2f} of the bound" if ratio < bound else "not judged")
    return f"both kept up at every interval tried ({figures}) | not judged: no ceiling reached on this machine"


def targets(results):
    lines = ["| issue | target | measured | met |", "|---|---|---|---|"]
    for issue, where, metric, kind, (op, bound), text, *size in TARGETS:
        bench, _, reference = where.partition(":")
        by_peer = results.get(bench, {}).get(metric, {})
        mine = next((v for p, v in by_peer.items() if is_vigil(p)), None)
        if not mine or (kind == "ratio" and not by_peer.get(reference)):
            lines.append(f"| {issue} | {text} | not measured in this run | - |")
            continue
        value = statistics.median(mine)
        if kind == "ingest":
            lines.append(f"| {issue} | {text} | {ingest_verdict(results[bench], by_peer, reference, bound)} |")
            continue
        if size:
            figure, least = size[0]
            had = max(next((v for p, v in results[bench].get(figure, {}).items() if is_vigil(p)), [0]))
            if had < least:
                lines.append(f"| {issue} | {text} | {fmt(value)} at {fmt(had)} {figure} (this profile's size) | not judged: the target's size is `full`'s |")
                continue
        if kind == "ratio":
            theirs = statistics.median(by_peer[reference])
            figure = value / theirs
            measured = f"{figure:.2f}x ({fmt(value)} vs {fmt(theirs)})"
        else:
            figure = value
            measured = fmt(value)
        met = {"<=": figure <= bound, "<": figure < bound, ">=": figure >= bound}[op]
        if met:
            verdict = "**met**"
        else:
            verdict = f"not met: {figure / bound:.2f}x the bound" if op != ">=" else f"not met: {figure / bound:.2f} of the bound"
        lines.append(f"| {issue} | {text} | {measured} | {verdict} |")
    return lines


def verbatim_tables(path):
    """The markdown tables and Ratios lines of a step's own output."""
    lines = []
    for line in open(path, errors="replace"):
        line = line.rstrip("\n")
        if line.startswith("RESULT "):
            continue  # interleaved with the rows; the figures are the tables'
        if line.startswith("|") or line.startswith("Ratios:"):
            if lines and lines[-1].startswith("|") != line.startswith("|"):
                lines.append("")
            lines.append(line)
        elif lines and lines[-1] != "":
            lines.append("")
    return lines


def main():
    out, profile = sys.argv[1], sys.argv[2]
    steps = []
    for line in open(os.path.join(out, "steps.tsv")):
        name, title, command, seconds, status = line.rstrip("\n").split("\t")
        steps.append({"name": name, "title": title, "command": command, "seconds": int(seconds), "status": status})
    results, owner = read_results(out, steps)
    machine = open(os.path.join(out, "machine.txt")).read().strip()
    total = sum(s["seconds"] for s in steps)
    doc = [f"## Side by side, one run: `bench/compare.sh {profile}` ({open(os.path.join(out, 'date.txt')).read().strip()})", ""]
    doc += [machine, "", f"All steps one after another on this machine, {total / 60:.0f} minutes in all. Medians over the"
            " rounds, the spread (min-max) in brackets when there were several, and Vigil's median over each peer's."
            " Regenerate with the command in the heading (`quick` is the short profile, `full` the issues' sizes).", ""]
    doc += ["### Targets of the component issues", ""] + targets(results) + [""]
    for step in steps:
        doc += [f"### {step['title']}", "", f"`{step['command']}` ({step['seconds']} s"
                + ("" if step["status"] == "0" else f"; **failed with status {step['status']}**, see its output") + ")", ""]
        shown = False
        benches = [b for b in results if owner[b] == step["name"]]
        if any(b in SWEEPS for b in benches):
            doc += verbatim_tables(os.path.join(out, step["name"] + ".txt")) + [""]
            shown = True
        for bench in benches:
            if bench in SWEEPS:
                continue
            if len(benches) > 1 and bench in CAPTIONS:
                doc += [CAPTIONS[bench], ""]
            doc += table(bench, results[bench]) + [""]
            shown = True
        if not shown:
            doc += ["(no figures)", ""]
    text = "\n".join(doc).rstrip()
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    print(text)


if __name__ == "__main__":
    main()
