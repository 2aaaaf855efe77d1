package org.yidan.platform.control;

import jakarta.persistence.EntityManager;

/**
 * Marks in {@code app_setting} that a one-time task (e.g. loading demo data) was done in this database. The
 * insert claims the mark in the caller's transaction, so that two application instances starting at once do
 * the task only once, and a task that fails leaves no mark.
 */
public final class OnceMarks {

    private OnceMarks() {
    }

    /** Claims {@code name}; true when this caller is the first and so does the task. */
    public static boolean claim(EntityManager em, String name) {
        return em.createNativeQuery(
                        "insert into app_setting (name, value) values (?1, now()::text) on conflict (name) do nothing")
                .setParameter(1, name).executeUpdate() == 1;
    }
}
