package ca.ptm.nocturne.reports.pda;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Which month the Place des Arts billing report covers. PdA is billed once a month, in the first days of the next
 * one: a run on the 1st to the 5th reports the previous month (the one being billed, now complete); from the 6th
 * on, the current month (a running view of what will be billed).
 */
public final class BillingMonth {

    /** Last day of the month that still reports the previous month. */
    public static final int BILLING_DAYS = 5;

    private BillingMonth() {
    }

    public static YearMonth of(LocalDate runDate) {
        YearMonth month = YearMonth.from(runDate);
        return runDate.getDayOfMonth() <= BILLING_DAYS ? month.minusMonths(1) : month;
    }
}
