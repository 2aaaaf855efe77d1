package org.yidan.platform.control;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The counties' local time (China Standard Time). Receipts, receipt numbers, "valid today" and every
 * timestamp a person reads are in this zone, whatever the server's own time zone.
 */
public final class CountyClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private CountyClock() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
