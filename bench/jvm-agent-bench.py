#!/usr/bin/env python3
"""Vigil's JVM agent side by side with jmx_exporter's javaagent on the same application.

    bench/jvm-agent-bench.py [ROUNDS (default 5)] [SCRAPES (default 200)]

Builds nothing: run `bin/mvn -B -o package -DskipTests` and the jvm-exporter's
pre-integration-test phase (or any `verify`) first, which leave target/vigil-jvm-agent.jar,
target/peers/jmx_prometheus_javaagent.jar (jmx_exporter 1.0.1) and the test classes' ProbeApp,
an application that prints when its main starts and then idles.

Each round starts the application once per variant, in an order that rotates per round:
  none       no agent (the baseline);
  vigil      -javaagent:vigil-jvm-agent.jar=PORT (client_java's jvm_* and process_* set);
  jmx-min    jmx_exporter with a config that selects no MBean: the same jvm_* and process_* set;
  jmx-all    jmx_exporter with `{}`: every MBean attribute by its default name, the setting
             of many users (shown for scale; the targets compare with jmx-min).
The JVM runs with JVM_FLAGS (default "-Xmx256m", G1). APP=busy (default idle) runs the application
with `churn`: a thread allocating some 64 MB/s of short-lived garbage, as a busy service does, so
every variant's young generation is touched and the added RSS is what the agent keeps (classes,
code, threads, live objects) rather than the young-generation pages its garbage first touches. Per variant and round it records:
  main_ms     the JVM's uptime when main runs (RuntimeMXBean), what an agent's premain adds;
  ready_ms    from the process start until /metrics first answers 200;
  p50/p99_ms  the latency of SCRAPES scrapes, one every INTERVAL s (default 0.05), after 20 warm-up
              scrapes and WARM_SECONDS (default 5) after start, over one kept-alive connection with
              Prometheus' Accept and Accept-Encoding: gzip headers;
  cpu_ms      the process' CPU (utime + stime) during the scrapes divided by their number;
  rss_mib     VmRSS IDLE_SECONDS (default 3) after the last scrape (the baseline at the same age);
  threads     the process' threads then.
Then the medians over rounds, the added RSS and start delay against `none`, and vigil / jmx-min.
Everything started is killed on exit.
"""
import gzip
import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.path.join(ROOT, "jvm-exporter", "target")
VIGIL_JAR = os.path.join(TARGET, "vigil-jvm-agent.jar")
JMX_JAR = os.path.join(TARGET, "peers", "jmx_prometheus_javaagent.jar")
APP_CLASSES = os.path.join(TARGET, "test-classes")
APP_MAIN = "dev.vigil.jvm.agent.it.ProbeApp"
APP = os.environ.get("APP", "idle")
PORT = int(os.environ.get("PORT", "29302"))
INTERVAL = float(os.environ.get("INTERVAL", "0.05"))
WARM_SECONDS = float(os.environ.get("WARM_SECONDS", "5"))
IDLE_SECONDS = float(os.environ.get("IDLE_SECONDS", "3"))
JVM_FLAGS = os.environ.get("JVM_FLAGS", "-Xmx256m").split()
CLK_TCK = os.sysconf("SC_CLK_TCK")
ACCEPT = "text/plain;version=0.0.4;q=0.5,*/*;q=0.1"


