package com.garage.mobile.domain.payment;

import static com.garage.mobile.domain.payment.PaymentStatus.ACTION_REQUIRED;
import static com.garage.mobile.domain.payment.PaymentStatus.AWAITING_METHOD;
import static com.garage.mobile.domain.payment.PaymentStatus.CANCELED;
import static com.garage.mobile.domain.payment.PaymentStatus.CREATED;
import static com.garage.mobile.domain.payment.PaymentStatus.FAILED;
import static com.garage.mobile.domain.payment.PaymentStatus.HELD;
import static com.garage.mobile.domain.payment.PaymentStatus.PROCESSING;
import static com.garage.mobile.domain.payment.PaymentStatus.SUCCEEDED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PaymentStateMachineTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void theUsualOrderIsFollowed() {
        assertEquals(AWAITING_METHOD, next(CREATED, 0, AWAITING_METHOD, 1));
        assertEquals(ACTION_REQUIRED, next(AWAITING_METHOD, 1, ACTION_REQUIRED, 2));
        assertEquals(PROCESSING, next(ACTION_REQUIRED, 2, PROCESSING, 3));
        assertEquals(HELD, next(PROCESSING, 3, HELD, 4));
        assertEquals(SUCCEEDED, next(HELD, 4, SUCCEEDED, 5));
    }

    @Test
    void aFinalStatusIsNeverLeft() {
        for (PaymentStatus reported : PaymentStatus.values()) {
            assertEquals(SUCCEEDED, next(SUCCEEDED, 5, reported, 9));
            assertEquals(CANCELED, next(CANCELED, 5, reported, 9));
        }
    }

    @Test
    void aLateFinalWordWinsOverAnyInBetweenStatus() {
        assertEquals(SUCCEEDED, next(PROCESSING, 9, SUCCEEDED, 1));
        assertEquals(CANCELED, next(HELD, 9, CANCELED, 1));
    }

    @Test
    void aHoldIsLeftOnlyForAFinalStatus() {
        assertEquals(HELD, next(HELD, 4, PROCESSING, 9));
        assertEquals(HELD, next(HELD, 4, FAILED, 9));
        assertEquals(HELD, next(FAILED, 9, HELD, 4));
    }

    @Test
    void anOlderInBetweenWordIsIgnoredAndANewerOneWins() {
        assertEquals(FAILED, next(FAILED, 5, PROCESSING, 3));
        assertEquals(PROCESSING, next(FAILED, 5, PROCESSING, 6));
        assertEquals(AWAITING_METHOD, next(AWAITING_METHOD, 3, CREATED, 9));
    }

    @Test
    void everyOrderOfTheSameWordsEndsTheSame() {
        List<Word> words = List.of(new Word(AWAITING_METHOD, 1), new Word(ACTION_REQUIRED, 2), new Word(FAILED, 3),
                new Word(PROCESSING, 4), new Word(HELD, 5), new Word(SUCCEEDED, 6));
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<Word> shuffled = new ArrayList<>(words);
            Collections.shuffle(shuffled, random);
            PaymentStatus status = CREATED;
            Instant at = T0;
            for (Word word : shuffled) {
                PaymentStatus after = PaymentStateMachine.next(status, at, word.status(), T0.plusSeconds(word.second()));
                if (after != status && T0.plusSeconds(word.second()).isAfter(at)) {
                    at = T0.plusSeconds(word.second());
                }
                status = after;
            }
            assertEquals(SUCCEEDED, status, "order " + shuffled);
        }
    }

    private static PaymentStatus next(PaymentStatus current, int currentSecond, PaymentStatus reported,
            int reportedSecond) {
        return PaymentStateMachine.next(current, T0.plusSeconds(currentSecond), reported,
                T0.plusSeconds(reportedSecond));
    }

    private record Word(PaymentStatus status, int second) {
    }
}
