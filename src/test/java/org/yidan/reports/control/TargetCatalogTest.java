package org.yidan.reports.control;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetCatalogTest {

    static Map<String, String> huining() {
        Map<String, String> config = new HashMap<>();
        String p = "yidan.report.620422.2018.";
        config.put(p + "targets", "chronic-outpatient-actual");
        config.put(p + "target.chronic-outpatient-actual.ratio", "actualRatio");
        config.put(p + "target.chronic-outpatient-actual.slice", "visitType:OUTPATIENT_CHRONIC");
        config.put(p + "target.chronic-outpatient-actual.bound", "FLOOR");
        config.put(p + "target.chronic-outpatient-actual.value", "0.85");
        config.put(TargetCatalog.DEFAULT_CEILING_KEY, "0.90");
        return config;
    }

    static List<Target> load(Map<String, String> config, String county, int year) {
        return TargetCatalog.load(key -> Optional.ofNullable(config.get(key)), county, year);
    }

    @Test
    void huiningsChronicFloorAndTheDefaultCeiling() {
        List<Target> targets = load(huining(), "620422", 2018);
        assertEquals(2, targets.size());
        Target chronic = targets.get(0);
        assertEquals("门诊慢特病实际补偿比", chronic.name());
        assertEquals(Target.Bound.FLOOR, chronic.bound());
        assertEquals("county", chronic.source());
        assertTrue(chronic.met(new BigDecimal("0.8500")));
        assertFalse(chronic.met(new BigDecimal("0.8499")));
        assertNull(chronic.met(null));
        Target ceiling = targets.get(1);
        assertEquals("default", ceiling.source(), "0.90 is common practice, not a county's number");
        assertTrue(ceiling.name().contains("默认"));
        assertTrue(ceiling.met(new BigDecimal("0.9000")));
        assertFalse(ceiling.met(new BigDecimal("0.9001")));
    }

    @Test
    void aCountyReplacesOrDropsTheDefaultCeiling() {
        Map<String, String> config = huining();
        config.put("yidan.report.370323.actual-ratio-ceiling", "0.88");
        Target own = load(config, "370323", 2020).get(0);
        assertEquals(new BigDecimal("0.88"), own.target());
        assertEquals("county", own.source());
        config.put("yidan.report.370323.actual-ratio-ceiling", "none");
        assertTrue(load(config, "370323", 2020).isEmpty());
    }

    @Test
    void aTwoWaySliceFindsItsAggregate() {
        Map<String, String> config = huining();
        config.put("yidan.report.620422.2018.target.chronic-outpatient-actual.slice", "category:DIBAO/visitType:INPATIENT");
        Target target = load(config, "620422", 2018).get(0);
        assertEquals("低保对象·住院实际补偿比", target.name());
        assertEquals(List.of("categoryVisitType", "DIBAO", "INPATIENT"), List.of(target.sliceKeys()));
    }

    @Test
    void wrongTargetsNameTheirKey() {
        Map<String, String> config = huining();
        config.put("yidan.report.620422.2018.target.chronic-outpatient-actual.value", "1.5");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> load(config, "620422", 2018)).getMessage()
                .contains("chronic-outpatient-actual.value"));
        config.put("yidan.report.620422.2018.target.chronic-outpatient-actual.value", "0.85");
        config.put("yidan.report.620422.2018.target.chronic-outpatient-actual.slice", "visitType:NOSUCH");
        assertThrows(IllegalArgumentException.class, () -> load(config, "620422", 2018));
        config.put("yidan.report.620422.2018.target.chronic-outpatient-actual.slice", "visitType:INPATIENT");
        config.put("yidan.report.620422.2018.target.chronic-outpatient-actual.ratio", "speed");
        assertThrows(IllegalArgumentException.class, () -> load(config, "620422", 2018));
    }
}
