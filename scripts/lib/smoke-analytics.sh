# shellcheck shell=bash
# The analytics walk of the smoke test (docs/analytics.md, docs/experiments.md), sourced by scripts/smoke-test.sh,
# whose pass/fail/check, call_json and json_get it uses, after the bay walk priced a line on Carl's job 1004 (the
# server's estimate.published fact). Carl's app sends a batch of events and sends it again (it counts once), the
# approval funnel shows his view of the estimate, he answers the NPS survey after his closed job 1005 and a second
# is refused, an experiment gives him the same variant from a second customer-bff pod, and a test run that dropped
# half of one variant's exposures raises the sample ratio alarm. A later run finds the survey answered and the
# experiment started, and checks the rest again.

ANALYTICS_BAY_JOB="5b000000-0000-4000-8000-000000000004"
ANALYTICS_CLOSED_JOB="5b000000-0000-4000-8000-000000000005"
ANALYTICS_EXPERIMENT="smoke-welcome-card"
SECOND_CUSTOMER_POD_PORT=${SECOND_CUSTOMER_POD_PORT:-8092}
APP_BUILD=("X-App-Platform: ios" "X-App-Version: 2.4.0")

check_analytics() {
  local carl=$1 admin=$2
  if ! have jq; then
    fail "analytics walk" "jq is needed"
    return 0
  fi
  analytics_events "$carl"
  analytics_funnel "$admin"
  analytics_survey "$carl"
  analytics_experiment "$carl" "$admin"
}

new_uuid() { cat /proc/sys/kernel/random/uuid; }

# A session's first events, the estimate opened among them; the same batch again, as an app resends after a timeout.
analytics_events() {
  local carl=$1 session now batch
  session=$(new_uuid)
  now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  batch=$(jq -nc --arg session "$session" --arg job "$ANALYTICS_BAY_JOB" --arg now "$now" \
    --arg a "$(new_uuid)" --arg b "$(new_uuid)" --arg c "$(new_uuid)" '{events: [
      {id: $a, name: "session.started", clientTime: $now, offline: false, properties: {sessionId: $session}},
      {id: $b, name: "screen.viewed", clientTime: $now, offline: false, properties: {screen: "repair", sessionId: $session}},
      {id: $c, name: "estimate.viewed", clientTime: $now, offline: true, properties: {jobId: $job}}]}')
  call_json POST "$CUSTOMER_BFF_URL/api/v1/analytics/events" "$carl" "$batch" "${APP_BUILD[@]}"
  check "carl.customer's app sends three events, the estimate of job 1004 viewed among them -> 3 accepted (got $RESPONSE_STATUS, $(json_get .accepted <<<"$RESPONSE_BODY"))" \
    [ "$RESPONSE_STATUS" == 200 -a "$(json_get .accepted <<<"$RESPONSE_BODY")" == 3 ]
  call_json POST "$CUSTOMER_BFF_URL/api/v1/analytics/events" "$carl" "$batch" "${APP_BUILD[@]}"
  check "the same batch sent again counts once: 0 accepted, 3 duplicates (got $(json_get .accepted <<<"$RESPONSE_BODY"), $(json_get .duplicates <<<"$RESPONSE_BODY"))" \
    [ "$RESPONSE_STATUS" == 200 -a "$(json_get .accepted <<<"$RESPONSE_BODY")" == 0 \
      -a "$(json_get .duplicates <<<"$RESPONSE_BODY")" == 3 ]
}

# The server's facts are read from the job events once settled (5 s), so the view may need a few seconds to join.
analytics_funnel() {
  local admin=$1 i viewed=0 conversion=""
  for i in $(seq 1 20); do
    call_json GET "$TECH_BFF_URL/api/v1/admin/analytics/funnels?name=estimate-approval" "$admin" ""
    viewed=$(jq '[.rows[]? | select(.name == "estimate.viewed") | .journeys] | add // 0' <<<"$RESPONSE_BODY" 2>/dev/null || echo 0)
    ((viewed > 0)) && break
    sleep 2
  done
  conversion=$(jq -r '[.rows[]? | select(.name == "estimate.viewed")][0].conversion' <<<"$RESPONSE_BODY" 2>/dev/null)
  check "ada.admin's approval funnel shows estimates published and viewed ($viewed viewed, conversion $conversion)" \
    [ "$RESPONSE_STATUS" == 200 -a "$viewed" -gt 0 ]
}

# One NPS in 90 days: the first answer after the closed job is stored, a second is refused and stores nothing.
analytics_survey() {
  local carl=$1 answer
  answer="{\"kind\": \"NPS\", \"score\": 9, \"comment\": \"Quick and friendly\", \"jobId\": \"$ANALYTICS_CLOSED_JOB\"}"
  call_json GET "$CUSTOMER_BFF_URL/api/v1/app-config" "$carl" "" "${APP_BUILD[@]}"
  if [[ $(jq -r '.surveys.nps' <<<"$RESPONSE_BODY" 2>/dev/null) == true ]]; then
    call_json POST "$CUSTOMER_BFF_URL/api/v1/surveys/answers" "$carl" "$answer" "${APP_BUILD[@]}"
    check "carl.customer answers the NPS survey after his closed job 1005 -> 201 (got $RESPONSE_STATUS)" \
      [ "$RESPONSE_STATUS" == 201 ]
  else
    pass "carl.customer answered the NPS survey in an earlier run: his app configuration says none is due"
  fi
  call_json POST "$CUSTOMER_BFF_URL/api/v1/surveys/answers" "$carl" "$answer" "${APP_BUILD[@]}"
  check "a second NPS within 90 days is refused -> 409 survey-not-due (got $RESPONSE_STATUS $(json_get .type <<<"$RESPONSE_BODY"))" \
    [ "$RESPONSE_STATUS" == 409 -a "$(json_get .type <<<"$RESPONSE_BODY")" == urn:garage:problem:survey-not-due ]
}

