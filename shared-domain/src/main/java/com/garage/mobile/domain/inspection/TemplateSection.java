package com.garage.mobile.domain.inspection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A group of items walked together, e.g. "Tyres" or "Brakes". */
public record TemplateSection(
        @NotNull @Size(min = 1, max = 200) String title,
        @NotNull @Size(min = 1, max = 100) List<@Valid @NotNull TemplateItem> items) {
}
