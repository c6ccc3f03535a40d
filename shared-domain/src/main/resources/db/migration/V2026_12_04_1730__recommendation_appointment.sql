-- Booking a recommendation asks for an appointment (docs/recommendations.md): the request it made.
alter table recommendation add column appointment_id uuid references appointment (id);
