package org.yidan.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * CPU time spent by the processes of a benchmark, read from Linux's {@code /proc}: the Payara JVM,
 * PostgreSQL (the postmaster and every backend seen), and the whole machine. Lets a benchmark say
 * where a request's milliseconds went. Backends come and go (pgbench opens its own), so a daemon
 * thread looks at them four times a second and keeps each one's last figure; only the last quarter
 * second of a backend that ended is missed. Elsewhere than Linux every reading is unavailable and the
 * benchmark prints no breakdown.
 */
public final class CpuMeter {

    /** USER_HZ: the unit of /proc times, 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    public record Reading(long payaraTicks, long postgresTicks, long machineBusyTicks) {
    }

    private final long payaraPid;
    /** The running server's postmaster; -1 when it could not be read. */
    private final long postmasterPid;
    private final Map<Long, Long> backendTicks = new ConcurrentHashMap<>();

    public CpuMeter(long payaraPid, Path postgresDataDirectory) {
        this.payaraPid = payaraPid;
        this.postmasterPid = postmasterPid(postgresDataDirectory);
        if (available() && postmasterPid > 0) {
            Thread sampler = new Thread(() -> {
                while (true) {
                    sampleBackends();
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }, "cpu-meter");
            sampler.setDaemon(true);
            sampler.start();
        }
    }

    public static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    public Reading read() {
        if (!available()) {
            return new Reading(0, 0, 0);
        }
        return new Reading(processTicks(payaraPid), postgresTicks(), machineBusyTicks());
    }

    /** Milliseconds of CPU per operation between two readings: Payara, PostgreSQL, whole machine. */
    public static double[] millisPerOperation(Reading before, Reading after, long operations) {
        double factor = 1000.0 / TICKS_PER_SECOND / Math.max(1, operations);
        return new double[]{
                (after.payaraTicks() - before.payaraTicks()) * factor,
                (after.postgresTicks() - before.postgresTicks()) * factor,
                (after.machineBusyTicks() - before.machineBusyTicks()) * factor};
    }

    private long postgresTicks() {
        if (postmasterPid <= 0) {
            return 0;
        }
        sampleBackends();
        return processTicks(postmasterPid) + backendTicks.values().stream().mapToLong(Long::longValue).sum();
    }

    private void sampleBackends() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                long pid = Long.parseLong(process.getFileName().toString());
                List<String> fields = statFields(pid);
                if (fields != null && Long.parseLong(fields.get(1)) == postmasterPid) {
                    backendTicks.merge(pid, ticks(fields), Math::max);
                }
            }
        } catch (IOException unreadable) {
            // the next sample will tell
        }
    }

    private static long postmasterPid(Path postgresDataDirectory) {
        try {
            return Long.parseLong(Files.readAllLines(postgresDataDirectory.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException noServer) {
            return -1;
        }
    }

    private static long processTicks(long pid) {
        List<String> fields = statFields(pid);
        return fields == null ? 0 : ticks(fields);
    }

    /** utime + stime of one process (all its threads). */
    private static long ticks(List<String> statFields) {
        return Long.parseLong(statFields.get(11)) + Long.parseLong(statFields.get(12));
    }

    /** The fields of /proc/pid/stat after the command name: index 0 is the state, 1 the parent, 11 utime. */
    private static List<String> statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    private static long machineBusyTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle and iowait
                    busy += Long.parseLong(cpu[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
    }
}
