package org.yidan.policy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.yidan.policy.control.SettlementCalculator;
import org.yidan.policy.entity.Accumulator;
import org.yidan.policy.entity.AccumulatorDelta;
import org.yidan.policy.entity.AccumulatorKey;
import org.yidan.policy.entity.Bill;
import org.yidan.policy.entity.BillItem;
import org.yidan.policy.entity.Calculation;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.Hospital;
import org.yidan.policy.entity.HospitalLevel;
import org.yidan.policy.entity.ItemCategory;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.PersonSnapshot;
import org.yidan.policy.entity.Policy;
import org.yidan.policy.entity.VisitType;

/**
 * A county-year in memory, one thread: 沂源县 2020 as shipped, its 35,084 beneficiaries (34,079 脱贫享受政策人员 and
 * 1,005 即时帮扶人员, seed 004) and 300,000 bills of mixed visit types through the year. Each bill: the keys to lock,
 * the calculation (explanations included) and the accumulator deltas applied to a HashMap. Prints figures; asserts
 * nothing about time.
 *
 * <p>{@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.yidan.policy.CalculatorBenchmark}
 * (arguments: measured runs, default 5; warm-up runs, default 3).
 */
public final class CalculatorBenchmark {

    private static final int BENEFICIARIES = 35_084;
    private static final int REGISTERED_POOR = 34_079;
    private static final int BILLS = 300_000;
    private static final long SEED = 370_323L;

    private final Policy policy = ShippedPolicies.yiyuan2020();
    private final SettlementCalculator calculator = new SettlementCalculator();
    private final PersonSnapshot[] persons = new PersonSnapshot[BENEFICIARIES];
    private final int[] billPerson = new int[BILLS];
    private final Bill[] bills = new Bill[BILLS];

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int warmUps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        CalculatorBenchmark benchmark = new CalculatorBenchmark();
        long generation = System.nanoTime();
        benchmark.generate();
        System.out.printf("Generated %,d beneficiaries and %,d bills of %s %s in %.2f s (not measured)%n",
                BENEFICIARIES, BILLS, benchmark.policy.id(), benchmark.policy.countyName(),
                (System.nanoTime() - generation) / 1e9);
        System.out.printf("Policy fingerprint %s%n", benchmark.policy.fingerprint());

