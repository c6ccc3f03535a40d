-- Per-garage branding of the apps (docs/apps.md): the primary colour as the garage chose it and the address of
-- its logo. Both optional: the apps fall back to the design system's own colour and the garage's name.
alter table garage
    add column brand_primary_colour text check (brand_primary_colour ~ '^#[0-9a-f]{6}$'),
    add column brand_logo_url       text check (length(brand_logo_url) between 1 and 2000
                                                and brand_logo_url ~ '^(https://|/)');
