package com.garage.mobile.domain.parts;

import com.garage.mobile.domain.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Finds the garage's parts: by text (number, description, barcode) a page at a time, or by a scanned code. */
@ApplicationScoped
public class PartCatalogue {

    private static final String MATCHING = "garageId = ?1 and (partNumber || ' ' || description || ' '"
            + " || coalesce(ean, '')) ilike ?2 escape '\\'";

    /** A page of parts matching the text, by part number; {@code afterNumber} continues after a page. */
    public Uni<List<Part>> search(UUID garageId, String text, String afterNumber, int limit) {
        String pattern = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return afterNumber == null
                ? Part.<Part>find(MATCHING + " order by partNumber, id", garageId, pattern).page(0, limit + 1).list()
                : Part.<Part>find(MATCHING + " and partNumber > ?3 order by partNumber, id", garageId, pattern,
                        afterNumber).page(0, limit + 1).list();
    }

    /**
     * The part a scanned code names: a valid EAN's digits match the barcode; anything else is a part
     * number, whatever its case.
     */
    public Uni<Part> lookup(UUID garageId, String code) {
        String scanned = code.strip();
        if (Ean.looksLikeBarcode(scanned) && !Ean.isValid(scanned)) {
            throw ProblemException.invalidField("code", "is not a valid EAN: its check digit does not match");
        }
        Uni<Part> found = Ean.isValid(scanned)
                ? Part.find("garageId = ?1 and ean = ?2", garageId, scanned).firstResult()
                : Part.find("garageId = ?1 and upper(partNumber) = upper(?2)", garageId, scanned).firstResult();
        return found.onItem().ifNull().failWith(() -> ProblemException.notFound("Part"));
    }

    public Uni<Part> require(UUID garageId, UUID partId) {
        return Part.<Part>find("garageId = ?1 and id = ?2", garageId, partId).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Part"));
    }
}
