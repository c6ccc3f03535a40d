package com.garage.mobile.customer.approvals;

import com.garage.mobile.domain.estimate.ApprovalRequest;
import com.garage.mobile.domain.estimate.Signature;
import com.garage.mobile.domain.estimate.StrongSignIn;
import com.garage.mobile.domain.job.LineDecision;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * The customer's signed decision on the estimate revision they were shown.
 *
 * @param revision    the revision shown
 * @param contentHash the {@code contentHash} of the estimate shown
 * @param decisions   the lines decided, one by one; or leave it out and send {@code all}
 * @param all         decide every line still awaiting a decision this way
 * @param signature   a typed name or drawn strokes
 * @param consent     the consent text shown above the signature, and its version
 */
public record ApprovalBody(@NotNull @Min(1) Integer revision,
        @NotNull @Pattern(regexp = "^[0-9a-f]{64}$") String contentHash,
        @Size(max = 200) List<@Valid @NotNull Choice> decisions, LineDecision all,
        @NotNull @Valid SignatureBody signature, @NotNull @Valid Consent consent) {

    /** One line's decision, with what the customer wants the garage to know (such as why they declined). */
    public record Choice(@NotNull UUID lineId, @NotNull LineDecision decision, @Size(min = 1, max = 500) String note) {
    }

    /** Either a typed name, or strokes of {@code [x, y]} points on a 0..1000 square. */
    public record SignatureBody(@Size(min = 1, max = 200) String typedName,
            @Size(max = 50) List<@NotNull @Size(min = 1, max = 500) List<
                    @NotNull @Size(min = 2, max = 2) List<@NotNull @Min(0) @Max(1000) Integer>>> strokes) {
    }

    public record Consent(@NotBlank @Size(max = 4000) String text, @NotBlank @Size(max = 40) String version) {
    }

    ApprovalRequest toRequest(StrongSignIn signIn) {
        return new ApprovalRequest(revision, contentHash, decisions == null ? List.of()
                : decisions.stream().map(c -> new ApprovalRequest.Choice(c.lineId(), c.decision(), c.note())).toList(),
                all, new Signature(signature.typedName(), signature.strokes()), consent.text(), consent.version(),
                signIn);
    }
}
