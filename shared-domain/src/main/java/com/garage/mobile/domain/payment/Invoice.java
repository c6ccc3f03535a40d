package com.garage.mobile.domain.payment;

import com.garage.mobile.domain.job.ApprovalStatus;
import com.garage.mobile.domain.job.EstimateLine;
import com.garage.mobile.domain.job.JobStatus;
import java.util.List;

/**
 * What the customer owes for a job: the approved work with tax, in the garage's currency and in
 * minor units, the deposit the garage asks, what is already paid or held, and what is due now.
 * Computed on the server only, from the estimate, the garage's settings and the payments.
 */
public record Invoice(String currency, List<InvoiceLine> lines, long netMinor, long taxMinor, long grossMinor,
        long depositMinor, long paidMinor, long heldMinor, long outstandingMinor, PaymentPurpose dueNow,
        long dueNowMinor) {

    public record InvoiceLine(String description, String kind, String quantity, long unitPriceMinor, int taxRateBp,
            long netMinor, long taxMinor, long grossMinor) {
    }

    /**
     * The invoice of a job in {@code status}: a deposit is due once work is approved (until it is
     * paid or held); the balance once the car is ready for pickup.
     */
    public static Invoice of(String currency, JobStatus status, List<EstimateLine> estimate, PaymentSettings settings,
            List<Payment> payments) {
        List<EstimateLine> approved = estimate.stream()
                .filter(line -> line.approvalStatus == ApprovalStatus.APPROVED && !line.awaitingPrice).toList();
        List<InvoiceLine> lines = approved.stream().map(line -> new InvoiceLine(line.description, line.kind.name(),
                line.quantity.stripTrailingZeros().toPlainString(), line.unitPriceMinor, line.taxRateBp,
                line.netMinor(), line.taxMinor(), line.grossMinor())).toList();
        long net = approved.stream().mapToLong(EstimateLine::netMinor).sum();
        long tax = approved.stream().mapToLong(EstimateLine::taxMinor).sum();
        long gross = net + tax;
        long deposit = settings.depositOn(gross);
        long paid = sum(payments, PaymentStatus.SUCCEEDED);
        long held = sum(payments, PaymentStatus.HELD);
        long depositCommitted = payments.stream().filter(p -> p.purpose == PaymentPurpose.DEPOSIT && p.status.counts())
                .mapToLong(p -> p.amountMinor).sum();
        long outstanding = Math.max(0, gross - paid - held);
        PaymentPurpose dueNow = null;
        long dueNowMinor = 0;
        if (status == JobStatus.READY_FOR_PICKUP && outstanding > 0) {
            dueNow = PaymentPurpose.BALANCE;
            dueNowMinor = outstanding;
        } else if (!status.isFinished() && status != JobStatus.READY_FOR_PICKUP && deposit > depositCommitted) {
            dueNow = PaymentPurpose.DEPOSIT;
            dueNowMinor = Math.min(deposit - depositCommitted, outstanding);
        }
        return new Invoice(currency, lines, net, tax, gross, deposit, paid, held, outstanding,
                dueNowMinor > 0 ? dueNow : null, dueNowMinor);
    }

    private static long sum(List<Payment> payments, PaymentStatus status) {
        return payments.stream().filter(p -> p.status == status).mapToLong(p -> p.amountMinor).sum();
    }
}
