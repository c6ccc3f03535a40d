package com.garage.mobile.domain.customer;

import com.garage.mobile.domain.tenancy.GarageOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A customer of one garage; {@code oidcSubject} is set once they use the customer app. */
@Entity
@Table(name = "customer")
public class Customer extends GarageOwnedEntity {
    @Column(name = "oidc_subject")
    public String oidcSubject;
    @Column(name = "first_name")
    public String firstName;
    @Column(name = "last_name")
    public String lastName;
    public String email;
    public String phone;
    @Column(name = "preferred_language")
    public String preferredLanguage;

    public String displayName() {
        return firstName + " " + lastName;
    }
}
