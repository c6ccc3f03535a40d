package com.garage.mobile.domain.estimate;

import com.garage.mobile.domain.estimate.CustomerEstimate.Group;
import com.garage.mobile.domain.estimate.CustomerEstimate.Line;
import com.garage.mobile.domain.estimate.CustomerEstimate.Totals;
import com.garage.mobile.domain.garage.Garage;
import com.garage.mobile.domain.inspection.InspectionItem;
import com.garage.mobile.domain.inspection.InspectionQueries;
import com.garage.mobile.domain.inspection.InspectionStatus;
import com.garage.mobile.domain.job.ApprovalStatus;
import com.garage.mobile.domain.job.EstimateLine;
import com.garage.mobile.domain.job.JobCard;
import com.garage.mobile.domain.job.LineNecessity;
import com.garage.mobile.domain.media.Media;
import com.garage.mobile.domain.media.MediaKind;
import com.garage.mobile.domain.media.MediaStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Reads a job's estimate as its customer sees it now (in the caller's session). */
@ApplicationScoped
public class EstimateSheets {

    public Uni<CustomerEstimate> of(JobCard job) {
        return Garage.<Garage>findById(job.garageId)
                .chain(garage -> EstimateRevision.of(job.id)
                        .chain(revision -> EstimateLine.<EstimateLine>list(
                                        "jobId = ?1 and awaitingPrice = false order by position", job.id)
                                .chain(lines -> findings(job, lines)
                                        .map(findings -> build(job, garage.currency, revision, lines, findings)))));
    }

    private static Uni<Findings> findings(JobCard job, List<EstimateLine> lines) {
        UUID[] itemIds = lines.stream().map(line -> line.inspectionItemId).filter(id -> id != null).distinct()
                .toArray(UUID[]::new);
        if (itemIds.length == 0) {
            return Uni.createFrom().item(new Findings(Map.of(), Map.of()));
        }
        return InspectionItem.<InspectionItem>list("garageId = ?1 and array_has(?2, id)", job.garageId, itemIds)
                .chain(items -> Media.<Media>list("garageId = ?1 and targetType = ?2 and array_has(?3, targetId)"
                                + " and status = ?4 and kind = ?6 and deletedAt is null and targetId in (select i.id from"
                                + " InspectionItem i where i.customerVisible = true and i.inspectionId in (select p.id"
                                + " from Inspection p where p.status = ?5)) order by createdAt, id", job.garageId,
                                InspectionQueries.MEDIA_TARGET, itemIds, MediaStatus.STORED, InspectionStatus.PUBLISHED,
                                MediaKind.PHOTO)
                        .map(media -> new Findings(
                                items.stream().collect(Collectors.toMap(item -> item.id, item -> item)),
                                media.stream().collect(Collectors.groupingBy(m -> m.targetId,
                                        Collectors.mapping(m -> m.id, Collectors.toList()))))));
    }

    private static CustomerEstimate build(JobCard job, String currency, int revision, List<EstimateLine> lines,
            Findings findings) {
        Map<UUID, List<EstimateLine>> byItem = new LinkedHashMap<>();
        List<EstimateLine> concern = new ArrayList<>();
        for (EstimateLine line : lines) {
            if (line.inspectionItemId == null) {
                concern.add(line);
            } else {
                byItem.computeIfAbsent(line.inspectionItemId, id -> new ArrayList<>()).add(line);
            }
        }
        List<Group> groups = new ArrayList<>();
        if (!concern.isEmpty()) {
            groups.add(new Group(job.concern, null, null, List.of(), lines(concern)));
        }
        byItem.forEach((itemId, itemLines) -> {
            InspectionItem item = findings.items().get(itemId);
            groups.add(new Group(item != null ? item.label : itemLines.get(0).description, itemId,
                    item != null ? item.condition : null, findings.photos().getOrDefault(itemId, List.of()),
                    lines(itemLines)));
        });
        ShownContent shown = ShownContent.of(job.id, revision, currency, lines);
        return new CustomerEstimate(job.id, job.number, revision, currency, shown.sha256(), groups, totals(lines));
    }

    private static List<Line> lines(List<EstimateLine> lines) {
        return lines.stream().map(line -> new Line(line.id, line.kind, line.description, line.necessity,
                line.quantity, line.unitPriceMinor, line.taxRateBp, line.netMinor(), line.taxMinor(),
                line.grossMinor(), line.approvalStatus, line.decidedAt, line.decisionNote, line.version)).toList();
    }

    private static Totals totals(List<EstimateLine> lines) {
        return new Totals(lines.stream().mapToLong(EstimateLine::netMinor).sum(),
                lines.stream().mapToLong(EstimateLine::taxMinor).sum(), gross(lines, line -> true),
                gross(lines, line -> line.approvalStatus == ApprovalStatus.APPROVED),
                gross(lines, line -> line.necessity == LineNecessity.REQUIRED),
                gross(lines, line -> line.necessity == LineNecessity.RECOMMENDED),
                (int) lines.stream().filter(line -> line.approvalStatus == ApprovalStatus.PENDING).count());
    }

    private static long gross(List<EstimateLine> lines, Predicate<EstimateLine> which) {
        return lines.stream().filter(which).mapToLong(EstimateLine::grossMinor).sum();
    }

    private record Findings(Map<UUID, InspectionItem> items, Map<UUID, List<UUID>> photos) {
    }
}
