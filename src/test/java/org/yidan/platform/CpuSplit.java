package org.yidan.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Which CPUs a benchmark's PostgreSQL and its application side (Payara, the load generator, pgbench) may use
 * (Linux's {@code taskset}, util-linux). {@code -Dyidan.bench.databaseCpus=0} models the deployment's two hosts on
 * one machine: on one shared machine the ratio of REST to the database's own limit also counts Payara's CPU against
 * the database's (the limit has every core, REST leaves it what Payara does not use); with the database pinned, both
 * measurements give PostgreSQL the same CPUs, as a database server of its own would. Pinned after the processes
 * started, so that Payara's JVM sizes its collector and pools for the machine, as it would on a host of its own.
 */
public final class CpuSplit {

    private final String databaseCpus;
    private final String applicationCpus;

    private CpuSplit(String databaseCpus, String applicationCpus) {
        this.databaseCpus = databaseCpus;
        this.applicationCpus = applicationCpus;
    }

    /**
     * The split asked for with {@code -Dyidan.bench.databaseCpus} and {@code -Dyidan.bench.applicationCpus} (taskset
     * CPU lists; either may be left out: the database defaults to every CPU, the application to the CPUs the database
     * was not given, or every CPU), or null when neither was asked for.
     */
    public static CpuSplit fromSystemProperties() {
        String database = System.getProperty("yidan.bench.databaseCpus", "").trim();
        String application = System.getProperty("yidan.bench.applicationCpus", "").trim();
        if (database.isEmpty() && application.isEmpty()) {
            return null;
        }
        int machine = Runtime.getRuntime().availableProcessors();
        String every = "0-" + (machine - 1);
        if (database.isEmpty()) {
            database = every;
        }
        if (application.isEmpty()) {
            List<Integer> taken = cpus(database);
            application = IntStream.range(0, machine).filter(cpu -> !taken.contains(cpu))
                    .mapToObj(String::valueOf).collect(Collectors.joining(","));
            if (application.isEmpty()) {
                application = every;
            }
        }
        return new CpuSplit(database, application);
    }

    /** PostgreSQL's postmaster and every process it started (backends it starts later inherit the mask). */
    public void pin(Path postgresDataDirectory, long payaraPid) throws IOException, InterruptedException {
        long postmaster = Long.parseLong(Files.readAllLines(postgresDataDirectory.resolve("postmaster.pid"))
                .get(0).trim());
        List<Long> postgres = new ArrayList<>(List.of(postmaster));
        ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(child -> postgres.add(child.pid())));
        for (long pid : postgres) {
            taskset(databaseCpus, pid);
        }
        taskset(applicationCpus, payaraPid);
        // this JVM: the load generator, and pgbench, which inherits the mask when it is started
        taskset(applicationCpus, ProcessHandle.current().pid());
    }

    @Override
    public String toString() {
        return "PostgreSQL on CPU " + databaseCpus + "; Payara, load generator and pgbench on CPU " + applicationCpus;
    }

    private static void taskset(String cpus, long pid) throws IOException, InterruptedException {
        Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, String.valueOf(pid))
                .redirectErrorStream(true).start();
        String output = new String(taskset.getInputStream().readAllBytes());
        if (taskset.waitFor() != 0) {
            throw new IOException("taskset -a -p -c " + cpus + " " + pid + " failed: " + output);
        }
    }

    private static List<Integer> cpus(String list) {
        List<Integer> cpus = new ArrayList<>();
        for (String part : list.split(",")) {
            String[] range = part.trim().split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
            IntStream.rangeClosed(from, to).forEach(cpus::add);
        }
        return cpus;
    }
}
