package com.garage.mobile.testing;

import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.stat.Statistics;

/**
 * How many query plans Hibernate had to make while some work ran: its plan cache's misses, counted
 * by its statistics for the time of the work. Warm work makes none of its own; a native select
 * makes one on every run (docs/performance.md, seventeenth step). The pod's scheduled work may
 * miss meanwhile, so compare with the number of runs rather than with zero.
 */
public final class PlanCacheMisses {

    private PlanCacheMisses() {
    }

    public static long during(Mutiny.SessionFactory sessions, Runnable work) {
        Statistics statistics = sessions.getStatistics();
        boolean counting = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        try {
            long before = statistics.getQueryPlanCacheMissCount();
            work.run();
            return statistics.getQueryPlanCacheMissCount() - before;
        } finally {
            statistics.setStatisticsEnabled(counting);
        }
    }
}
