package com.garage.mobile.domain.media;

import com.garage.mobile.domain.tenancy.GarageOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A photo, video or audio note attached to a job, a step, an inspection item or a chat message; its
 * bytes are in the object store.
 */
@Entity
@Table(name = "media")
public class Media extends GarageOwnedEntity {
    @Column(name = "job_id")
    public UUID jobId;
    @Column(name = "target_type")
    public String targetType;
    @Column(name = "target_id")
    public UUID targetId;
    @Enumerated(EnumType.STRING)
    public MediaKind kind;
    @Enumerated(EnumType.STRING)
    public MediaStatus status;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "declared_size")
    public long declaredSize;
    @Column(name = "object_key")
    public String objectKey;
    public String sha256;
    @Column(name = "thumbnail_key")
    public String thumbnailKey;
    /** The staff member who uploaded it, or null when a customer did. */
    @Column(name = "uploaded_by")
    public UUID uploadedBy;
    /** The customer who uploaded it (a chat attachment), or null when staff did. */
    @Column(name = "uploaded_by_customer")
    public UUID uploadedByCustomer;
    @Column(name = "stored_at")
    public Instant storedAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;
    @Column(name = "deleted_by")
    public UUID deletedBy;

    /** The person who uploaded it, staff or customer. */
    public UUID uploader() {
        return uploadedBy != null ? uploadedBy : uploadedByCustomer;
    }
}
