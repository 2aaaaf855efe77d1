package org.yidan.ledger.control;

import org.junit.jupiter.api.Test;
import org.yidan.ledger.entity.HospitalRecord;
import org.yidan.platform.control.RefusedException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HospitalImportTest {

    @Test
    void readsChineseHeadersInAnyOrderAndValidatesEachRow() throws Exception {
        String csv = "\uFEFF乡镇,机构编码,机构名称,区县,级别,县域内\n"
                + "会师镇,H620422001,会宁县人民医院,620422,county,是\n"
                + ",H620422002,某诊所,620422,GALACTIC,也许\n";
        List<HospitalImport.Line> lines = HospitalImport.read(csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, lines.size());
        HospitalRecord first = HospitalValidator.validate(lines.get(0).record(), lines.get(0).inCounty(),
                Set.of("620422"));
        assertEquals(new HospitalRecord("H620422001", "会宁县人民医院", "620422", "COUNTY", true, "会师镇"), first);
        assertEquals(3, lines.get(1).row());
        assertNull(lines.get(1).inCounty());
        RefusedException refused = assertThrows(RefusedException.class, () -> HospitalValidator.validate(
                lines.get(1).record(), lines.get(1).inCounty(), Set.of("620422")));
        assertEquals(List.of("level", "inCounty"), refused.errors().stream().map(RefusedException.FieldError::field)
                .toList());
        RefusedException elsewhere = assertThrows(RefusedException.class,
                () -> HospitalValidator.validate(first, true, Set.of("370323")));
        assertEquals("UNKNOWN_COUNTY", elsewhere.code());
    }
}
