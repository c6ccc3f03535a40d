#!/usr/bin/env bash
# End-to-end smoke test against the real local stack: starts it the documented way
# (scripts/local-stack.sh up --detach), gets real Keycloak tokens by direct grant and
# calls both BFFs. Stops the stack again at the end (also on failure) unless it was
# already running before the test. Exit status 0 only when every check passed.
#
#   scripts/smoke-test.sh [--skip-build]   --skip-build: the stack runs the BFF jars already built
set -euo pipefail

LOG_PREFIX="smoke-test"
# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=scripts/lib/services.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/services.sh"
# shellcheck source=scripts/lib/smoke-browser.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/smoke-browser.sh"
# shellcheck source=scripts/lib/smoke-bay.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/smoke-bay.sh"
# shellcheck source=scripts/lib/smoke-partners.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/smoke-partners.sh"
# shellcheck source=scripts/lib/smoke-analytics.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/smoke-analytics.sh"
# shellcheck source=scripts/lib/smoke-recommendations.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/smoke-recommendations.sh"

STACK="$GARAGE_ROOT/scripts/local-stack.sh"
PASSED=0
FAILED=0
FAILURES=()
STOP_STACK=0
STACK_ARGS=(up --detach)

pass() {
  PASSED=$((PASSED + 1))
  printf 'PASS  %s\n' "$1"
}

fail() {
  FAILED=$((FAILED + 1))
  FAILURES+=("$1${2:+: $2}")
  printf 'FAIL  %s%s\n' "$1" "${2:+: $2}"
}

# check DESCRIPTION COMMAND...: records a pass when the command succeeds.
check() {
  local description=$1
  shift
  if "$@"; then pass "$description"; else fail "$description"; fi
}

finish() {
  local status=$?
  if ((STOP_STACK)); then
    log "stopping the stack (scripts/local-stack.sh down)"
    "$STACK" down || warn "scripts/local-stack.sh down failed"
  fi
  if ((status != 0 && FAILED == 0)); then
    printf '\nSMOKE TEST ERROR: aborted (exit %s) before all checks ran; see above.\n' "$status" >&2
  fi
  exit "$status"
}

start_stack() {
  if "$STACK" status >/dev/null 2>&1; then
    log "the local stack already runs; it will be left running"
  else
    STOP_STACK=1
  fi
  log "starting the stack: scripts/local-stack.sh ${STACK_ARGS[*]}"
  "$STACK" "${STACK_ARGS[@]}" || die "scripts/local-stack.sh ${STACK_ARGS[*]} failed"
}

# ---------------------------------------------------------------- token checks

demo_user_sub() {
  local entry username role client sub
  for entry in "${DEMO_USERS[@]}"; do
    read -r username role client sub <<<"$entry"
    [[ $username == "$1" ]] && printf '%s\n' "$sub" && return 0
  done
  return 1
}

# check_token_claims LABEL TOKEN USERNAME ROLE AUDIENCE
check_token_claims() {
  local label=$1 token=$2 username=$3 role=$4 audience=$5 payload value
  payload=$(jwt_payload "$token") || {
    fail "$label: decode token"
    return 0
  }
  value=$(json_get .sub <<<"$payload")
  check "$label: sub is $(demo_user_sub "$username")" [ "$value" == "$(demo_user_sub "$username")" ]
  value=$(json_get .iss <<<"$payload")
  check "$label: iss is $ISSUER" [ "$value" == "$ISSUER" ]
  value=$(json_get .aud <<<"$payload")
  if [[ $value == "$audience" || $value == *"\"$audience\""* ]]; then
    pass "$label: aud contains $audience"
  else
    fail "$label: aud contains $audience" "aud is $value"
  fi
  value=$(json_get .realm_access.roles <<<"$payload")
  if [[ $value == *"\"$role\""* ]]; then
    pass "$label: realm_access.roles contains $role"
  else
    fail "$label: realm_access.roles contains $role" "roles are $value"
  fi
  value=$(json_get .garage <<<"$payload")
  check "$label: garage claim is $DEMO_GARAGE_ID" [ "$value" == "$DEMO_GARAGE_ID" ]
  value=$(json_get .acr <<<"$payload")
  check "$label: acr claim present" [ -n "$value" ]
}

