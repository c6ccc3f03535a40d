package com.garage.mobile.domain.estimate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.garage.mobile.domain.job.EstimateLine;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Exactly what a customer is shown of an estimate revision, in one canonical text: the lines in
 * position order with their prices and the totals, fields in a fixed order, quantities at two
 * decimals. Its SHA-256 goes into every approval record, so a record proves what was approved.
 */
public record ShownContent(String canonical, String sha256) {

    /** A private mapper: the canonical form must not follow the application's JSON settings. */
    private static final ObjectMapper JSON = new ObjectMapper();

    public static ShownContent of(UUID jobId, int revision, String currency, List<EstimateLine> lines) {
        List<Shown> shown = lines.stream().map(ShownContent::shown).toList();
        Canonical canonical = new Canonical(jobId.toString(), revision, currency, shown,
                shown.stream().mapToLong(Shown::netMinor).sum(), shown.stream().mapToLong(Shown::taxMinor).sum(),
                shown.stream().mapToLong(Shown::grossMinor).sum());
        try {
            String text = JSON.writeValueAsString(canonical);
            return new ShownContent(text, sha256(text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Shown shown(EstimateLine line) {
        return new Shown(line.id.toString(), line.kind.name(), line.necessity.name(), line.description,
                line.inspectionItemId == null ? null : line.inspectionItemId.toString(),
                line.quantity.setScale(2, RoundingMode.HALF_UP).toPlainString(), line.unitPriceMinor, line.taxRateBp,
                line.netMinor(), line.taxMinor(), line.grossMinor());
    }

    @RegisterForReflection
    @JsonPropertyOrder({"jobId", "revision", "currency", "lines", "netMinor", "taxMinor", "grossMinor"})
    record Canonical(String jobId, int revision, String currency, List<Shown> lines, long netMinor, long taxMinor,
            long grossMinor) {
    }

    @RegisterForReflection
    @JsonPropertyOrder({"id", "kind", "necessity", "description", "inspectionItemId", "quantity", "unitPriceMinor",
            "taxRateBp", "netMinor", "taxMinor", "grossMinor"})
    record Shown(String id, String kind, String necessity, String description, String inspectionItemId,
            String quantity, long unitPriceMinor, int taxRateBp, long netMinor, long taxMinor, long grossMinor) {
    }
}
