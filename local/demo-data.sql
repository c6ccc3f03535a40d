-- Demo data for the local stack, loaded by scripts/local-stack.sh after the migrations ran.
-- Subjects match local/keycloak/realm-garage.json; see docs/local-stack.md. Re-runnable: rows that exist are kept.

insert into garage (id, name, time_zone, currency, tax_rate_bp) values
    ('6a0f4c52-1d2e-4c1b-9a10-00000000e001', 'Northside Auto Care', 'Europe/London', 'GBP', 2000)
on conflict (id) do nothing;

insert into staff (id, garage_id, oidc_subject, role, display_name, email) values
    ('5a000000-0000-4000-8000-00000000a001', '6a0f4c52-1d2e-4c1b-9a10-00000000e001',
     '0a1d0000-0000-4000-8000-00000000a001', 'ADVISOR', 'Alice Morgan', 'alice@northside.example'),
    ('5a000000-0000-4000-8000-00000000b001', '6a0f4c52-1d2e-4c1b-9a10-00000000e001',
     '0a1d0000-0000-4000-8000-00000000b001', 'TECHNICIAN', 'Tom Reyes', 'tom@northside.example'),
    ('5a000000-0000-4000-8000-00000000b002', '6a0f4c52-1d2e-4c1b-9a10-00000000e001',
     '0a1d0000-0000-4000-8000-00000000b002', 'TECHNICIAN', 'Tina Kowalski', 'tina@northside.example'),
    ('5a000000-0000-4000-8000-00000000d001', '6a0f4c52-1d2e-4c1b-9a10-00000000e001',
     '0a1d0000-0000-4000-8000-00000000d001', 'ADMIN', 'Ada Brennan', 'ada@northside.example')
on conflict (id) do nothing;

insert into customer (id, garage_id, oidc_subject, first_name, last_name, email, phone) values
    ('5c000000-0000-4000-8000-00000000c001', '6a0f4c52-1d2e-4c1b-9a10-00000000e001',
     '0a1d0000-0000-4000-8000-00000000c001', 'Carl', 'Jensen', 'carl@example.com', '+44 7700 900001'),
    ('5c000000-0000-4000-8000-00000000c002', '6a0f4c52-1d2e-4c1b-9a10-00000000e001',
     '0a1d0000-0000-4000-8000-00000000c002', 'Cora', 'Li', 'cora@example.com', '+44 7700 900002'),
    ('5c000000-0000-4000-8000-00000000c003', '6a0f4c52-1d2e-4c1b-9a10-00000000e001',
     '0a1d0000-0000-4000-8000-00000000c003', 'Chris', 'Okafor', 'chris@example.com', '+44 7700 900003')
on conflict (id) do nothing;

insert into vehicle (id, garage_id, customer_id, vin, make, model, model_year, registration_plate, colour, mileage_km) values
    ('5e000000-0000-4000-8000-000000000001', '6a0f4c52-1d2e-4c1b-9a10-00000000e001',
     '5c000000-0000-4000-8000-00000000c001', 'WVWZZZ1KZ8W123456', 'Volkswagen', 'Golf', 2018, 'KX18 ABC', 'Blue', 84210),
    ('5e000000-0000-4000-8000-000000000002', '6a0f4c52-1d2e-4c1b-9a10-00000000e001',
     '5c000000-0000-4000-8000-00000000c001', 'SALWA2AE4EA123456', 'Land Rover', 'Discovery', 2014, 'LR14 DSC', 'Grey', 151003),
    ('5e000000-0000-4000-8000-000000000003', '6a0f4c52-1d2e-4c1b-9a10-00000000e001',
     '5c000000-0000-4000-8000-00000000c002', '1HGCM82633A004352', 'Honda', 'Accord', 2003, 'HA03 CRD', 'Silver', 203400),
    ('5e000000-0000-4000-8000-000000000004', '6a0f4c52-1d2e-4c1b-9a10-00000000e001',
     '5c000000-0000-4000-8000-00000000c003', 'VF1RFB00X56123456', 'Renault', 'Clio', 2021, 'RN21 CLO', 'Red', 30120)
on conflict (id) do nothing;

