# shellcheck shell=bash
# The apps in a real browser against the real Keycloak (docs/apps.md), sourced by scripts/smoke-test.sh, whose
# pass/fail/check and json helpers it uses: headless Debian Chromium driven through chromedriver's WebDriver API
# with curl. Each demo person opens their app at /app/, signs in on Keycloak's own login page (authorization code
# with PKCE, the realm's registered redirect URIs) and lands in the shell, whose sections are exactly those
# GET /api/v1/navigation lists for them. Then carl.customer changes his phone number, which needs the second factor:
# the app sends him back to Keycloak for it (RFC 9470 step-up), he types his TOTP code, and the change is saved.

WEBDRIVER_PORT=19599
WEBDRIVER="http://127.0.0.1:$WEBDRIVER_PORT"
BROWSER_DRIVER=""
BROWSER_PROFILES=""

# webdriver METHOD PATH [BODY]: a WebDriver call; prints the answer's "value" as JSON.
webdriver() {
  curl -s --max-time 30 -X "$1" -H 'Content-Type: application/json' ${3:+-d "$3"} "$WEBDRIVER$2" | jq -c '.value'
}

# browser_find SESSION CSS [SECONDS]: the first element matching, waiting for it; prints its WebDriver id.
browser_find() {
  local session=$1 css=$2 i element
  for ((i = 0; i < ${3:-20} * 2; i++)); do
    element=$(webdriver POST "/session/$session/element" "$(jq -nc --arg css "$css" '{using: "css selector", value: $css}')" \
      | jq -r 'to_entries[0].value // empty' 2>/dev/null)
    [[ -n $element && $element != null && $element != *"no such element"* ]] && { printf '%s\n' "$element"; return 0; }
    sleep 0.5
  done
  return 1
}

# browser_click SESSION CSS: waits for the element and clicks it; fails when it never comes.
browser_click() {
  local element
  element=$(browser_find "$1" "$2") || return 1
  webdriver POST "/session/$1/element/$element/click" '{}' >/dev/null
}

# browser_type SESSION CSS TEXT: waits for the field, empties it and types TEXT; fails when it never comes.
browser_type() {
  local element
  element=$(browser_find "$1" "$2") || return 1
  webdriver POST "/session/$1/element/$element/clear" '{}' >/dev/null
  webdriver POST "/session/$1/element/$element/value" "$(jq -nc --arg text "$3" '{text: $text}')" >/dev/null
}

# browser_text SESSION CSS: the element's text as shown, empty when there is none.
browser_text() {
  webdriver POST "/session/$1/execute/sync" "$(jq -nc --arg css "$2" \
    '{script: "return document.querySelector(arguments[0])?.textContent || \"\"", args: [$css]}')" | jq -r '.'
}

# browser_sections SESSION: the shell's section links as shown, one per line.
browser_sections() {
  webdriver POST "/session/$1/execute/sync" \
    '{"script": "return [...document.querySelectorAll(\".nav__link\")].map((link) => link.textContent)", "args": []}' \
    | jq -r '.[]'
}

# Starts chromedriver for the walks below; browser_stop ends it and removes the browsers' profiles.
browser_start() {
  if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
    apt_install chromium chromium-driver
  fi
  /usr/bin/chromedriver --port="$WEBDRIVER_PORT" >/dev/null 2>&1 &
  BROWSER_DRIVER=$!
  BROWSER_PROFILES=$(mktemp -d)
  for _ in $(seq 1 40); do curl -s "$WEBDRIVER/status" | grep -q '"ready": *true' && break; sleep 0.25; done
}

browser_stop() {
  kill "$BROWSER_DRIVER" 2>/dev/null || true
  wait "$BROWSER_DRIVER" 2>/dev/null || true
  rm -rf "$BROWSER_PROFILES"
}

# browser_session NAME: a new headless Chromium with a profile of its own; prints the session id (empty on failure).
browser_session() {
  webdriver POST /session "$(jq -nc --arg dir "$BROWSER_PROFILES/$1" '{capabilities: {alwaysMatch: {browserName: "chrome",
    "goog:chromeOptions": {binary: "/usr/bin/chromium", args: ["--headless=new", "--no-sandbox", "--disable-gpu",
    "--disable-dev-shm-usage", ("--user-data-dir=" + $dir)]}}}}')" | jq -r '.sessionId // empty'
}