analytics_experiment() {
  local carl=$1 admin=$2 id draft first second
  draft=$(jq -nc --arg key "$ANALYTICS_EXPERIMENT" '{key: $key, kind: "EXPERIMENT", unit: "USER",
    variants: [{name: "control", weight: 50}, {name: "photo", weight: 50}], targeting: {apps: ["customer"]},
    exposurePercent: 100, goalEvent: "estimate.approved"}')
  call_json POST "$TECH_BFF_URL/api/v1/admin/experiments" "$admin" "$draft"
  if [[ $RESPONSE_STATUS == 201 ]]; then
    pass "ada.admin starts the experiment $ANALYTICS_EXPERIMENT for the customer app, 50/50 -> 201"
  else
    check "the experiment $ANALYTICS_EXPERIMENT was started by an earlier run (got $RESPONSE_STATUS, field $(json_get '.errors[0].field' <<<"$RESPONSE_BODY"))" \
      [ "$RESPONSE_STATUS" == 400 -a "$(json_get '.errors[0].field' <<<"$RESPONSE_BODY")" == key ]
  fi
  call_json GET "$TECH_BFF_URL/api/v1/admin/experiments" "$admin" ""
  id=$(jq -r --arg key "$ANALYTICS_EXPERIMENT" 'first(.[] | select(.key == $key)) | .id' <<<"$RESPONSE_BODY" 2>/dev/null)
  if [[ -z $id || $id == null ]]; then
    fail "the experiment $ANALYTICS_EXPERIMENT is listed for ada.admin" "$(short_body)"
    return 0
  fi

  call_json GET "$CUSTOMER_BFF_URL/api/v1/app-config" "$carl" "" "${APP_BUILD[@]}"
  first=$(jq -r --arg key "$ANALYTICS_EXPERIMENT" '.experiments[$key] // empty' <<<"$RESPONSE_BODY" 2>/dev/null)
  check "carl.customer's app is assigned a variant of $ANALYTICS_EXPERIMENT (${first:-none})" [ -n "$first" ]
  second=$(variant_on_second_pod "$carl")
  if [[ $second == not-started ]]; then
    pass "no customer-bff jar to start a second pod from (the stack was not started by this script): that check is left out"
  else
    check "a second customer-bff pod assigns carl.customer the same variant (${second:-none})" \
      [ -n "$second" -a "$second" == "$first" ]
  fi

  # A test run whose client dropped half the exposures of one variant: 600 against 400 for a 50/50 split.
  psql_garage >/dev/null <<SQL
insert into experiment_exposure (experiment_id, unit_key, variant, user_key, garage_id, exposed_at)
select e.id, 'smoke-unit-' || n, case when n <= 600 then 'control' else 'photo' end, 'smoke-unit-' || n, e.garage_id, now()
from experiment e, generate_series(1, 1000) n where e.id = '$id' on conflict do nothing;
SQL
  call_json GET "$TECH_BFF_URL/api/v1/admin/experiments/$id/results" "$admin" ""
  check "a skewed test run raises the sample ratio alarm (p = $(json_get .srmPValue <<<"$RESPONSE_BODY"))" \
    [ "$RESPONSE_STATUS" == 200 -a "$(json_get .srmAlarm <<<"$RESPONSE_BODY")" == true ]
  call_json GET "$TECH_BFF_URL/api/v1/admin/experiments" "$admin" ""
  check "ada.admin sees the experiment flagged (srmAlarmAt $(jq -r --arg key "$ANALYTICS_EXPERIMENT" 'first(.[] | select(.key == $key)) | .srmAlarmAt' <<<"$RESPONSE_BODY" 2>/dev/null))" \
    [ "$(jq -r --arg key "$ANALYTICS_EXPERIMENT" 'first(.[] | select(.key == $key)) | .srmAlarmAt // empty' <<<"$RESPONSE_BODY" 2>/dev/null)" != "" ]
}

# Starts a second customer-bff on the same database and Redis, asks it for Carl's variant, and stops it.
variant_on_second_pod() {
  local carl=$1 jar="$GARAGE_ROOT/customer-bff/target/quarkus-app/quarkus-run.jar" pid i variant=""
  local url="http://127.0.0.1:$SECOND_CUSTOMER_POD_PORT"
  if [[ ! -f $jar ]]; then
    echo not-started
    return 0
  fi
  select_jdk
  (cd "$GARAGE_ROOT/customer-bff" && exec setsid "$JAVA_HOME/bin/java" -Dquarkus.profile=local \
    -Dquarkus.http.port="$SECOND_CUSTOMER_POD_PORT" -jar "$jar" >"$GARAGE_ROOT/.local/logs/customer-bff-pod-2.log" 2>&1 \
    </dev/null 9>&-) &
  pid=$!
  for i in $(seq 1 90); do
    curl -sf -o /dev/null --max-time 2 "$url/q/health/ready" && break
    sleep 1
  done
  call_json GET "$url/api/v1/app-config" "$carl" "" "${APP_BUILD[@]}"
  variant=$(jq -r --arg key "$ANALYTICS_EXPERIMENT" '.experiments[$key] // empty' <<<"$RESPONSE_BODY" 2>/dev/null)
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  echo "$variant"
}