insert into appointment (id, garage_id, customer_id, vehicle_id, advisor_id, starts_at, ends_at, status, service_requested) values
    ('5f000000-0000-4000-8000-000000000001', '6a0f4c52-1d2e-4c1b-9a10-00000000e001',
     '5c000000-0000-4000-8000-00000000c001', '5e000000-0000-4000-8000-000000000001',
     '5a000000-0000-4000-8000-00000000a001', date_trunc('hour', now()) - interval '3 hours',
     date_trunc('hour', now()) - interval '2 hours', 'CHECKED_IN', 'Brakes squeal when stopping'),
    ('5f000000-0000-4000-8000-000000000002', '6a0f4c52-1d2e-4c1b-9a10-00000000e001',
     '5c000000-0000-4000-8000-00000000c001', '5e000000-0000-4000-8000-000000000002',
     '5a000000-0000-4000-8000-00000000a001', date_trunc('hour', now()) + interval '7 days',
     date_trunc('hour', now()) + interval '7 days 2 hours', 'CONFIRMED', 'Annual service and MOT'),
    ('5f000000-0000-4000-8000-000000000003', '6a0f4c52-1d2e-4c1b-9a10-00000000e001',
     '5c000000-0000-4000-8000-00000000c002', '5e000000-0000-4000-8000-000000000003',
     null, date_trunc('hour', now()) + interval '2 days',
     date_trunc('hour', now()) + interval '2 days 1 hour', 'REQUESTED', 'Check engine light is on'),
    ('5f000000-0000-4000-8000-000000000004', '6a0f4c52-1d2e-4c1b-9a10-00000000e001',
     '5c000000-0000-4000-8000-00000000c003', '5e000000-0000-4000-8000-000000000004',
     '5a000000-0000-4000-8000-00000000a001', date_trunc('hour', now()) - interval '1 day',
     date_trunc('hour', now()) - interval '23 hours', 'COMPLETED', 'Tyre change')
on conflict (id) do nothing;

insert into job_card (id, garage_id, number, customer_id, vehicle_id, appointment_id, advisor_id, status, concern,
                      promised_at, mileage_in_km, closed_at) values
    ('5b000000-0000-4000-8000-000000000001', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', 1001,
     '5c000000-0000-4000-8000-00000000c001', '5e000000-0000-4000-8000-000000000001',
     '5f000000-0000-4000-8000-000000000001', '5a000000-0000-4000-8000-00000000a001', 'IN_PROGRESS',
     'Brakes squeal when stopping', date_trunc('hour', now()) + interval '4 hours', 84210, null),
    ('5b000000-0000-4000-8000-000000000002', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', 1002,
     '5c000000-0000-4000-8000-00000000c002', '5e000000-0000-4000-8000-000000000003', null,
     '5a000000-0000-4000-8000-00000000a001', 'AWAITING_APPROVAL',
     'Check engine light is on; rough idle', date_trunc('hour', now()) + interval '6 hours', 203400, null),
    ('5b000000-0000-4000-8000-000000000003', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', 1003,
     '5c000000-0000-4000-8000-00000000c003', '5e000000-0000-4000-8000-000000000004',
     '5f000000-0000-4000-8000-000000000004', '5a000000-0000-4000-8000-00000000a001', 'CLOSED',
     'Replace front tyres', date_trunc('hour', now()) - interval '20 hours', 30120, now() - interval '19 hours'),
    ('5b000000-0000-4000-8000-000000000004', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', 1004,
     '5c000000-0000-4000-8000-00000000c001', '5e000000-0000-4000-8000-000000000002', null,
     '5a000000-0000-4000-8000-00000000a001', 'OPEN',
     'Intermittent warning light on the dashboard', null, 151003, null)
on conflict (id) do nothing;

insert into job_assignment (job_id, technician_id, garage_id) values
    ('5b000000-0000-4000-8000-000000000001', '5a000000-0000-4000-8000-00000000b001', '6a0f4c52-1d2e-4c1b-9a10-00000000e001'),
    ('5b000000-0000-4000-8000-000000000002', '5a000000-0000-4000-8000-00000000b002', '6a0f4c52-1d2e-4c1b-9a10-00000000e001'),
    ('5b000000-0000-4000-8000-000000000003', '5a000000-0000-4000-8000-00000000b001', '6a0f4c52-1d2e-4c1b-9a10-00000000e001'),
    ('5b000000-0000-4000-8000-000000000004', '5a000000-0000-4000-8000-00000000b001', '6a0f4c52-1d2e-4c1b-9a10-00000000e001')
on conflict do nothing;

