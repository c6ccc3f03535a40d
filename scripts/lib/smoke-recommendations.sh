# shellcheck shell=bash
# The recommendations walk of the smoke test (docs/recommendations.md), sourced by scripts/smoke-test.sh, whose
# pass/fail/check, call_json and json_get it uses. Carl's demo Golf had its oil changed 350 days ago at 70,500 km and
# the rear discs declined (local/demo-data.sql): his app sends the odometer, the oil service is due with its reasons
# and he books it in one tap; the declined discs are followed up. tom.tech reports P0301 at the check-in of job 1001
# (the Golf) and the job card suggests checks with their reasons. A later run finds the oil service booked.

DEMO_GOLF="5e000000-0000-4000-8000-000000000001"
DEMO_GOLF_JOB="5b000000-0000-4000-8000-000000000001"

check_recommendations() {
  local carl=$1 tom=$2 km oil id status appointment
  if ! have jq; then
    fail "recommendations walk" "jq is needed"
    return 0
  fi
  call_json GET "$CUSTOMER_BFF_URL/api/v1/vehicles/$DEMO_GOLF/telemetry" "$carl" ""
  km=$(jq '[.readings[].km] | max // 84210' <<<"$RESPONSE_BODY" 2>/dev/null || echo 84210)
  km=$((km + 120))
  call_json POST "$CUSTOMER_BFF_URL/api/v1/vehicles/$DEMO_GOLF/telemetry" "$carl" "{\"odometerKm\": $km}"
  check "carl.customer's app sends the Golf's odometer, $km km -> 200 (got $RESPONSE_STATUS)" [ "$RESPONSE_STATUS" == 200 ]

  call_json GET "$CUSTOMER_BFF_URL/api/v1/vehicles/$DEMO_GOLF/recommendations" "$carl" ""
  if [[ $RESPONSE_STATUS != 200 ]]; then
    fail "customer-bff GET the Golf's recommendations as carl.customer" "expected HTTP 200, got $RESPONSE_STATUS $(short_body)"
    return 0
  fi
  oil=$(jq -c 'first(.[] | select(.kind == "SERVICE_DUE" and (.title | startswith("Oil"))))' <<<"$RESPONSE_BODY")
  check "the Golf's oil service is due, with why: $(jq -r '.reasons[0]' <<<"$oil" 2>/dev/null)" \
    [ "$(jq '.reasons | length' <<<"$oil" 2>/dev/null || echo 0)" -ge 2 -a "$(jq '.evidence.lastDoneKm' <<<"$oil" 2>/dev/null)" == 70500 ]
  check "the Golf's declined rear discs are followed up" \
    [ "$(jq '[.[] | select(.kind == "DECLINED_FOLLOW_UP" and .title == "Rear brake discs and pads")] | length' \
      <<<"$RESPONSE_BODY")" == 1 ]
  id=$(jq -r '.id // empty' <<<"$oil")
  status=$(jq -r '.status // empty' <<<"$oil")
  if [[ -n $id && $status != BOOKED ]]; then
    call_json POST "$CUSTOMER_BFF_URL/api/v1/recommendations/$id/outcome" "$carl" '{"action": "BOOK"}'
    check "carl.customer books the oil service in one tap -> 200 BOOKED (got $RESPONSE_STATUS)" \
      [ "$RESPONSE_STATUS" == 200 -a "$(json_get .status <<<"$RESPONSE_BODY")" == BOOKED ]
  else
    pass "the oil service was booked by an earlier run"
    RESPONSE_BODY=$oil
  fi
  appointment=$(json_get .appointmentId <<<"$RESPONSE_BODY")
  call_json GET "$CUSTOMER_BFF_URL/api/v1/appointments/$appointment" "$carl" ""
  check "it is one of carl.customer's appointments, asked for ($(json_get .status <<<"$RESPONSE_BODY"))" \
    [ "$RESPONSE_STATUS" == 200 -a "$(json_get .status <<<"$RESPONSE_BODY")" == REQUESTED ]

  call_json POST "$TECH_BFF_URL/api/v1/vehicles/$DEMO_GOLF/telemetry" "$tom" \
    "{\"codes\": [\"P0301\"], \"jobId\": \"$DEMO_GOLF_JOB\"}"
  check "tom.tech reports P0301 at the check-in of job 1001 -> 200 (got $RESPONSE_STATUS)" [ "$RESPONSE_STATUS" == 200 ]
  call_json GET "$TECH_BFF_URL/api/v1/jobs/$DEMO_GOLF_JOB/suggestions" "$tom" ""
  check "job 1001 suggests checking the spark plugs, because: $(jq -r 'first(.suggestions[] | select(.work == "check spark plugs")) | .reasons[0]' <<<"$RESPONSE_BODY" 2>/dev/null)" \
    [ "$(jq -r 'first(.suggestions[] | select(.work == "check spark plugs")) | .reasons[0]' <<<"$RESPONSE_BODY" 2>/dev/null)" \
      == "Code P0301 means engine misfire." ]
}