# keycloak_login SESSION USERNAME: fills Keycloak's login form (username and password), if it asks for them.
keycloak_login() {
  browser_type "$1" "#username" "$2" || return 1
  browser_type "$1" "#password" "$DEMO_PASSWORD" && browser_click "$1" "#kc-login"
}

check_app_sign_in() {
  local session url app client username token expected shown
  for app in "$CUSTOMER_BFF_URL customer-app carl.customer" "$TECH_BFF_URL technician-app tom.tech"; do
    read -r url client username <<<"$app"
    session=$(browser_session "$username")
    if [[ -z $session ]]; then
      fail "headless Chromium for $username's app" "chromedriver started no session"
      continue
    fi
    webdriver POST "/session/$session/url" "{\"url\": \"$url/app/\"}" >/dev/null
    browser_click "$session" "#sign-in"
    if keycloak_login "$session" "$username"; then
      pass "$username signs in on Keycloak's login page from $url/app/"
    else
      fail "$username signs in on Keycloak's login page" "no login form after the app's Sign in"
    fi
    shown=""
    browser_find "$session" ".nav__link" 30 >/dev/null && shown=$(browser_sections "$session" | tr '\n' '|')
    token=$(fetch_token "$client" "$username" || true)
    get_json "$url/api/v1/navigation" "$token"
    expected=$(jq -r '.sections[].title' <<<"$RESPONSE_BODY" | tr '\n' '|')
    local listed=${shown%|}
    check "$username's app shows exactly the sections the API lists: ${listed//|/, }" [ -n "$shown" -a "$shown" == "$expected" ]
    webdriver DELETE "/session/$session" >/dev/null
  done
}

# A new phone number each run (so there is always a change to save), from the run's time.
check_app_step_up() {
  local session phone token notice offered
  phone="+44 7700 9$(date -u +%H%M%S | cut -c2-6)"
  session=$(browser_session carl-step-up)
  if [[ -z $session ]]; then
    fail "headless Chromium for carl.customer's app" "chromedriver started no session"
    return 0
  fi
  webdriver POST "/session/$session/url" "{\"url\": \"$CUSTOMER_BFF_URL/app/\"}" >/dev/null
  browser_click "$session" "#sign-in"
  keycloak_login "$session" carl.customer
  browser_find "$session" ".nav__link" 30 >/dev/null
  webdriver POST "/session/$session/url" "{\"url\": \"$CUSTOMER_BFF_URL/app/#/profile\"}" >/dev/null
  browser_type "$session" "#profile-phone" "$phone" && browser_click "$session" "#profile-save"
  offered=$(browser_find "$session" "#profile-step-up" 30 || true)
  check "carl.customer's new phone number, saved with his password only, offers the sign-in with the second factor" \
    [ -n "$offered" ]
  browser_click "$session" "#profile-step-up"
  # Keycloak asks for the password again when his sign-in is older than the app's max_age, then for the code.
  browser_find "$session" "#password, #otp" 30 >/dev/null
  [[ -n $(browser_find "$session" "#password" 1) ]] && keycloak_login "$session" carl.customer
  if browser_type "$session" "#otp" "$(totp_code)" && browser_click "$session" "#kc-login"; then
    pass "Keycloak asks carl.customer for his TOTP code and takes it"
  else
    fail "Keycloak asks carl.customer for his TOTP code" "no code form after the app's step-up"
  fi
  browser_find "$session" "#profile-form" 30 >/dev/null
  browser_type "$session" "#profile-phone" "$phone" && browser_click "$session" "#profile-save"
  for _ in $(seq 1 20); do
    notice=$(browser_text "$session" "#profile-notice")
    [[ $notice == Saved.* ]] && break
    sleep 0.5
  done
  token=$(fetch_token customer-app carl.customer || true)
  get_json "$CUSTOMER_BFF_URL/api/v1/profile" "$token"
  check "back in his app with the second factor, the change is saved: '$notice', phone $(json_get .phone <<<"$RESPONSE_BODY")" \
    [ "$(json_get .phone <<<"$RESPONSE_BODY")" == "$phone" ]
  webdriver DELETE "/session/$session" >/dev/null
}
