package com.garage.mobile.domain.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.garage.mobile.domain.job.ApprovalStatus;
import com.garage.mobile.domain.job.EstimateLine;
import com.garage.mobile.domain.job.JobStatus;
import com.garage.mobile.domain.job.LineKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvoiceTest {

    private final EstimateLine pads = line("Pads", "1", 5400, ApprovalStatus.APPROVED);
    private final EstimateLine labour = line("Labour", "1.5", 8000, ApprovalStatus.APPROVED);
    private final EstimateLine declined = line("Discs", "1", 8900, ApprovalStatus.DECLINED);
    private final EstimateLine pending = line("Wipers", "1", 1500, ApprovalStatus.PENDING);

    @Test
    void onlyApprovedWorkIsInvoicedWithTaxRoundedPerLine() {
        Invoice invoice = Invoice.of("EUR", JobStatus.IN_PROGRESS, List.of(pads, labour, declined, pending),
                PaymentSettings.none(UUID.randomUUID()), List.of());
        assertEquals(2, invoice.lines().size());
        assertEquals(17_400, invoice.netMinor());
        assertEquals(3_480, invoice.taxMinor());
        assertEquals(20_880, invoice.grossMinor());
        assertEquals("1.5", invoice.lines().get(1).quantity());
        assertNull(invoice.dueNow());
    }

    @Test
    void aPercentageDepositIsDueOnceWorkIsApprovedAndNotAfterItIsHeld() {
        PaymentSettings settings = settings(DepositRule.PERCENTAGE, 2_500, 0);
        Invoice before = Invoice.of("EUR", JobStatus.AWAITING_APPROVAL, List.of(pads), settings, List.of());
        assertEquals(PaymentPurpose.DEPOSIT, before.dueNow());
        assertEquals(1_620, before.dueNowMinor());

        Invoice after = Invoice.of("EUR", JobStatus.IN_PROGRESS, List.of(pads), settings,
                List.of(payment(PaymentPurpose.DEPOSIT, 1_620, PaymentStatus.HELD)));
        assertNull(after.dueNow());
        assertEquals(1_620, after.heldMinor());
        assertEquals(6_480 - 1_620, after.outstandingMinor());
    }

    @Test
    void aFixedDepositNeverExceedsTheWork() {
        PaymentSettings settings = settings(DepositRule.FIXED, 0, 100_000);
        Invoice invoice = Invoice.of("EUR", JobStatus.OPEN, List.of(pads), settings, List.of());
        assertEquals(6_480, invoice.depositMinor());
        assertEquals(6_480, invoice.dueNowMinor());
    }

    @Test
    void theBalanceIsDueWhenReadyForPickupLessWhatIsPaidInParts() {
        PaymentSettings settings = settings(DepositRule.PERCENTAGE, 2_500, 0);
        Invoice invoice = Invoice.of("EUR", JobStatus.READY_FOR_PICKUP, List.of(pads, labour), settings, List.of(
                payment(PaymentPurpose.DEPOSIT, 5_220, PaymentStatus.SUCCEEDED),
                payment(PaymentPurpose.BALANCE, 1_000, PaymentStatus.SUCCEEDED),
                payment(PaymentPurpose.BALANCE, 9_999, PaymentStatus.FAILED)));
        assertEquals(PaymentPurpose.BALANCE, invoice.dueNow());
        assertEquals(20_880 - 6_220, invoice.dueNowMinor());
        assertEquals(6_220, invoice.paidMinor());
    }

    @Test
    void aFinishedOrPaidJobHasNothingDue() {
        PaymentSettings settings = settings(DepositRule.PERCENTAGE, 2_500, 0);
        assertNull(Invoice.of("EUR", JobStatus.CANCELLED, List.of(pads), settings, List.of()).dueNow());
        assertNull(Invoice.of("EUR", JobStatus.READY_FOR_PICKUP, List.of(pads), settings,
                List.of(payment(PaymentPurpose.BALANCE, 6_480, PaymentStatus.SUCCEEDED))).dueNow());
    }

    private static PaymentSettings settings(DepositRule rule, int percentBp, long fixedMinor) {
        PaymentSettings settings = PaymentSettings.none(UUID.randomUUID());
        settings.depositRule = rule;
        settings.depositPercentBp = percentBp;
        settings.depositFixedMinor = fixedMinor;
        return settings;
    }

    private static Payment payment(PaymentPurpose purpose, long amountMinor, PaymentStatus status) {
        Payment payment = new Payment();
        payment.purpose = purpose;
        payment.amountMinor = amountMinor;
        payment.status = status;
        return payment;
    }

    private static EstimateLine line(String description, String quantity, long unitPriceMinor, ApprovalStatus status) {
        EstimateLine line = new EstimateLine();
        line.description = description;
        line.kind = LineKind.PART;
        line.quantity = new BigDecimal(quantity);
        line.unitPriceMinor = unitPriceMinor;
        line.taxRateBp = 2_000;
        line.approvalStatus = status;
        return line;
    }
}
