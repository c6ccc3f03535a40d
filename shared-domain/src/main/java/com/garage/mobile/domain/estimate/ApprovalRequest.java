package com.garage.mobile.domain.estimate;

import com.garage.mobile.domain.job.LineDecision;
import java.util.List;
import java.util.UUID;

/**
 * What a customer decided on the estimate revision they were shown: either each line named in
 * {@code choices}, or every line still awaiting them ({@code all}); signed, with the consent text
 * they saw and its version, under a strong sign-in.
 */
public record ApprovalRequest(int revision, String contentHash, List<Choice> choices, LineDecision all,
        Signature signature, String consentText, String consentVersion, StrongSignIn signIn) {

    public ApprovalRequest {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** One line's decision, with what the customer wants the garage to know. */
    public record Choice(UUID lineId, LineDecision decision, String note) {
    }
}
