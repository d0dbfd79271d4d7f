#!/usr/bin/env python3
"""Scrapes one exporter's /metrics N times over one keep-alive connection, as Prometheus does, and
prints JSON: the exporter's CPU seconds used during the run (from /proc/PID/stat), latency
percentiles, bytes per scrape, and its VmRSS/VmHWM right after the run and, with a fourth argument,
after that many idle seconds. Usage: scrape-driver.py PORT PID SCRAPES [IDLE_SECONDS].
Used by node-vs-node_exporter.sh."""
import http.client
import json
import os
import sys
import time

ACCEPT = ("application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
          "text/plain;version=0.0.4;q=0.5,*/*;q=0.1")


def cpu_seconds(pid):
    """(user, system) CPU seconds of the process so far."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return int(fields[11]) / ticks, int(fields[12]) / ticks  # utime, stime


def status(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024.0  # MiB
    return 0.0


def main():
    port, pid, count = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    idle = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Accept": ACCEPT, "Accept-Encoding": "gzip", "X-Prometheus-Scrape-Timeout-Seconds": "10"}
    latencies = []
    size = 0
    cpu0 = cpu_seconds(pid)
    for _ in range(count):
        start = time.perf_counter()
        conn.request("GET", "/metrics", headers=headers)
        response = conn.getresponse()
        body = response.read()
        latencies.append(time.perf_counter() - start)
        if response.status != 200:
            raise SystemExit(f"HTTP {response.status}")
        size = len(body)
    cpu1 = cpu_seconds(pid)
    rss_busy = status(pid, "VmRSS")
    if idle > 0:
        time.sleep(idle)  # as between two Prometheus scrapes: the JVM trims its native heap
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000

    print(json.dumps({
        "scrapes": count,
        "cpu_ms_per_scrape": (sum(cpu1) - sum(cpu0)) * 1000 / count,
        "user_ms_per_scrape": (cpu1[0] - cpu0[0]) * 1000 / count,
        "sys_ms_per_scrape": (cpu1[1] - cpu0[1]) * 1000 / count,
        "p50_ms": pct(0.50), "p90_ms": pct(0.90), "p99_ms": pct(0.99),
        "gzip_bytes": size,
        "rss_mib": rss_busy, "rss_idle_mib": status(pid, "VmRSS"), "hwm_mib": status(pid, "VmHWM"),
    }))


if __name__ == "__main__":
    main()
