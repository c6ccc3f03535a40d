package com.garage.mobile.domain.partner.roadside;

import java.time.Instant;
import java.util.Objects;

/**
 * The one roadside state machine, whatever the partner (pure; {@code RoadsideStateMachineTest}).
 * Partners' updates come late, twice or out of order, so:
 * <ul>
 * <li>a final status is never left;</li>
 * <li>a status behind the current one, or an update older than the last applied, is ignored;</li>
 * <li>the same status again applies only what it changes (a newer ETA or position);</li>
 * <li>skipping ahead is allowed (a lost webhook), but {@code TOWING} only for a tow, {@code ACCEPTED}
 * only with an ETA, and a request never accepted cannot be completed, gone on arrival or unsuccessful:
 * such an update is refused as garbage.</li>
 * </ul>
 */
public final class RoadsideStateMachine {

    private RoadsideStateMachine() {
    }

    /** What to do with an update. */
    public sealed interface Decision {
    }

    /** Apply it; {@code statusChanged} is false when only the ETA or the position moved. */
    public record Apply(RoadsideStatus status, boolean statusChanged) implements Decision {
    }

    /** Harmless and stale or repeated: nothing changes, the partner is answered as if applied. */
    public record Ignore(String reason) implements Decision {
    }

    /** Not a word any partner may say of this request: refused and logged. */
    public record Refuse(String reason) implements Decision {
    }

    public static Decision decide(RoadsideService service, RoadsideStatus current, Instant currentAt,
            Instant currentEta, RoadsideUpdate update) {
        RoadsideStatus next = update.status();
        if (next == RoadsideStatus.TOWING && service != RoadsideService.TOW) {
            return new Refuse("towing reported for a " + service + " request");
        }
        if (next == RoadsideStatus.ACCEPTED && update.etaAt() == null) {
            return new Refuse("accepted without an ETA");
        }
        if (next == RoadsideStatus.REQUESTED) {
            return new Ignore("requested is where every request starts");
        }
        if (current.isFinal()) {
            return new Ignore("the request already ended " + current);
        }
        if (update.occurredAt().isBefore(currentAt)) {
            return new Ignore("older than the last update applied");
        }
        if (next.rank() < current.rank()) {
            return new Ignore(next + " is behind " + current);
        }
        if (next.isFinal() && next != RoadsideStatus.CANCELLED && current == RoadsideStatus.REQUESTED) {
            return new Refuse(next + " of a request never accepted");
        }
        if (next == current) {
            boolean moved = update.latitude() != null || !Objects.equals(update.etaAt(), currentEta)
                    && update.etaAt() != null;
            return moved ? new Apply(next, false) : new Ignore("nothing new");
        }
        return new Apply(next, true);
    }
}
