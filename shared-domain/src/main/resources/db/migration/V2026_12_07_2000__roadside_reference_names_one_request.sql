-- A partner's reference names one request of ours. A webhook or a polled answer finds its request by reference; with
-- two requests under one reference it moved both and published only one. A partner that answers a second request
-- with a reference it gave before is now refused (RoadsideCalls): the call becomes a dead letter an admin may replay.
-- Before this, only such a partner could have left two requests under one reference: the later loses it.
update roadside_request later set partner_reference = null
where partner_reference is not null
  and exists (select 1 from roadside_request earlier
              where earlier.partner = later.partner and earlier.partner_reference = later.partner_reference
                and (earlier.created_at, earlier.id) < (later.created_at, later.id));

create unique index roadside_request_partner_reference_key on roadside_request (partner, partner_reference);
