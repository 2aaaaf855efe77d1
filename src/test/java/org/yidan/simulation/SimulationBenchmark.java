package org.yidan.simulation;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yidan.reports.control.Target;
import org.yidan.reports.control.TargetCatalog;

import org.yidan.policy.CalculatorBenchmark;
import org.yidan.policy.ShippedPolicies;
import org.yidan.policy.control.SettlementCalculator;
import org.yidan.simulation.control.DraftPolicy;
import org.yidan.simulation.control.Replay;
import org.yidan.simulation.control.ReplayBill;
import org.yidan.simulation.control.SimulationJson;
import org.yidan.simulation.control.SimulationResult;

/**
 * A what-if over a county-year of 300,000 bills: the calculator benchmark's synthetic 沂源县 2020 replayed under the
 * shipped policy and under a draft that lowers the critical-illness deductible to 4,000, with the summary, the
 * distribution, the per-person comparison and the result's JSON. Prints wall time, CPU time and heap; asserts nothing
 * about time (goal: under 5 s). Loading the bills from PostgreSQL is not included (see README).
 *
 * <p>{@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.yidan.simulation.SimulationBenchmark}
 * (arguments: measured runs, default 3; warm-up runs, default 2).
 */
public final class SimulationBenchmark {

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int warmUps = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        CalculatorBenchmark.County county = CalculatorBenchmark.syntheticCounty();
        List<ReplayBill> bills = new ArrayList<>(county.bills().length);
        for (int i = 0; i < county.bills().length; i++) {
            int person = county.billPerson()[i];
            bills.add(new ReplayBill("R" + i, "370323" + String.format("%08d", person) + "0000",
                    county.persons()[person], county.bills()[i]));
        }
        DraftPolicy draft = DraftPolicy.read(ShippedPolicies.config(Map.of()), "370323", 2020, Map.of(
                "rule.critical.segments", "0-4000:0, 4000-100000:0.65, 100000-300000:0.75, 300000-:0.85"));
        // targets as a county configures them for its report: two slices of its own and the product's default ceiling
        Map<String, String> targetKeys = Map.of("yidan.report.370323.2020.targets", "chronic, poor-inpatient",
                "yidan.report.370323.2020.target.chronic.ratio", "actualRatio",
                "yidan.report.370323.2020.target.chronic.slice", "visitType:OUTPATIENT_CHRONIC",
                "yidan.report.370323.2020.target.chronic.bound", "FLOOR",
                "yidan.report.370323.2020.target.chronic.value", "0.85",
                "yidan.report.370323.2020.target.poor-inpatient.ratio", "scopeRatio",
                "yidan.report.370323.2020.target.poor-inpatient.slice", "category:REGISTERED_POOR/visitType:INPATIENT",
                "yidan.report.370323.2020.target.poor-inpatient.bound", "FLOOR",
                "yidan.report.370323.2020.target.poor-inpatient.value", "0.90",
                TargetCatalog.DEFAULT_CEILING_KEY, "0.90");
        List<Target> targets = TargetCatalog.load(key -> Optional.ofNullable(targetKeys.get(key)), "370323", 2020);
        System.out.printf("%,d bills of %,d persons, %s; draft overrides %s%n", bills.size(),
                county.persons().length, county.policy().id(), draft.overrides());

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] seconds = new double[runs];
        SimulationResult result = null;
        long peak = 0;
        for (int i = -warmUps; i < runs; i++) {
            System.gc();
            long before = usedHeap();
            resetPeaks();
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            result = new Replay(new SettlementCalculator()).run(county.policy(), draft.policy(), bills,
                    targets, (done, total) -> true);
            String json = SimulationJson.toJson(result).toString();
            double wall = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            long runPeak = peakHeap() - before;
            if (i >= 0) {
                seconds[i] = wall;
                peak = Math.max(peak, runPeak);
            }
            System.out.printf("%s %d: %.3f s wall, %.3f s CPU, heap peak above the bills %,d MB, result %,d bytes%n",
                    i < 0 ? "warm-up" : "run", i < 0 ? i + warmUps + 1 : i + 1, wall, cpuSeconds,
                    runPeak / (1 << 20), json.length());
        }
        Arrays.sort(seconds);
        System.out.printf("What-if of %,d bills (two policies, one thread): median %.3f s, best %.3f s; heap peak"
                + " %,d MB above the loaded bills (max heap %,d MB)%n", bills.size(), seconds[runs / 2], seconds[0],
                peak / (1 << 20), Runtime.getRuntime().maxMemory() / (1 << 20));
        System.out.printf("Funds: baseline %s, draft %s, difference %s; better off %,d, worse off %,d%n",
                result.baseline().fundTotal().toPlainString(), result.draft().fundTotal().toPlainString(),
                result.difference().fundTotal().toPlainString(), result.draft().betterOff(),
                result.draft().worseOff());
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks: an upper bound of the heap in use at any moment since the reset. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
