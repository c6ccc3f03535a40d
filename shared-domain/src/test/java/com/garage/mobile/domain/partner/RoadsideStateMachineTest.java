package com.garage.mobile.domain.partner;

import static com.garage.mobile.domain.partner.roadside.RoadsideStatus.ACCEPTED;
import static com.garage.mobile.domain.partner.roadside.RoadsideStatus.CANCELLED;
import static com.garage.mobile.domain.partner.roadside.RoadsideStatus.COMPLETED;
import static com.garage.mobile.domain.partner.roadside.RoadsideStatus.EN_ROUTE;
import static com.garage.mobile.domain.partner.roadside.RoadsideStatus.GONE_ON_ARRIVAL;
import static com.garage.mobile.domain.partner.roadside.RoadsideStatus.ON_SITE;
import static com.garage.mobile.domain.partner.roadside.RoadsideStatus.REQUESTED;
import static com.garage.mobile.domain.partner.roadside.RoadsideStatus.TOWING;
import static com.garage.mobile.domain.partner.roadside.RoadsideStatus.UNSUCCESSFUL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.garage.mobile.domain.partner.roadside.RoadsideService;
import com.garage.mobile.domain.partner.roadside.RoadsideStateMachine;
import com.garage.mobile.domain.partner.roadside.RoadsideStateMachine.Apply;
import com.garage.mobile.domain.partner.roadside.RoadsideStateMachine.Ignore;
import com.garage.mobile.domain.partner.roadside.RoadsideStateMachine.Refuse;
import com.garage.mobile.domain.partner.roadside.RoadsideStatus;
import com.garage.mobile.domain.partner.roadside.RoadsideUpdate;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RoadsideStateMachineTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    private static final Instant ETA = T0.plusSeconds(1200);

    private static RoadsideStateMachine.Decision tow(RoadsideStatus current, RoadsideUpdate update) {
        return RoadsideStateMachine.decide(RoadsideService.TOW, current, T0, null, update);
    }

    private static RoadsideUpdate word(RoadsideStatus status, Instant at) {
        return new RoadsideUpdate(status, status == ACCEPTED ? ETA : null, null, null, at);
    }

    @Test
    void aTowWalksTheWholeWayInOrder() {
        RoadsideStatus current = REQUESTED;
        for (RoadsideStatus next : new RoadsideStatus[] {ACCEPTED, EN_ROUTE, ON_SITE, TOWING, COMPLETED}) {
            Apply apply = assertInstanceOf(Apply.class, tow(current, word(next, T0.plusSeconds(60))));
            assertEquals(next, apply.status());
            assertEquals(true, apply.statusChanged());
            current = next;
        }
    }

    @Test
    void skippingAheadIsAllowedSinceAWebhookMayBeLost() {
        assertEquals(ON_SITE, assertInstanceOf(Apply.class, tow(ACCEPTED, word(ON_SITE, T0.plusSeconds(1)))).status());
    }

    @Test
    void aWordBehindTheCurrentStatusIsIgnored() {
        assertInstanceOf(Ignore.class, tow(ON_SITE, word(EN_ROUTE, T0.plusSeconds(60))));
        assertInstanceOf(Ignore.class, tow(ON_SITE, word(ACCEPTED, T0.plusSeconds(60))));
    }

    @Test
    void anUpdateOlderThanTheLastAppliedIsIgnored() {
        assertInstanceOf(Ignore.class, tow(EN_ROUTE, word(ON_SITE, T0.minusSeconds(1))));
    }

    @Test
    void aFinalStatusIsNeverLeft() {
        for (RoadsideStatus end : new RoadsideStatus[] {COMPLETED, CANCELLED, GONE_ON_ARRIVAL, UNSUCCESSFUL}) {
            assertInstanceOf(Ignore.class, tow(end, word(TOWING, T0.plusSeconds(60))));
            assertInstanceOf(Ignore.class, tow(end, word(CANCELLED, T0.plusSeconds(60))));
        }
    }

    @Test
    void theSameStatusAppliesOnlyANewEtaOrPosition() {
        RoadsideUpdate sameEta = new RoadsideUpdate(EN_ROUTE, ETA, null, null, T0.plusSeconds(5));
        assertInstanceOf(Ignore.class, RoadsideStateMachine.decide(RoadsideService.TOW, EN_ROUTE, T0, ETA, sameEta));
        RoadsideUpdate later = new RoadsideUpdate(EN_ROUTE, ETA.plusSeconds(300), null, null, T0.plusSeconds(5));
        Apply apply = assertInstanceOf(Apply.class, RoadsideStateMachine.decide(RoadsideService.TOW, EN_ROUTE, T0,
                ETA, later));
        assertEquals(false, apply.statusChanged());
        RoadsideUpdate moved = new RoadsideUpdate(EN_ROUTE, null, 51.5, -0.12, T0.plusSeconds(5));
        assertInstanceOf(Apply.class, RoadsideStateMachine.decide(RoadsideService.TOW, EN_ROUTE, T0, ETA, moved));
    }

    @Test
    void towingIsRefusedForHelpThatIsNotATow() {
        assertInstanceOf(Refuse.class, RoadsideStateMachine.decide(RoadsideService.JUMP_START, ON_SITE, T0, null,
                word(TOWING, T0.plusSeconds(1))));
    }

    @Test
    void acceptedWithoutAnEtaIsRefused() {
        assertInstanceOf(Refuse.class, tow(REQUESTED, new RoadsideUpdate(ACCEPTED, null, null, null, T0)));
    }

    @Test
    void aRequestNeverAcceptedCanBeCancelledButNotCompleted() {
        assertInstanceOf(Apply.class, tow(REQUESTED, word(CANCELLED, T0)));
        assertInstanceOf(Refuse.class, tow(REQUESTED, word(COMPLETED, T0)));
        assertInstanceOf(Refuse.class, tow(REQUESTED, word(GONE_ON_ARRIVAL, T0)));
        assertInstanceOf(Apply.class, tow(ON_SITE, word(GONE_ON_ARRIVAL, T0)));
        assertInstanceOf(Apply.class, tow(EN_ROUTE, word(UNSUCCESSFUL, T0)));
    }

    @Test
    void requestedIsNeverAnUpdate() {
        assertInstanceOf(Ignore.class, tow(REQUESTED, word(REQUESTED, T0.plusSeconds(1))));
    }
}
