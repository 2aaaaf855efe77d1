package org.yidan.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.yidan.platform.control.OnceMarks;

/**
 * The embedded demo's switch (YIDAN_DEMO_DATA=true): once the schema is current, asks every component to seed its
 * own demo data ({@link DemoDataWanted}); each does so once per database. A production deployment leaves it off.
 */
@ApplicationScoped
public class DemoDataSwitch {

    /**
     * Observed by each component that has demo data, in the order of the observers' priorities, inside the
     * observer's transaction.
     */
    public final class DemoDataWanted {
        private DemoDataWanted() {
        }

        /** Claims the once-per-database mark of one component's demo data; false when it was loaded before. */
        public boolean firstTime(String mark) {
            return OnceMarks.claim(em, mark);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "yidan.demo.data", defaultValue = "false")
    boolean demoData;

    @Inject
    Event<DemoDataWanted> wanted;

    /** After the first administrator (whose creation needs a database without users). */
    void onSchemaReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 5) DatabaseMigration.SchemaReady ready) {
        if (demoData) {
            wanted.fire(new DemoDataWanted());
        }
    }
}
