package com.garage.mobile.api.estimates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.garage.mobile.domain.estimate.EstimateApproval;
import com.garage.mobile.domain.estimate.EstimateApprovalService.RecordedDecision;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * An approval record as both apps show it: what was decided on which revision, the hash of what
 * was shown, the signer, the consent and the strong sign-in. The drawn strokes are in the PDF.
 */
public record ApprovalView(UUID id, UUID jobId, int revision, String contentHash, List<RecordedDecision> decisions,
        String signerName, String signatureKind, String consentText, String consentVersion, String acr,
        List<String> amr, Instant authTime, String deviceId, Instant decidedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ApprovalView of(EstimateApproval record) {
        return new ApprovalView(record.id, record.jobId, record.revision, record.contentHash, decisions(record),
                record.signerName, record.signatureKind, record.consentText, record.consentVersion, record.acr,
                record.amr == null || record.amr.isBlank() ? List.of() : Arrays.asList(record.amr.split(" ")),
                record.authTime, record.deviceId, record.decidedAt);
    }

    static List<RecordedDecision> decisions(EstimateApproval record) {
        try {
            return JSON.readValue(record.decisions, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
