package com.garage.mobile.domain.staff;

import com.garage.mobile.domain.access.ActorRole;
import com.garage.mobile.domain.tenancy.GarageOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A technician, service advisor or admin of one garage, signed in through OIDC. */
@Entity
@Table(name = "staff")
public class Staff extends GarageOwnedEntity {
    @Column(name = "oidc_subject")
    public String oidcSubject;
    @Enumerated(EnumType.STRING)
    public ActorRole role;
    @Column(name = "display_name")
    public String displayName;
    public String email;
    public boolean active;
}