insert into job_step (id, garage_id, job_id, position, title, status, completed_at, completed_by) values
    ('5d000000-0000-4000-8000-000000000101', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', '5b000000-0000-4000-8000-000000000001',
     0, 'Road test and confirm the noise', 'DONE', now() - interval '2 hours', '5a000000-0000-4000-8000-00000000b001'),
    ('5d000000-0000-4000-8000-000000000102', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', '5b000000-0000-4000-8000-000000000001',
     1, 'Inspect pads and discs', 'IN_PROGRESS', null, null),
    ('5d000000-0000-4000-8000-000000000103', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', '5b000000-0000-4000-8000-000000000001',
     2, 'Replace front pads', 'PENDING', null, null),
    ('5d000000-0000-4000-8000-000000000201', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', '5b000000-0000-4000-8000-000000000002',
     0, 'Read fault codes', 'DONE', now() - interval '1 hour', '5a000000-0000-4000-8000-00000000b002'),
    ('5d000000-0000-4000-8000-000000000202', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', '5b000000-0000-4000-8000-000000000002',
     1, 'Replace ignition coil (after approval)', 'PENDING', null, null)
on conflict (id) do nothing;

insert into estimate_line (id, garage_id, job_id, position, kind, description, part_number, quantity,
                           unit_price_minor, cost_price_minor, tax_rate_bp, approval_status, decided_at) values
    ('5d000000-0000-4000-8000-000000001101', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', '5b000000-0000-4000-8000-000000000001',
     0, 'LABOUR', 'Brake inspection and pad replacement', null, 1.50, 8500, null, 2000, 'APPROVED', now() - interval '2 hours'),
    ('5d000000-0000-4000-8000-000000001102', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', '5b000000-0000-4000-8000-000000000001',
     1, 'PART', 'Front brake pad set', 'BP-7731', 1, 5400, 3100, 2000, 'APPROVED', now() - interval '2 hours'),
    ('5d000000-0000-4000-8000-000000001201', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', '5b000000-0000-4000-8000-000000000002',
     0, 'LABOUR', 'Diagnose misfire', null, 1, 8500, null, 2000, 'APPROVED', now() - interval '1 hour'),
    ('5d000000-0000-4000-8000-000000001202', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', '5b000000-0000-4000-8000-000000000002',
     1, 'PART', 'Ignition coil, cylinder 3', 'IC-2203', 1, 7200, 4050, 2000, 'PENDING', null)
on conflict (id) do nothing;

insert into job_note (id, garage_id, job_id, author_staff_id, visibility, body) values
    ('5d000000-0000-4000-8000-000000002101', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', '5b000000-0000-4000-8000-000000000001',
     '5a000000-0000-4000-8000-00000000b001', 'CUSTOMER', 'Front pads are worn to 2 mm; replacing them today.'),
    ('5d000000-0000-4000-8000-000000002102', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', '5b000000-0000-4000-8000-000000000001',
     '5a000000-0000-4000-8000-00000000b001', 'INTERNAL', 'Rear discs lipped too; suggest at next service.'),
    ('5d000000-0000-4000-8000-000000002201', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', '5b000000-0000-4000-8000-000000000002',
     '5a000000-0000-4000-8000-00000000a001', 'INTERNAL', 'Customer is price sensitive; call before ordering.')
on conflict (id) do nothing;

-- The Golf's history (docs/recommendations.md): its last oil service, eleven and a half months ago at
-- 70,500 km, with the rear discs declined; with today's check-in odometer the oil service falls due within
-- the month and the declined discs are followed up, so Carl sees both under the Golf's recommendations.
insert into job_card (id, garage_id, number, customer_id, vehicle_id, appointment_id, advisor_id, status, concern,
                      promised_at, mileage_in_km, closed_at, created_at) values
    ('5b000000-0000-4000-8000-000000000005', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', 1005,
     '5c000000-0000-4000-8000-00000000c001', '5e000000-0000-4000-8000-000000000001', null,
     '5a000000-0000-4000-8000-00000000a001', 'CLOSED', 'Annual service', now() - interval '350 days',
     70500, now() - interval '350 days', now() - interval '350 days')
on conflict (id) do nothing;

insert into job_step (id, garage_id, job_id, position, title, status, completed_at, completed_by) values
    ('5d000000-0000-4000-8000-000000000501', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', '5b000000-0000-4000-8000-000000000005',
     0, 'Oil and filter change', 'DONE', now() - interval '350 days', '5a000000-0000-4000-8000-00000000b001')
on conflict (id) do nothing;

insert into estimate_line (id, garage_id, job_id, position, kind, description, part_number, quantity,
                           unit_price_minor, cost_price_minor, tax_rate_bp, approval_status, decided_at) values
    ('5d000000-0000-4000-8000-000000001501', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', '5b000000-0000-4000-8000-000000000005',
     0, 'LABOUR', 'Oil and filter change', null, 1, 6500, null, 2000, 'APPROVED', now() - interval '350 days'),
    ('5d000000-0000-4000-8000-000000001502', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', '5b000000-0000-4000-8000-000000000005',
     1, 'PART', 'Rear brake discs and pads', null, 1, 18900, 10400, 2000, 'DECLINED', now() - interval '350 days')
