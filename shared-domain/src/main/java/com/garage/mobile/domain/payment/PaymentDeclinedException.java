package com.garage.mobile.domain.payment;

import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;

/** The provider refused the card: the customer may try another. */
public class PaymentDeclinedException extends ProblemException {

    private final transient ProviderIntent intent;

    public PaymentDeclinedException(String reason, ProviderIntent intent) {
        super(ProblemType.PAYMENT_DECLINED, reason);
        this.intent = intent;
    }

    /** The intent as the provider left it, if it said. */
    public ProviderIntent intent() {
        return intent;
    }
}
