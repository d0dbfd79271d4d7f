package dev.vigil.node.procfs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /proc/stat}: CPU times per CPU (in seconds, from USER_HZ ticks), the interrupt and
 * context switch totals, forks, boot time, running and blocked processes, and softirqs per vector.
 * Read as prometheus/procfs reads it: a bad number in a line it knows fails the whole file; lines
 * it does not know, or with fewer than two fields, are skipped. The per-IRQ counts after the
 * {@code intr} total are not parsed (no metric uses them).
 *
 * @param total the {@code cpu} line (all CPUs), zero if absent
 * @param cpus the {@code cpuN} lines in file order
 * @param softIrqs the {@code softirq} line, or null if absent
 */
public record Stat(Cpu total, List<Cpu> cpus, double bootTime, double interrupts, double contextSwitches,
        double processesCreated, double processesRunning, double processesBlocked, SoftIrqs softIrqs) {

    /** The kernel's USER_HZ: /proc/stat counts CPU time in 1/100 s on every architecture. */
    public static final double USER_HZ = 100;

    /**
     * One {@code cpu} line, in seconds. Older kernels give fewer columns; the missing ones are 0.
     *
     * @param cpu the CPU number, or -1 for the {@code cpu} total line
     */
    public record Cpu(long cpu, double user, double nice, double system, double idle, double iowait, double irq,
            double softirq, double steal, double guest, double guestNice) {

        /** The number of time columns. */
        public static final int FIELDS = 10;

        static final Cpu ZERO = new Cpu(-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        static Cpu of(long cpu, double[] v) {
            return new Cpu(cpu, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
        }

        /** Column {@code i} in file order: user, nice, system, idle, iowait, irq, softirq, steal, guest, guest_nice. */
        public double field(int i) {
            return switch (i) {
                case 0 -> user;
                case 1 -> nice;
                case 2 -> system;
                case 3 -> idle;
                case 4 -> iowait;
                case 5 -> irq;
                case 6 -> softirq;
                case 7 -> steal;
                case 8 -> guest;
                case 9 -> guestNice;
                default -> throw new IndexOutOfBoundsException(i);
            };
        }
    }

    /** The {@code softirq} line: the total and the count per vector, in {@link #VECTORS} order. */
    public record SoftIrqs(double total, double hi, double timer, double netTx, double netRx, double block,
            double blockIoPoll, double tasklet, double sched, double hrtimer, double rcu) {

        /** The vector names as node_exporter labels them, in the kernel's column order. */
        public static final List<String> VECTORS = List.of("hi", "timer", "net_tx", "net_rx", "block",
                "block_iopoll", "tasklet", "sched", "hrtimer", "rcu");

        /** No softirqs: what a file without a {@code softirq} line amounts to. */
        public static final SoftIrqs ZERO = new SoftIrqs(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        /** The count of vector {@code i} of {@link #VECTORS}. */
        public double vector(int i) {
            return switch (i) {
                case 0 -> hi;
                case 1 -> timer;
                case 2 -> netTx;
                case 3 -> netRx;
                case 4 -> block;
                case 5 -> blockIoPoll;
                case 6 -> tasklet;
                case 7 -> sched;
                case 8 -> hrtimer;
                case 9 -> rcu;
                default -> throw new IndexOutOfBoundsException(i);
            };
        }
    }

    /**
     * Parses the file's text.
     *
     * @throws IllegalArgumentException if a known line holds something other than numbers
     */
    public static Stat parse(String text) {
        Cpu total = Cpu.ZERO;
        List<Cpu> cpus = new ArrayList<>();
        double bootTime = 0;
        double interrupts = 0;
        double contextSwitches = 0;
        double processesCreated = 0;
        double running = 0;
        double blocked = 0;
        SoftIrqs softIrqs = null;
        double[] values = new double[Cpu.FIELDS];
        TextCursor in = new TextCursor(text);
        while (in.nextLine()) {
            if (!in.hasFields(2)) {
                continue;
            }
            try {
                if (in.fieldStartsWith("cpu")) {
                    Cpu cpu = parseCpu(in, values);
                    if (cpu.cpu() < 0) {
                        total = cpu;
                    } else {
                        cpus.add(cpu);
                    }
                } else if (in.fieldIs("intr")) {
                    interrupts = in.unsignedField();
                } else if (in.fieldIs("ctxt")) {
                    contextSwitches = in.unsignedField();
                } else if (in.fieldIs("btime")) {
                    bootTime = in.unsignedField();
                } else if (in.fieldIs("processes")) {
                    processesCreated = in.unsignedField();
                } else if (in.fieldIs("procs_running")) {
                    running = in.unsignedField();
                } else if (in.fieldIs("procs_blocked")) {
                    blocked = in.unsignedField();
                } else if (in.fieldIs("softirq")) {
                    softIrqs = parseSoftIrqs(in);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("couldn't parse " + quote(in.line()) + ": " + e.getMessage(), e);
            }
        }
        return new Stat(total, List.copyOf(cpus), bootTime, interrupts, contextSwitches, processesCreated, running,
                blocked, softIrqs);
    }

    private static Cpu parseCpu(TextCursor in, double[] values) {
        String name = in.field();
        long id = -1;
        if (!name.equals("cpu")) {
            id = parseCpuNumber(name.substring(3));
        }
        Arrays.fill(values, 0);
        for (int i = 0; i < Cpu.FIELDS && in.hasField(); i++) {
            values[i] = in.doubleField() / USER_HZ;
        }
        return Cpu.of(id, values);
    }

    private static long parseCpuNumber(String digits) {
        if (digits.isEmpty()) {
            throw new NumberFormatException("no CPU number");
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("bad CPU number \"" + digits + "\"");
            }
        }
        return Long.parseLong(digits);
    }

    private static SoftIrqs parseSoftIrqs(TextCursor in) {
        double[] v = new double[11];
        for (int i = 0; i < v.length; i++) {
            if (!in.hasField()) {
                throw new NumberFormatException("expected 11 numbers, got " + i);
            }
            v[i] = in.unsignedField();
        }
        return new SoftIrqs(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
    }

    private static String quote(String line) {
        return "\"" + (line.length() > 120 ? line.substring(0, 120) + "..." : line) + "\"";
    }
}
