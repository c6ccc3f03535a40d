package com.garage.mobile.api.estimates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.garage.mobile.domain.estimate.EstimateApproval;
import com.garage.mobile.domain.estimate.EstimateApprovalService.RecordedDecision;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Renders an approval record as a PDF with Apache PDFBox: the lines and prices exactly as shown
 * (from the record's canonical content), each line's decision, the totals, the signature, the
 * consent text and the evidence of the strong sign-in. CPU work: call it off the event loop.
 */
public final class ApprovalDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApprovalDocument() {
    }

    public static byte[] render(EstimateApproval record, int jobNumber) {
        JsonNode shown = shown(record);
        String currency = shown.path("currency").asText();
        Map<String, RecordedDecision> decided = ApprovalView.decisions(record).stream()
                .collect(Collectors.toMap(d -> d.lineId().toString(), Function.identity()));
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            try (PdfWriter page = new PdfWriter(document, new PDPage(PDRectangle.A4))) {
                page.heading("Estimate approval - job " + jobNumber + ", revision " + record.revision);
                page.text("Decided at " + record.decidedAt + " by " + record.signerName);
                page.gap();
                page.columns("Line", "Qty", "Unit price", "Total", "Decision");
                for (JsonNode line : shown.path("lines")) {
                    RecordedDecision decision = decided.get(line.path("id").asText());
                    page.columns(line.path("description").asText(), line.path("quantity").asText(),
                            money(line.path("unitPriceMinor").asLong(), currency),
                            money(line.path("grossMinor").asLong(), currency),
                            decision == null ? "-" : decision.decision().name());
                    if (decision != null && decision.note() != null) {
                        page.text("    Note: " + decision.note());
                    }
                }
                page.gap();
                page.text("Net " + money(shown.path("netMinor").asLong(), currency) + "   Tax "
                        + money(shown.path("taxMinor").asLong(), currency) + "   Total "
                        + money(shown.path("grossMinor").asLong(), currency));
                page.gap();
                page.text("Signed by " + record.signerName + " (" + record.signatureKind.toLowerCase() + " signature)");
                page.strokes(record.signatureStrokes);
                page.text("Consent (version " + record.consentVersion + "): " + record.consentText);
                page.gap();
                page.text("Strong sign-in: acr " + record.acr + ", amr " + record.amr + ", at " + record.authTime);
                page.text("Device " + record.deviceId + ", request " + record.requestId);
                page.text("SHA-256 of what was shown: " + record.contentHash);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String money(long minor, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(minor, digits).toPlainString() + " " + currency;
    }

    private static JsonNode shown(EstimateApproval record) {
        try {
            return JSON.readTree(record.shownContent);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<List<List<Integer>>> strokes(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
