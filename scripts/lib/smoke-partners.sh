# shellcheck shell=bash
# The partner walk of the smoke test (docs/partners.md), sourced by scripts/smoke-test.sh, whose pass/fail/check,
# call_json and json_get it uses, with the local stack's partner stub (WireMock walking a request with signed
# webhooks): cora.customer consents to the roadside partner and asks for a tow of her Accord to the garage; she
# watches it accepted, en route, towing and completed with its ETA on her live channel; alice.advisor sees the tow
# and the job card it opened; the Accord shows its recorded NHTSA recall and cora books it. Then the partner stub
# is stopped: her vehicle's screen still answers, a new request is queued and says so, and it goes through once
# the stub is started again.

PARTNER_ACCORD="5e000000-0000-4000-8000-000000000003"
PARTNER_ACCORD_RECALL="15V320000"

# roadside_status ID TOKEN: the request's status.
roadside_status() {
  call_json GET "$CUSTOMER_BFF_URL/api/v1/roadside-requests/$1" "$2" ""
  json_get .status <<<"$RESPONSE_BODY"
}

# roadside_ask TOKEN SERVICE TOW: asks for help with the Accord on the A56; sets ROADSIDE_REQUEST.
roadside_ask() {
  local body="{\"vehicleId\": \"$PARTNER_ACCORD\", \"service\": \"$2\", \"latitude\": 53.4808, \"longitude\": -2.2426,"
  body+=" \"address\": \"A56 lay-by, Manchester\", \"callbackPhone\": \"+44 7700 900002\", \"towToGarage\": $3}"
  call_json POST "$CUSTOMER_BFF_URL/api/v1/roadside-requests" "$1" "$body"
  ROADSIDE_REQUEST=$(json_get .id <<<"$RESPONSE_BODY")
}

check_roadside() {
  local cora=$1 alice=$2 heard listener status i job
  if ! have jq || ! have python3; then
    fail "partner walk" "jq and python3 are needed"
    return 0
  fi
  call_json PUT "$CUSTOMER_BFF_URL/api/v1/partner-consents" "$cora" '{"partner": "roadside-demo", "granted": true}'
  check "cora.customer consents to share location and vehicle with Demo Roadside -> 200 (got $RESPONSE_STATUS)" \
    [ "$RESPONSE_STATUS" == 200 ]

  heard=$(mktemp)
  python3 "$GARAGE_ROOT/scripts/lib/live-listen.py" "$CUSTOMER_BFF_URL" "$cora" 60 "$heard" &
  listener=$!
  sleep 1
  roadside_ask "$cora" TOW true
  check "cora.customer asks for a tow of her Accord to the garage -> 200, queued until the partner confirms" \
    [ "$RESPONSE_STATUS" == 200 -a "$(json_get .delayed <<<"$RESPONSE_BODY")" == true ]
  for i in $(seq 1 40); do
    status=$(roadside_status "$ROADSIDE_REQUEST" "$cora")
    [[ $status == COMPLETED ]] && break
    sleep 0.5
  done
  check "the partner's signed webhooks walk the tow to COMPLETED (got $status)" [ "$status" == COMPLETED ]
  sleep 1
  kill "$listener" 2>/dev/null || true
  wait "$listener" 2>/dev/null || true
  local statuses etas
  statuses=$(jq -r --arg id "$ROADSIDE_REQUEST" 'select(.type == "event" and .topic == "roadside" and .requestId == $id)
    | .status' "$heard" 2>/dev/null | tr '\n' ' ')
  etas=$(jq -r --arg id "$ROADSIDE_REQUEST" 'select(.type == "event" and .requestId == $id and .etaAt != null) | .etaAt' \
    "$heard" 2>/dev/null | sort -u | wc -l)
  rm -f "$heard"
  check "cora.customer's app heard it live, with its ETA: $statuses" \
    grep -q "ACCEPTED EN_ROUTE ON_SITE TOWING COMPLETED" <<<"$statuses"
  check "the live updates carried an ETA ($etas distinct)" [ "$etas" -ge 1 ]

  call_json GET "$TECH_BFF_URL/api/v1/roadside/inbound-tows" "$alice" ""
  job=$(jq -r --arg id "$ROADSIDE_REQUEST" '.[] | select(.requestId == $id) | .jobId // empty' <<<"$RESPONSE_BODY")
  check "alice.advisor sees the inbound tow with the job card it opened" [ -n "$job" ]
  if [[ -n $job ]]; then
    expect_status "alice.advisor opens the tow's job card" "$TECH_BFF_URL/api/v1/jobs/$job" "$alice" 200
  fi

  call_json GET "$CUSTOMER_BFF_URL/api/v1/vehicles/$PARTNER_ACCORD/programmes" "$cora" ""
  check "the Accord shows its open air bag recall from the recorded NHTSA data" \
    [ "$(jq -r '.recalls[].campaignNumber' <<<"$RESPONSE_BODY" 2>/dev/null)" == "$PARTNER_ACCORD_RECALL" ]
  call_json POST "$CUSTOMER_BFF_URL/api/v1/vehicles/$PARTNER_ACCORD/recall-appointments" "$cora" \
    "{\"campaign\": \"$PARTNER_ACCORD_RECALL\"}"
  check "cora.customer books the recall in one tap -> an appointment (got $RESPONSE_STATUS)" \
    [ -n "$(json_get .appointmentId <<<"$RESPONSE_BODY")" ]

  roadside_partner_down "$cora"
}

# With the partner stub stopped, screens answer and a request waits; started again, the request goes.
roadside_partner_down() {
  local cora=$1 pid status i
  pid=$(cat "$GARAGE_ROOT/.local/run/partner-stub.pid" 2>/dev/null || true)
  if [[ -z $pid ]]; then
    pass "the partner stub is not this script's to stop: the partner-down walk is left out"
    return 0
  fi
  kill "$pid" 2>/dev/null || true
  for i in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  call_json GET "$CUSTOMER_BFF_URL/api/v1/vehicles/$PARTNER_ACCORD/programmes" "$cora" ""
  check "with the partner down the Accord's recalls still answer -> 200 (got $RESPONSE_STATUS)" [ "$RESPONSE_STATUS" == 200 ]
  roadside_ask "$cora" JUMP_START false
  check "with the partner down a jump start is accepted and queued, saying so" \
    [ "$RESPONSE_STATUS" == 200 -a "$(json_get .delayed <<<"$RESPONSE_BODY")" == true ]
  sleep 3
  check "it waits while the partner is down (status $(roadside_status "$ROADSIDE_REQUEST" "$cora"))" \
    [ "$(roadside_status "$ROADSIDE_REQUEST" "$cora")" == REQUESTED ]

  "$GARAGE_ROOT/scripts/local-stack.sh" up --detach >/dev/null 2>&1 || true
  for i in $(seq 1 90); do
    status=$(roadside_status "$ROADSIDE_REQUEST" "$cora")
    [[ $status != REQUESTED ]] && break
    sleep 2
  done
  check "the partner back, the queued request goes through (now $status)" [ "$status" != REQUESTED ]
}
