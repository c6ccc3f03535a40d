package com.garage.mobile.platform.events;

import com.garage.mobile.domain.event.JobEventMessage;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Told in the writing pod, before the events leave for the other pods, so that the writer's
 * next read already sees its write (read-your-writes). Other pods learn from the feed.
 */
public interface LocalCommitListener {

    Uni<Void> committed(List<JobEventMessage> events);
}