# ---------------------------------------------------------------- HTTP checks

RESPONSE_STATUS=""
RESPONSE_BODY=""

# GET URL with a bearer token; sets RESPONSE_STATUS and RESPONSE_BODY.
get_json() {
  local url=$1 token=$2 out
  local -a auth=()
  [[ -n $token ]] && auth=(-H "Authorization: Bearer $token")
  out=$(curl -s --max-time 20 "${auth[@]}" -H 'Accept: application/json' \
    -w '\n%{http_code}' "$url" 2>/dev/null) || out=$'\n000'
  RESPONSE_STATUS=${out##*$'\n'}
  RESPONSE_BODY=${out%$'\n'*}
}

short_body() { printf '%s' "${RESPONSE_BODY:0:300}"; }

# expect_status LABEL URL TOKEN STATUS...: passes when the answer is one of the STATUSes.
expect_status() {
  local label=$1 url=$2 token=$3
  shift 3
  get_json "$url" "$token"
  local expected
  for expected in "$@"; do
    if [[ $RESPONSE_STATUS == "$expected" ]]; then
      pass "$label -> $RESPONSE_STATUS"
      return 0
    fi
  done
  fail "$label" "expected HTTP $*, got $RESPONSE_STATUS $(short_body)"
}

# expect_me LABEL URL TOKEN ROLE: 200 and the role appears in the body.
expect_me() {
  local label=$1 url=$2 token=$3 role=$4
  get_json "$url" "$token"
  if [[ $RESPONSE_STATUS != 200 ]]; then
    fail "$label" "expected HTTP 200, got $RESPONSE_STATUS $(short_body)"
  elif ! json_has_string "$role" <<<"$RESPONSE_BODY"; then
    fail "$label" "role '$role' not in the body: $(short_body)"
  else
    pass "$label -> 200 with role $role"
  fi
}

# expect_items LABEL URL TOKEN: 200 and a JSON body with an "items" array.
expect_items() {
  local label=$1 url=$2 token=$3 type
  get_json "$url" "$token"
  if [[ $RESPONSE_STATUS != 200 ]]; then
    fail "$label" "expected HTTP 200, got $RESPONSE_STATUS $(short_body)"
    return 0
  fi
  type=$(json_type .items <<<"$RESPONSE_BODY")
  if [[ $type == array ]]; then
    pass "$label -> 200 with an items array"
  else
    fail "$label" "expected an 'items' array, found $type: $(short_body)"
  fi
}

# POST JSON with a bearer token; sets RESPONSE_STATUS and RESPONSE_BODY.
post_json() {
  local url=$1 token=$2 body=$3 out
  out=$(curl -s --max-time 20 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -H 'X-Device-Id: smoke-test' -d "$body" -w '\n%{http_code}' "$url" 2>/dev/null) || out=$'\n000'
  RESPONSE_STATUS=${out##*$'\n'}
  RESPONSE_BODY=${out%$'\n'*}
}

# The demo job awaiting cora's approval, and its line still pending on a fresh stack (local/demo-data.sql).
APPROVAL_JOB="5b000000-0000-4000-8000-000000000002"
APPROVAL_LINE="5d000000-0000-4000-8000-000000001202"

# Approves the pending demo line: refused (401 step-up) with a password-only token, accepted with a
# token signed in with the second factor; then the approval record's PDF. A second run of the smoke
# test on the same database finds the line already approved (409 invalid-transition) and says so.
check_step_up_approval() {
  local weak=$1 strong=$2 estimate revision hash body approval payload
  get_json "$CUSTOMER_BFF_URL/api/v1/jobs/$APPROVAL_JOB/estimate" "$weak"
  if [[ $RESPONSE_STATUS != 200 ]]; then
    fail "customer-bff GET estimate as cora.customer" "expected HTTP 200, got $RESPONSE_STATUS $(short_body)"
    return 0
  fi
  pass "customer-bff GET estimate as cora.customer -> 200"
  estimate=$RESPONSE_BODY
  revision=$(json_get .revision <<<"$estimate")
  hash=$(json_get .contentHash <<<"$estimate")
  body="{\"revision\": $revision, \"contentHash\": \"$hash\", \"decisions\": [{\"lineId\": \"$APPROVAL_LINE\","
  body+=" \"decision\": \"APPROVED\"}], \"signature\": {\"typedName\": \"Cora Li\"}, \"consent\":"
  body+=" {\"text\": \"I approve the work marked approved at the prices shown.\", \"version\": \"smoke-1\"}}"
  post_json "$CUSTOMER_BFF_URL/api/v1/jobs/$APPROVAL_JOB/estimate/approvals" "$weak" "$body"
  check "approve with a password-only token -> 401 step-up (got $RESPONSE_STATUS)" [ "$RESPONSE_STATUS" == 401 ]
  payload=$(jwt_payload "$strong")
  check "second-factor token: acr is urn:garage:acr:strong" \
    [ "$(json_get .acr <<<"$payload")" == "urn:garage:acr:strong" ]
  check "second-factor token: auth_time present" [ -n "$(json_get .auth_time <<<"$payload")" ]
  post_json "$CUSTOMER_BFF_URL/api/v1/jobs/$APPROVAL_JOB/estimate/approvals" "$strong" "$body"
  if [[ $RESPONSE_STATUS == 201 ]]; then
    pass "approve the ignition coil line with the second-factor token -> 201"
    approval=$(json_get .approval.id <<<"$RESPONSE_BODY")
    if curl -s --max-time 20 -H "Authorization: Bearer $strong" \
      "$CUSTOMER_BFF_URL/api/v1/estimate-approvals/$approval/pdf" | head -c 5 | grep -q '%PDF-'; then
      pass "download the approval record as PDF"
    else
      fail "download the approval record as PDF"
    fi
  elif [[ $RESPONSE_STATUS == 409 && $RESPONSE_BODY == *invalid-transition* ]]; then
    pass "approve with the second-factor token -> 409: the line was approved by an earlier run"
  else
    fail "approve with the second-factor token" "expected HTTP 201, got $RESPONSE_STATUS $(short_body)"
  fi
}

# call_json METHOD URL TOKEN BODY [HEADER...]: any request with a JSON body (empty: none), as the
# Android technician app of RELEASE_VERSION unless headers say otherwise; sets RESPONSE_STATUS and RESPONSE_BODY.
call_json() {
  local method=$1 url=$2 token=$3 body=$4 out
  shift 4
  local -a extra=()
  local header
  for header in "$@"; do extra+=(-H "$header"); done
  [[ -n $body ]] && extra+=(-H 'Content-Type: application/json' -d "$body")
  out=$(curl -s --max-time 20 -X "$method" -H "Authorization: Bearer $token" -H 'Accept: application/json' \
    -H 'X-Device-Id: smoke-test' "${extra[@]}" -w '\n%{http_code}' "$url" 2>/dev/null) || out=$'\n000'
  RESPONSE_STATUS=${out##*$'\n'}
  RESPONSE_BODY=${out%$'\n'*}
}

# The release walk of docs/releases.md, as an admin would do it on the demo stack: a new technician
# app release in three rings (internal and beta at 100 %, production held at 0 %); tina.tech joins the
# beta and is offered it, tom.tech (production) is not; her sessions and one crash on it raise a crash
# issue, and the automatic halt (every 30 s on the local stack) stops the beta rollout, saying why; a
# kill switch turns chat off for that version only; an iOS build below a new minimum is told to upgrade
# (refused only after the grace period), then the minimum goes back. Each run registers its own version.
check_releases() {
  local admin=$1 tina=$2 tom=$3 run version release body i session crashed="" halted="" reason
  if ! have jq; then
    fail "release walk" "jq is needed to read the admin lists"
    return 0
  fi
  run=$(date -u +%y%m%d%H%M%S)
  version="9.${run:0:6}.${run:6:6}"
  local releases="$TECH_BFF_URL/api/v1/admin/releases" android=("X-App-Platform: android" "X-App-Version: $version")
  body="{\"app\": \"STAFF\", \"platform\": \"ANDROID\", \"version\": \"$version\", \"build\": \"$run\","
  body+=" \"storeStatus\": \"AVAILABLE\", \"notes\": \"Smoke test release\", \"crashFreeBp\": 9950, \"minSessions\": 10}"
  call_json POST "$releases" "$admin" "$body"
  if [[ $RESPONSE_STATUS != 201 ]]; then
    fail "ada.admin registers release $version (step-up token)" "expected HTTP 201, got $RESPONSE_STATUS $(short_body)"
    return 0
  fi
  pass "ada.admin registers technician app $version for Android -> 201"
  release=$(json_get .id <<<"$RESPONSE_BODY")
  for body in '{"ring": "INTERNAL", "percentBp": 10000}' '{"ring": "BETA", "percentBp": 10000}' \
    '{"ring": "PRODUCTION", "percentBp": 0}'; do
    call_json POST "$releases/$release/rollouts" "$admin" "$body"
    check "roll out $body -> 200 (got $RESPONSE_STATUS)" [ "$RESPONSE_STATUS" == 200 ]
  done

  call_json PUT "$TECH_BFF_URL/api/v1/releases/beta" "$tina" '{"joined": true}' "${android[@]}"
  check "tina.tech joins the beta -> 200 (got $RESPONSE_STATUS)" [ "$RESPONSE_STATUS" == 200 ]
  call_json GET "$TECH_BFF_URL/api/v1/app-config" "$tina" "" "X-App-Platform: android" "X-App-Version: 9.0.0"
  check "tina.tech (beta) on 9.0.0 is offered $version" \
    [ "$(jq -r '"\(.update.available) \(.update.version) \(.ring)"' <<<"$RESPONSE_BODY")" == "true $version BETA" ]
  call_json GET "$TECH_BFF_URL/api/v1/app-config" "$tom" "" "X-App-Platform: android" "X-App-Version: 9.0.0"
  check "tom.tech (production, 0 %) is not offered it" \
    [ "$(jq -r '"\(.update.available) \(.update.version)"' <<<"$RESPONSE_BODY")" != "true $version" ]

  for i in $(seq 1 10); do
    session=$(cat /proc/sys/kernel/random/uuid)
    call_json POST "$TECH_BFF_URL/api/v1/releases/sessions" "$tina" "{\"sessionId\": \"$session\", \"event\": \"START\"}" \
      "${android[@]}"
    [[ $RESPONSE_STATUS == 20? ]] || { fail "tina.tech starts session $i on $version" "got $RESPONSE_STATUS $(short_body)"; return 0; }
  done
  body="{\"sessionId\": \"$session\", \"build\": \"$run\", \"deviceModel\": \"Pixel 8\", \"osVersion\": \"15\","
  body+=" \"exceptionType\": \"java.lang.IllegalStateException\", \"stack\": \"java.lang.IllegalStateException: smoke\\n"
  body+="\\tat com.garage.app.SmokeRelease.crash$(tr 0-9 a-j <<<"$run")(SmokeRelease.java:12)\\n\\tat com.garage.app.Main.run(Main.java:3)\","
  body+=" \"breadcrumbs\": [{\"at\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\", \"category\": \"navigation\", \"label\": \"jobs/board\"}],"
  body+=" \"occurredAt\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\"}"
  call_json POST "$TECH_BFF_URL/api/v1/releases/crash-reports" "$tina" "$body" "${android[@]}"
  check "tina.tech's app reports a crash -> 201 (got $RESPONSE_STATUS)" [ "$RESPONSE_STATUS" == 201 ]
  check "the crash opens a new issue" [ "$(json_get .newIssue <<<"$RESPONSE_BODY")" == true ]

  for i in $(seq 1 30); do
    call_json GET "$releases?limit=20" "$admin" ""
    halted=$(jq -r --arg id "$release" '.items[] | select(.id == $id) | .rollouts[] | select(.ring == "BETA") | .halted' \
      <<<"$RESPONSE_BODY")
    [[ $halted == true ]] && break
    sleep 5
  done
  check "the beta rollout of $version halts by itself (1 of 10 sessions crashed)" [ "$halted" == true ]
  reason=$(jq -r --arg id "$release" '.items[] | select(.id == $id) | .rollouts[] | select(.ring == "BETA") | .haltReason' \
    <<<"$RESPONSE_BODY")
  check "the halt says why: $reason" grep -q "below the budget of 99.50 %" <<<"$reason"
  call_json GET "$TECH_BFF_URL/api/v1/admin/release-alerts" "$admin" ""
  check "the admin's alerts hold the new crash issue and the halt of $version" \
    [ "$(jq -r --arg id "$release" '[.items[] | select(.releaseId == $id) | .kind] | sort | join(",")' \
      <<<"$RESPONSE_BODY")" == "NEW_ISSUE,ROLLOUT_HALTED" ]

  body="{\"feature\": \"chat\", \"app\": \"STAFF\", \"platform\": \"ANDROID\", \"fromVersion\": \"$version\","
  body+=" \"toVersion\": \"$version\", \"message\": \"Chat is off on $version while we fix it.\"}"
  call_json POST "$TECH_BFF_URL/api/v1/admin/kill-switches" "$admin" "$body"
  check "a kill switch for chat on $version -> 201 (got $RESPONSE_STATUS)" [ "$RESPONSE_STATUS" == 201 ]
  call_json GET "$TECH_BFF_URL/api/v1/app-config" "$tina" "" "${android[@]}"
  check "tina.tech on $version is told chat is off" [ -n "$(json_get .killSwitches.chat <<<"$RESPONSE_BODY")" ]
  call_json GET "$TECH_BFF_URL/api/v1/app-config" "$tina" "" "X-App-Platform: android" "X-App-Version: 9.0.0"
  check "on 9.0.0 chat stays on" [ -z "$(json_get .killSwitches.chat <<<"$RESPONSE_BODY")" ]

  call_json PUT "$TECH_BFF_URL/api/v1/admin/minimum-versions" "$admin" \
    '{"app": "STAFF", "platform": "IOS", "minimumVersion": "3.5.0", "graceHours": 72, "message": "Please update before Friday."}'
  check "a minimum of 3.5.0 for the iOS technician app, 72 h grace -> 200 (got $RESPONSE_STATUS)" [ "$RESPONSE_STATUS" == 200 ]
  call_json GET "$TECH_BFF_URL/api/v1/app-config" "$tom" "" "X-App-Platform: ios" "X-App-Version: 3.2.0"
  check "tom.tech on iOS 3.2.0 is told to upgrade before he is refused" \
    [ "$(jq -r '.minimumVersion | "\(.minimum) \(.standing) \(.requiredFrom != null)"' <<<"$RESPONSE_BODY")" \
      == "3.5.0 UPGRADE_RECOMMENDED true" ]
  # Back to the local stack's configured minimum (3.0.0), so that a later run, or a demo days later, starts
  # from the same place.
  call_json PUT "$TECH_BFF_URL/api/v1/admin/minimum-versions" "$admin" \
    '{"app": "STAFF", "platform": "IOS", "minimumVersion": "3.0.0", "graceHours": 0, "message": "Please update the app."}'
  check "the iOS minimum back to 3.0.0 -> 200 (got $RESPONSE_STATUS)" [ "$RESPONSE_STATUS" == 200 ]
}

# ---------------------------------------------------------------- main

report() {
  echo
  if ((FAILED > 0)); then
    echo "SMOKE TEST FAILED:"
    printf '  - %s\n' "${FAILURES[@]}"
  else
    echo "SMOKE TEST OK"
  fi
  echo "$PASSED passed, $FAILED failed"
}

main() {
  have curl || die "curl is needed"
  have jq || have python3 || die "jq or python3 is needed to read JSON"
  trap finish EXIT
  start_stack

  local staff="" customer="" customer_on_tech=""
  # Tokens come from subshells, so pass/fail counts are recorded here from the result.
  if staff=$(fetch_token technician-app tom.tech); then pass "direct grant tom.tech (technician-app)"; else fail "direct grant tom.tech (technician-app)"; fi
  if customer=$(fetch_token customer-app carl.customer); then pass "direct grant carl.customer (customer-app)"; else fail "direct grant carl.customer (customer-app)"; fi
  if customer_on_tech=$(fetch_token technician-app carl.customer); then pass "direct grant carl.customer (technician-app)"; else fail "direct grant carl.customer (technician-app)"; fi

  if [[ -n $staff ]]; then
    check_token_claims "tom.tech token" "$staff" tom.tech technician technician-bff
    expect_me "technician-bff GET /api/v1/me as tom.tech" "$TECH_BFF_URL/api/v1/me" "$staff" technician
    expect_items "technician-bff GET /api/v1/jobs/board as tom.tech" "$TECH_BFF_URL/api/v1/jobs/board" "$staff"
    expect_status "technician-bff GET /api/v1/me without a token" "$TECH_BFF_URL/api/v1/me" "" 401
  fi
  if [[ -n $customer ]]; then
    check_token_claims "carl.customer token" "$customer" carl.customer customer customer-bff
    expect_me "customer-bff GET /api/v1/me as carl.customer" "$CUSTOMER_BFF_URL/api/v1/me" "$customer" customer
    expect_items "customer-bff GET /api/v1/jobs as carl.customer" "$CUSTOMER_BFF_URL/api/v1/jobs" "$customer"
    if [[ -n $staff ]]; then check_recommendations "$customer" "$staff"; fi
    # A customer-app token is for customer-bff only: wrong audience (401) or wrong role (403).
    expect_status "technician-bff GET /api/v1/jobs/board with a customer-app token" \
      "$TECH_BFF_URL/api/v1/jobs/board" "$customer" 401 403
  fi
  local cora="" cora_strong=""
  if cora=$(fetch_token customer-app cora.customer); then pass "direct grant cora.customer (customer-app)"; else fail "direct grant cora.customer (customer-app)"; fi
  if cora_strong=$(fetch_strong_token customer-app cora.customer); then
    pass "browser sign-in of cora.customer with password and TOTP (acr_values=urn:garage:acr:strong)"
  else
    fail "browser sign-in of cora.customer with password and TOTP"
  fi
  if [[ -n $cora && -n $cora_strong ]]; then
    check_step_up_approval "$cora" "$cora_strong"
  fi
  local alice=""
  if alice=$(fetch_token technician-app alice.advisor); then pass "direct grant alice.advisor (technician-app)"; else fail "direct grant alice.advisor (technician-app)"; fi
  if [[ -n $staff && -n $alice && -n $customer && -n $cora ]]; then
    check_bay "$staff" "$alice" "$customer" "$cora"
  fi
  if [[ -n $cora && -n $alice ]]; then
    check_roadside "$cora" "$alice"
  fi
  local ada_strong="" tina=""
  if ada_strong=$(fetch_strong_token technician-app ada.admin); then pass "browser sign-in of ada.admin with password and TOTP"; else fail "browser sign-in of ada.admin with password and TOTP"; fi
  if tina=$(fetch_token technician-app tina.tech); then pass "direct grant tina.tech (technician-app)"; else fail "direct grant tina.tech (technician-app)"; fi
  if [[ -n $ada_strong && -n $tina && -n $staff ]]; then
    check_releases "$ada_strong" "$tina" "$staff"
  fi
  if [[ -n $ada_strong && -n $customer ]]; then
    check_analytics "$customer" "$ada_strong"
  fi
  if [[ -n $customer_on_tech ]]; then
    # Right audience (technician-bff) but role customer: authenticated, not allowed.
    expect_status "technician-bff GET /api/v1/jobs/board as a customer (technician-app token)" \
      "$TECH_BFF_URL/api/v1/jobs/board" "$customer_on_tech" 403
  fi

  browser_start
  check_app_sign_in
  check_app_step_up
  browser_stop
  report
  ((FAILED == 0))
}

case ${1:-} in
  "") ;;
  --skip-build) STACK_ARGS+=(--skip-build) ;;
  *) die "unknown option $1 (usage: scripts/smoke-test.sh [--skip-build])" ;;
esac
main
