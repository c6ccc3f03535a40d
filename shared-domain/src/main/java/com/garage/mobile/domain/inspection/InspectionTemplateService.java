package com.garage.mobile.domain.inspection;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.Problem.FieldError;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.problem.StaleVersionException;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A garage's inspection templates, written by its advisors and admins; each edit is a new version. */
@ApplicationScoped
public class InspectionTemplateService {

    /** Item and measurement keys: what carry forward matches on and what apps send measurements under. */
    public static final String KEY = "^[a-z0-9][a-z0-9-]{0,63}$";
    public static final String CREATE = "inspection-template.create";
    public static final String EDIT = "inspection-template.edit";
    static final String RESOURCE = "inspection-template";

    private final AuditTrail audit;
    private final AuditedAction audited;
    private final GarageClock clock;

    public InspectionTemplateService(AuditTrail audit, AuditedAction audited, GarageClock clock) {
        this.audit = audit;
        this.audited = audited;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<InspectionTemplate>> list(Actor actor) {
        return InspectionTemplate.list("garageId = ?1 order by name, id", actor.garageId());
    }

    @WithSession
    public Uni<InspectionTemplate> get(Actor actor, UUID id) {
        return require(actor.garageId(), id);
    }

    static Uni<InspectionTemplate> require(UUID garageId, UUID id) {
        return InspectionTemplate.<InspectionTemplate>find("garageId = ?1 and id = ?2", garageId, id).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Inspection template"));
    }

    public Uni<InspectionTemplate> create(Actor actor, String name, List<TemplateSection> sections) {
        UUID id = UUID.randomUUID();
        return audited.run(actor, CREATE, RESOURCE, id, () -> insert(actor, id, name, sections));
    }

    public Uni<InspectionTemplate> edit(Actor actor, UUID id, long baseVersion, String name,
            List<TemplateSection> sections) {
        return audited.run(actor, EDIT, RESOURCE, id, () -> update(actor, id, baseVersion, name, sections));
    }

    @WithTransaction
    Uni<InspectionTemplate> insert(Actor actor, UUID id, String name, List<TemplateSection> sections) {
        requireWellFormed(sections);
        Instant now = clock.now();
        InspectionTemplate template = new InspectionTemplate();
        template.id = id;
        template.garageId = actor.garageId();
        template.name = name;
        template.sections = sections;
        template.createdBy = actor.personId();
        template.createdAt = now;
        template.updatedAt = now;
        return template.<InspectionTemplate>persist()
                .call(() -> Panache.flush())
                .call(saved -> audit.record(actor, CREATE, RESOURCE, id, AuditOutcome.SUCCESS, summary(saved), now));
    }

    @WithTransaction
    Uni<InspectionTemplate> update(Actor actor, UUID id, long baseVersion, String name,
            List<TemplateSection> sections) {
        return require(actor.garageId(), id).chain(template -> {
            requireWellFormed(sections);
            if (template.version != baseVersion) {
                throw new StaleVersionException("Template " + template.name, baseVersion, template.version);
            }
            Instant now = clock.now();
            template.name = name;
            template.sections = sections;
            template.updatedAt = now;
            return Panache.flush().replaceWith(template)
                    .call(saved -> audit.record(actor, EDIT, RESOURCE, id, AuditOutcome.SUCCESS, summary(saved),
                            now));
        });
    }

    /** Keys unique in the template and in each item; thresholds in the order their bad side implies. */
    static void requireWellFormed(List<TemplateSection> sections) {
        List<FieldError> errors = new ArrayList<>();
        if (sections.isEmpty()) {
            errors.add(new FieldError("sections", "must hold at least one section"));
        }
        Set<String> keys = new HashSet<>();
        for (int s = 0; s < sections.size(); s++) {
            List<TemplateItem> items = sections.get(s).items();
            for (int i = 0; i < items.size(); i++) {
                String at = "sections[%d].items[%d]".formatted(s, i);
                if (!keys.add(items.get(i).key())) {
                    errors.add(new FieldError(at + ".key", "appears twice in the template"));
                }
                checkMeasurements(at, items.get(i).measurements(), errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION, "The template is not valid.")
                    .withErrors(errors));
        }
    }

    private static void checkMeasurements(String at, List<MeasurementSpec> specs, List<FieldError> errors) {
        Set<String> keys = new HashSet<>();
        for (int m = 0; m < specs.size(); m++) {
            MeasurementSpec spec = specs.get(m);
            String field = "%s.measurements[%d]".formatted(at, m);
            if (!keys.add(spec.key())) {
                errors.add(new FieldError(field + ".key", "appears twice in the item"));
            }
            if (spec.yellowAt() != null && spec.redAt() != null
                    && spec.redAt().compareTo(spec.yellowAt()) * (spec.badWhen() == BadWhen.BELOW ? 1 : -1) > 0) {
                errors.add(new FieldError(field + ".redAt", "must be past yellowAt on the " + spec.badWhen()
                        .name().toLowerCase() + " side"));
            }
        }
    }

    private static Map<String, Object> summary(InspectionTemplate template) {
        return Map.of("name", template.name, "version", template.version,
                "items", template.sections.stream().mapToInt(s -> s.items().size()).sum());
    }
}
