#!/usr/bin/env bash
# End-to-end smoke test against the real local stack: starts it the documented way
# (scripts/local-stack.sh up --detach), gets real Keycloak tokens by direct grant and
# calls both BFFs. Stops the stack again at the end (also on failure) unless it was
# already running before the test. Exit status 0 only when every check passed.
set -euo pipefail

LOG_PREFIX="smoke-test"
# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

STACK="$GARAGE_ROOT/scripts/local-stack.sh"
PASSED=0
FAILED=0
FAILURES=()
STOP_STACK=0

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
  log "starting the stack: scripts/local-stack.sh up --detach"
  "$STACK" up --detach || die "scripts/local-stack.sh up --detach failed"
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

# Carl's demo Golf had its oil changed 350 days ago at 70,500 km and the rear discs declined
# (local/demo-data.sql): its recommendations name both, each with its reasons.
DEMO_GOLF="5e000000-0000-4000-8000-000000000001"

check_recommendations() {
  local token=$1 kinds
  get_json "$CUSTOMER_BFF_URL/api/v1/vehicles/$DEMO_GOLF/recommendations" "$token"
  if [[ $RESPONSE_STATUS != 200 ]]; then
    fail "customer-bff GET the Golf's recommendations as carl.customer" "expected HTTP 200, got $RESPONSE_STATUS $(short_body)"
    return 0
  fi
  kinds=$(json_get '.' <<<"$RESPONSE_BODY")
  check "the Golf's oil service is recommended as due soon" grep -qE '"kind": ?"SERVICE_DUE", ?"title": ?"Oil and filter change is due soon"' <<<"$kinds"
  check "the Golf's declined rear discs are followed up" grep -qE '"kind": ?"DECLINED_FOLLOW_UP", ?"title": ?"Rear brake discs and pads"' <<<"$kinds"
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
    check_recommendations "$customer"
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
  if [[ -n $customer_on_tech ]]; then
    # Right audience (technician-bff) but role customer: authenticated, not allowed.
    expect_status "technician-bff GET /api/v1/jobs/board as a customer (technician-app token)" \
      "$TECH_BFF_URL/api/v1/jobs/board" "$customer_on_tech" 403
  fi

  report
  ((FAILED == 0))
}

main "$@"