        for (int i = 0; i < warmUps; i++) {
            Result warm = benchmark.runYear();
            System.out.printf("warm-up %d: %.3f s (CPU %.3f s)%n", i + 1, warm.seconds(), warm.cpuSeconds());
        }
        double[] seconds = new double[runs];
        double[] cpuSeconds = new double[runs];
        Result last = null;
        for (int i = 0; i < runs; i++) {
            last = benchmark.runYear();
            seconds[i] = last.seconds();
            cpuSeconds[i] = last.cpuSeconds();
            System.out.printf("run %d: %,d bills in %.3f s = %,.0f bills/s (CPU %.3f s)%n", i + 1, BILLS,
                    last.seconds(), BILLS / last.seconds(), last.cpuSeconds());
        }
        Arrays.sort(seconds);
        Arrays.sort(cpuSeconds);
        double median = seconds[runs / 2];
        System.out.printf("Year of %,d bills, one thread: median %.3f s (%,.0f bills/s), best %.3f s (%,.0f bills/s);"
                + " median CPU time %.3f s%n", BILLS, median, BILLS / median, seconds[0], BILLS / seconds[0],
                cpuSeconds[runs / 2]);
        System.out.printf("Funds paid %s yuan, self-pay %s yuan, %,d accumulator rows, %,d capped steps%n",
                last.fundTotal().toPlainString(), last.selfPay().toPlainString(), last.accumulatorRows(),
                last.capBound());
    }

    /** The synthetic county, for other benchmarks (the what-if's): {@code bills[i]} is a bill of {@code persons[billPerson[i]]}. */
    public record County(Policy policy, PersonSnapshot[] persons, int[] billPerson, Bill[] bills) {
    }

    public static County syntheticCounty() {
        CalculatorBenchmark benchmark = new CalculatorBenchmark();
        benchmark.generate();
        return new County(benchmark.policy, benchmark.persons, benchmark.billPerson, benchmark.bills);
    }

    /** {@code seconds}: wall clock; {@code cpuSeconds}: this thread's CPU time, steadier on a shared machine. */
    record Result(double seconds, double cpuSeconds, BigDecimal fundTotal, BigDecimal selfPay, int accumulatorRows,
                  int capBound) {
    }

    /** One year: every bill in discharge order against fresh accumulators. */
    Result runYear() {
        List<Map<AccumulatorKey, Accumulator>> accumulators = new ArrayList<>(BENEFICIARIES);
        for (int i = 0; i < BENEFICIARIES; i++) {
            accumulators.add(new HashMap<>(8));
        }
        BigDecimal fundTotal = BigDecimal.ZERO;
        BigDecimal selfPay = BigDecimal.ZERO;
        int locked = 0;
        int capBound = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < BILLS; i++) {
            Bill bill = bills[i];
            Map<AccumulatorKey, Accumulator> person = accumulators.get(billPerson[i]);
            locked += policy.accumulatorKeysFor(bill).size();
            Calculation calculation = calculator.calculate(policy, persons[billPerson[i]], bill, person);
            for (AccumulatorDelta delta : calculation.accumulatorDeltas()) {
                Accumulator before = person.get(delta.key());
                person.put(delta.key(), (before == null ? Accumulator.ZERO : before).plus(delta));
            }
            fundTotal = fundTotal.add(calculation.fundTotal());
            selfPay = selfPay.add(calculation.selfPay());
            for (var step : calculation.steps()) {
                if (step.capBound()) {
                    capBound++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        int rows = accumulators.stream().mapToInt(Map::size).sum();
        if (locked < rows) {
            throw new IllegalStateException("fewer keys locked than accumulators moved");
        }
        return new Result(seconds, cpuSeconds, fundTotal, selfPay, rows, capBound);
    }

    /** Categories, chronic diseases and bills from a fixed seed; amounts in fen, then yuan at scale 2. */
    void generate() {
        Random random = new Random(SEED);
        for (int i = 0; i < BENEFICIARIES; i++) {
            EnumSet<PersonCategory> categories = EnumSet.of(i < REGISTERED_POOR
                    ? PersonCategory.REGISTERED_POOR : PersonCategory.INSTANT_AID);
            int kind = random.nextInt(100);
            if (kind < 12) {
                categories.add(PersonCategory.DIBAO);
            } else if (kind < 15) {
                categories.add(PersonCategory.TEKUN);
            } else if (kind < 23) {
                categories.add(PersonCategory.ILLNESS_POVERTY);
            } else if (kind < 26) {
                categories.add(PersonCategory.DIBAO_EDGE);
            }
            Set<String> diseases = random.nextInt(5) == 0 ? Set.of("HYPERTENSION") : Set.of();
            persons[i] = PersonSnapshot.of(categories, diseases);
        }
        Hospital[] hospitals = new Hospital[HospitalLevel.values().length];
        for (HospitalLevel level : HospitalLevel.values()) {
            hospitals[level.ordinal()] = new Hospital("H370323" + level.ordinal(), level, level != HospitalLevel.CITY
                    && level != HospitalLevel.PROVINCE);
        }
        LocalDate newYear = LocalDate.of(policy.year(), 1, 1);
        for (int i = 0; i < BILLS; i++) {
            billPerson[i] = random.nextInt(BENEFICIARIES);
            LocalDate discharge = newYear.plusDays((long) i * 365 / BILLS);
            int type = random.nextInt(100);
            VisitType visitType = type < 45 ? VisitType.OUTPATIENT_GENERAL : type < 75 ? VisitType.OUTPATIENT_CHRONIC
                    : type < 95 ? VisitType.INPATIENT : VisitType.OUTPATIENT_SPECIAL;
            bills[i] = bill(random, visitType, discharge, hospitals);
        }
    }

    private static Bill bill(Random random, VisitType visitType, LocalDate discharge, Hospital[] hospitals) {
        long scope;
        long drug = 0;
        HospitalLevel level;
        switch (visitType) {
            case OUTPATIENT_GENERAL -> {
                scope = 1_000 + random.nextInt(30_000);
                level = random.nextBoolean() ? HospitalLevel.VILLAGE : HospitalLevel.TOWNSHIP;
            }
            case OUTPATIENT_CHRONIC -> {
                scope = 10_000 + random.nextInt(200_000);
                level = random.nextBoolean() ? HospitalLevel.TOWNSHIP : HospitalLevel.COUNTY;
            }
            case INPATIENT -> {
                scope = 200_000 + (random.nextInt(10) == 0 ? random.nextLong(30_000_000) : random.nextInt(3_000_000));
                level = HospitalLevel.values()[1 + random.nextInt(4)];
            }
            default -> {
                scope = random.nextInt(500_000);
                drug = 100_000 + random.nextInt(5_000_000);
                level = random.nextBoolean() ? HospitalLevel.CITY : HospitalLevel.PROVINCE;
            }
        }
        long total = scope + drug + scope / 5;
        Map<Fund, BigDecimal> external = new TreeMap<>();
        external.put(Fund.BASIC, yuan(scope * (40 + random.nextInt(31)) / 100));
        if (visitType == VisitType.INPATIENT && random.nextInt(3) == 0) {
            // at most 0.5% of the scope: always within what basic, critical and assistance leave
            external.put(Fund.HOSPITAL_REDUCTION, yuan(scope * 3 / 1000));
            external.put(Fund.COMMERCIAL, yuan(scope * 2 / 1000));
        }
        List<BillItem> items = visitType == VisitType.OUTPATIENT_GENERAL
                ? List.of(new BillItem(ItemCategory.REGISTRATION, yuan(Math.min(scope, 500))))
                : List.of();
        return new Bill(visitType, hospitals[level.ordinal()], discharge.minusDays(visitType == VisitType.INPATIENT
                ? 7 : 0), discharge, yuan(total), yuan(scope), yuan(drug), items, external);
    }

    private static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }
}
