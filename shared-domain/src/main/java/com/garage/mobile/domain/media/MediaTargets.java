package com.garage.mobile.domain.media;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.ActorRole;
import com.garage.mobile.domain.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The kinds of records media can be attached to, found among the features' beans by their type. */
@ApplicationScoped
public class MediaTargets {

    private final Map<String, MediaTarget> byType;

    public MediaTargets(Instance<MediaTarget> targets) {
        this.byType = targets.stream().collect(Collectors.toUnmodifiableMap(MediaTarget::type, Function.identity()));
    }

    /** The target of this type; a type nobody contributes is a validation problem. */
    public MediaTarget of(String type) {
        MediaTarget target = byType.get(type);
        if (target == null) {
            throw ProblemException.invalidField("Upload-Metadata.targetType", "is not a target media can be attached to");
        }
        return target;
    }

    /** The target of this type, if this person may upload to its kind at all. */
    public MediaTarget forUploadBy(Actor uploader, String type) {
        MediaTarget target = of(type);
        if (uploader.role() == ActorRole.CUSTOMER && !target.takesCustomerUploads()) {
            throw ProblemException.invalidField("Upload-Metadata.targetType",
                    "is not a target you can attach media to; customers attach them to their chat conversations");
        }
        return target;
    }
}