on conflict (id) do nothing;

insert into odometer_reading (id, garage_id, vehicle_id, odometer_km, read_at, source, job_id, recorded_by, created_at) values
    ('5d000000-0000-4000-8000-000000004001', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', '5e000000-0000-4000-8000-000000000001',
     84210, now() - interval '3 hours', 'CHECK_IN', '5b000000-0000-4000-8000-000000000001',
     '5a000000-0000-4000-8000-00000000a001', now() - interval '3 hours')
on conflict (id) do nothing;

-- The parts catalogue (docs/bay.md, Parts): EANs carry valid check digits; one part is out of stock.
insert into part (id, garage_id, part_number, description, ean, price_minor, cost_minor, tax_rate_bp,
                  stock_on_hand, bin) values
    ('5e000000-0000-4000-8000-000000000001', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', 'BP-7731', 'Front brake pad set (Bosch 0 986 494 116)', '4006980000012', 5400, 3100, 2000, 12, 'A-01-03'),
    ('5e000000-0000-4000-8000-000000000002', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', 'BP-7740', 'Rear brake pad set', '4006980000029', 4600, 2600, 2000, 8, 'A-01-04'),
    ('5e000000-0000-4000-8000-000000000003', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', 'BD-2210', 'Front brake disc, vented 280 mm (each)', '4006980000036', 6800, 3900, 2000, 6, 'A-02-01'),
    ('5e000000-0000-4000-8000-000000000004', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', 'BF-0500', 'Brake fluid DOT 4, 0.5 l', '4006980000043', 1200, 550, 2000, 24, 'C-04-02'),
    ('5e000000-0000-4000-8000-000000000005', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', 'IC-2203', 'Ignition coil', '4012345000054', 7200, 4050, 2000, 0, 'B-03-07'),
    ('5e000000-0000-4000-8000-000000000006', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', 'SP-1140', 'Spark plug, iridium', '4012345000061', 1450, 720, 2000, 32, 'B-03-01'),
    ('5e000000-0000-4000-8000-000000000007', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', 'OF-0101', 'Oil filter', '4012345000078', 1150, 480, 2000, 40, 'B-01-01'),
    ('5e000000-0000-4000-8000-000000000008', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', 'AF-3320', 'Air filter element', '4012345000085', 2100, 980, 2000, 15, 'B-01-05'),
    ('5e000000-0000-4000-8000-000000000009', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', 'CF-0870', 'Cabin pollen filter, activated carbon', '4012345000092', 2400, 1100, 2000, 11, 'B-01-06'),
    ('5e000000-0000-4000-8000-000000000010', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', 'EO-5W30', 'Engine oil 5W-30 longlife, 1 l', '5002990000102', 1350, 640, 2000, 120, 'C-01-01'),
    ('5e000000-0000-4000-8000-000000000011', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', 'WB-0600', 'Wiper blade set 600/450 mm', '5002990000119', 2900, 1350, 2000, 9, 'D-02-02'),
    ('5e000000-0000-4000-8000-000000000012', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', 'BT-070', 'Battery 12 V 70 Ah AGM', '5002990000126', 16900, 10400, 2000, 3, 'E-01-01'),
    ('5e000000-0000-4000-8000-000000000013', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', 'TB-KIT3', 'Timing belt kit with water pump', '5002990000133', 23800, 14200, 2000, 2, 'A-05-01'),
    ('5e000000-0000-4000-8000-000000000014', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', 'AB-5512', 'Auxiliary drive belt 6PK1200', '5002990000140', 3100, 1400, 2000, 5, 'A-05-03'),
    ('5e000000-0000-4000-8000-000000000015', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', 'SH-2201', 'Shock absorber, front, gas', '5002990000157', 11200, 6300, 2000, 4, 'F-01-02'),
    ('5e000000-0000-4000-8000-000000000016', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', 'BL-H7', 'Bulb H7 12 V 55 W', '5002990000164', 890, 310, 2000, 50, 'D-01-01'),
    ('5e000000-0000-4000-8000-000000000017', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', 'CL-G12', 'Coolant G12++ concentrate, 1.5 l', '5002990000171', 1990, 920, 2000, 18, 'C-02-03'),
    ('5e000000-0000-4000-8000-000000000018', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', 'TV-0550', 'Tyre valve, snap-in', '5002990000188', 250, 60, 2000, 200, 'F-03-01')
on conflict (id) do nothing;

-- The garage's standard inspection template (docs/bay.md, "Digital vehicle inspection"); the test kit
-- seeds the same one (GarageFixture.DEFAULT_TEMPLATE).
insert into inspection_template (id, garage_id, name, sections, created_by, created_at, updated_at) values
    ('5d000000-0000-4000-8000-000000003001', '6a0f4c52-1d2e-4c1b-9a10-00000000e001', 'Standard inspection',
     '[{"title": "Tyres", "items": [{"key": "tyre-front-left", "label": "Front left tyre", "customerVisible": true, "measurements": [{"key": "tread", "label": "Tread depth", "unit": "mm", "badWhen": "BELOW", "yellowAt": 3, "redAt": 1.6}]}, {"key": "tyre-front-right", "label": "Front right tyre", "customerVisible": true, "measurements": [{"key": "tread", "label": "Tread depth", "unit": "mm", "badWhen": "BELOW", "yellowAt": 3, "redAt": 1.6}]}]}, {"title": "Brakes", "items": [{"key": "brake-pads-front", "label": "Front brake pads", "customerVisible": true, "measurements": [{"key": "pad", "label": "Pad thickness", "unit": "mm", "badWhen": "BELOW", "yellowAt": 4, "redAt": 2}]}, {"key": "brake-fluid", "label": "Brake fluid", "customerVisible": true, "measurements": [{"key": "moisture", "label": "Water content", "unit": "%", "badWhen": "ABOVE", "yellowAt": 2, "redAt": 3}]}]}, {"title": "Under the bonnet", "items": [{"key": "engine-oil", "label": "Engine oil level and condition", "customerVisible": true, "measurements": []}, {"key": "workshop-checks", "label": "Workshop checks (internal)", "customerVisible": false, "measurements": []}]}]',
     '5a000000-0000-4000-8000-00000000a001', now(), now())
on conflict (id) do nothing;

-- Northside's business hours and chat response targets (docs/chat.md, "Escalation"): weekdays with a
-- lunch break, Saturday morning, closed over Christmas and New Year's Day.
insert into business_hours (garage_id, version, time_zone, week, holidays, effective_from) values
    ('6a0f4c52-1d2e-4c1b-9a10-00000000e001', 1, 'Europe/London',
     '{"MONDAY": [{"opens": "08:00", "closes": "12:30"}, {"opens": "13:30", "closes": "18:00"}],
       "TUESDAY": [{"opens": "08:00", "closes": "12:30"}, {"opens": "13:30", "closes": "18:00"}],
       "WEDNESDAY": [{"opens": "08:00", "closes": "12:30"}, {"opens": "13:30", "closes": "18:00"}],
       "THURSDAY": [{"opens": "08:00", "closes": "12:30"}, {"opens": "13:30", "closes": "18:00"}],
       "FRIDAY": [{"opens": "08:00", "closes": "12:30"}, {"opens": "13:30", "closes": "17:00"}],
       "SATURDAY": [{"opens": "09:00", "closes": "13:00"}], "SUNDAY": []}',
     '{2026-12-25,2026-12-26,2027-01-01}', '2026-01-01T00:00:00Z')
on conflict do nothing;

insert into chat_response_targets (garage_id, urgent_first_minutes, urgent_next_minutes, high_first_minutes,
                                   high_next_minutes, normal_first_minutes, normal_next_minutes, warn_before_percent,
                                   version, created_at, updated_at) values
    ('6a0f4c52-1d2e-4c1b-9a10-00000000e001', 15, 30, 60, 120, 240, 480, 20, 1, now(), now())
on conflict do nothing;

-- Partners (docs/partners.md): the partner stub's roadside partner and NHTSA recalls.
insert into garage_partner (garage_id, partner, kind, display_name, terms, data_shared) values
    ('6a0f4c52-1d2e-4c1b-9a10-00000000e001', 'roadside-demo', 'ROADSIDE', 'Demo Roadside',
     'Tows, jump starts, flat tyres, lockouts and fuel, usually within 60 minutes; the garage pays for tows to it.',
     '{location,vehicle,callback phone}'),
    ('6a0f4c52-1d2e-4c1b-9a10-00000000e001', 'nhtsa', 'RECALLS', 'NHTSA safety recalls',
     'Public recall campaigns looked up by make, model and model year; nothing personal is sent.',
     '{make,model,model year}')
on conflict do nothing;
