package com.garage.mobile.technician.inspections;

import com.garage.mobile.domain.inspection.InspectionTemplate;
import com.garage.mobile.domain.inspection.TemplateSection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An inspection template at its current version. */
public record TemplateView(UUID id, String name, List<TemplateSection> sections, Instant updatedAt, long version) {

    static TemplateView of(InspectionTemplate template) {
        return new TemplateView(template.id, template.name, template.sections, template.updatedAt, template.version);
    }
}
