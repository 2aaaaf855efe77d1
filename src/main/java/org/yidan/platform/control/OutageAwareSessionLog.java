package org.yidan.platform.control;

import org.eclipse.persistence.logging.JavaLog;
import org.eclipse.persistence.logging.SessionLogEntry;

import java.util.logging.Logger;

/**
 * EclipseLink's log (persistence.xml {@code eclipselink.logging.logger}): a failure caused by a database outage
 * becomes {@link OutageLog}'s one line per kind and minute instead of a stack trace per request; everything
 * else is logged as EclipseLink always does.
 */
public class OutageAwareSessionLog extends JavaLog {

    private static final Logger LOG = Logger.getLogger(OutageAwareSessionLog.class.getName());

    @Override
    public void log(SessionLogEntry entry) {
        Throwable thrown = entry.getException();
        if (thrown != null) {
            var kind = DatabaseFailures.kind(thrown);
            if (kind.isPresent()) {
                OutageLog.failure(LOG, kind.get(), "EclipseLink: " + String.valueOf(thrown.getMessage()).lines()
                        .findFirst().orElse(""));
                return;
            }
        }
        super.log(entry);
    }
}
