package com.garage.mobile.technician.inspections;

import com.garage.mobile.domain.inspection.TemplateSection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A template's name and sections, whole: an edit replaces both and makes a new version.
 *
 * @param baseVersion for an edit, the version it is based on, unless sent as {@code If-Match}
 */
public record TemplateRequest(@NotNull @Size(min = 1, max = 200) String name,
        @NotNull @Size(max = 30) List<@Valid @NotNull TemplateSection> sections,
        @PositiveOrZero Long baseVersion) {
}
