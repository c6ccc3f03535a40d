-- A recommendation kept from a customer in the holdout of its kind's experiment (RecommendationHoldouts): stored
-- so the rules keep it current and it opens when the holdout ends, never shown, told or pushed meanwhile.
alter table recommendation drop constraint recommendation_status_check;
alter table recommendation add constraint recommendation_status_check
    check (status in ('OPEN', 'DISMISSED', 'SNOOZED', 'ACCEPTED', 'BOOKED', 'RESOLVED', 'HELD_OUT'));