def java():
    home = os.environ.get("JAVA_HOME")
    return os.path.join(home, "bin", "java") if home else "java"


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def status(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    raise KeyError(key)


def scrape(conn):
    conn.request("GET", "/metrics", headers={"Accept": ACCEPT, "Accept-Encoding": "gzip"})
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        raise RuntimeError(f"status {response.status}")
    if response.getheader("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return body


def run(variant, agent, scrapes):
    command = [java(), *JVM_FLAGS]
    if agent:
        command.append("-javaagent:" + agent)
    command += ["-cp", APP_CLASSES, APP_MAIN]
    if APP == "busy":
        command.append("churn")
    started = time.monotonic()
    app = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = app.stdout.readline().strip()
        if not line.startswith("main-uptime-ms="):
            raise RuntimeError(f"{variant}: the application printed {line!r}")
        row = {"main_ms": float(line.split("=")[1])}
        if agent:
            while True:
                try:
                    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
                    scrape(conn)
                    break
                except OSError:
                    if time.monotonic() - started > 30 or app.poll() is not None:
                        raise RuntimeError(f"{variant}: /metrics never answered")
                    time.sleep(0.005)
            row["ready_ms"] = (time.monotonic() - started) * 1000
        time.sleep(max(0.0, WARM_SECONDS - (time.monotonic() - started)))
        if agent:
            for _ in range(20):
                scrape(conn)
            latencies = []
            cpu_before = cpu_seconds(app.pid)
            for _ in range(scrapes):
                t0 = time.perf_counter()
                body = scrape(conn)
                latencies.append((time.perf_counter() - t0) * 1000)
                time.sleep(INTERVAL)
            row["cpu_ms"] = (cpu_seconds(app.pid) - cpu_before) * 1000 / scrapes
            latencies.sort()
            row["p50_ms"] = statistics.median(latencies)
            row["p99_ms"] = latencies[int(len(latencies) * 0.99) - 1]
            row["series"] = sum(1 for line in body.decode().splitlines() if line and not line.startswith("#"))
            conn.close()
        else:
            # the baseline idles as long as the others scrape, so all are measured at the same age
            time.sleep(20 * 0.002 + scrapes * (INTERVAL + 0.002))
        time.sleep(IDLE_SECONDS)
        row["rss_mib"] = status(app.pid, "VmRSS") / 1024
        row["threads"] = status(app.pid, "Threads")
        return row
    finally:
        app.kill()
        app.wait()


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    scrapes = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    for jar in (VIGIL_JAR, JMX_JAR, os.path.join(APP_CLASSES, *APP_MAIN.split(".")) + ".class"):
        if not os.path.exists(jar):
            sys.exit(f"{jar} is missing: build first (see this script's header)")
    with tempfile.TemporaryDirectory() as tmp:
        jmx_min = os.path.join(tmp, "jmx-min.yaml")
        with open(jmx_min, "w") as f:
            f.write('includeObjectNames: ["vigil.none:type=None"]\n')
        jmx_all = os.path.join(tmp, "jmx-all.yaml")
        with open(jmx_all, "w") as f:
            f.write("{}\n")
        variants = [
            ("none", None),
            ("vigil", f"{VIGIL_JAR}={PORT}"),
            ("jmx-min", f"{JMX_JAR}={PORT}:{jmx_min}"),
            ("jmx-all", f"{JMX_JAR}={PORT}:{jmx_all}"),
        ]
        print(f"java: {java()}  flags: {' '.join(JVM_FLAGS)}  application: {APP}  rounds: {rounds}  scrapes: {scrapes}")
        rows = {name: [] for name, _ in variants}
        for r in range(rounds):
            order = variants[r % len(variants):] + variants[:r % len(variants)]
            for name, agent in order:
                row = run(name, agent, scrapes)
                rows[name].append(row)
                print(f"round {r + 1} {name:8} " + "  ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}"
                                                          for k, v in row.items()), flush=True)
    keys = ["main_ms", "ready_ms", "p50_ms", "p99_ms", "cpu_ms", "rss_mib", "threads", "series"]
    med = {name: {k: statistics.median(row[k] for row in rs) for k in keys if k in rs[0]} for name, rs in rows.items()}
    base = med["none"]
    print()
    print("| variant | main ms | added start ms | ready ms | p50 ms | p99 ms | CPU ms/scrape | RSS MiB | added RSS MiB | threads | series |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name, m in med.items():
        def cell(k, fmt="{:.1f}"):
            return fmt.format(m[k]) if k in m else "-"
        added_start = m["main_ms"] - base["main_ms"]
        added_rss = m["rss_mib"] - base["rss_mib"]
        print(f"| {name} | {cell('main_ms', '{:.0f}')} | {added_start:.0f} | {cell('ready_ms', '{:.0f}')} | "
              f"{cell('p50_ms', '{:.2f}')} | {cell('p99_ms', '{:.2f}')} | {cell('cpu_ms', '{:.2f}')} | "
              f"{m['rss_mib']:.1f} | {added_rss:.1f} | {m['threads']:.0f} | {cell('series', '{:.0f}')} |")
    v, j = med["vigil"], med["jmx-min"]
    print()
    print(f"vigil / jmx-min: added RSS {(v['rss_mib'] - base['rss_mib']) / (j['rss_mib'] - base['rss_mib']):.2f}x "
          f"(target <= 0.5), p50 latency {v['p50_ms'] / j['p50_ms']:.2f}x (target <= 0.5), "
          f"CPU per scrape {v['cpu_ms'] / j['cpu_ms']:.2f}x, added start {v['main_ms'] - base['main_ms']:.0f} ms "
          f"(target <= 50) vs {j['main_ms'] - base['main_ms']:.0f} ms")


if __name__ == "__main__":
    main()
