# shellcheck shell=bash
# The apps in a real browser against the real Keycloak (docs/apps.md), sourced by scripts/smoke-test.sh, whose
# pass/fail/check and json helpers it uses: headless Debian Chromium driven through chromedriver's WebDriver API
# with curl. Each demo person opens their app at /app/, signs in on Keycloak's own login page (authorization code
# with PKCE, the realm's registered redirect URIs) and lands in the shell, whose sections are exactly those
# GET /api/v1/navigation lists for them.

WEBDRIVER_PORT=19599
WEBDRIVER="http://127.0.0.1:$WEBDRIVER_PORT"

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

# browser_sections SESSION: the shell's section links as shown, one per line.
browser_sections() {
  webdriver POST "/session/$1/execute/sync" \
    '{"script": "return [...document.querySelectorAll(\".nav__link\")].map((link) => link.textContent)", "args": []}' \
    | jq -r '.[]'
}

check_app_sign_in() {
  local driver session url app client username token expected shown element profiles
  if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
    apt_install chromium chromium-driver
  fi
  /usr/bin/chromedriver --port="$WEBDRIVER_PORT" >/dev/null 2>&1 &
  driver=$!
  profiles=$(mktemp -d)
  for _ in $(seq 1 40); do curl -s "$WEBDRIVER/status" | grep -q '"ready": *true' && break; sleep 0.25; done
  for app in "$CUSTOMER_BFF_URL customer-app carl.customer" "$TECH_BFF_URL technician-app tom.tech"; do
    read -r url client username <<<"$app"
    session=$(webdriver POST /session "$(jq -nc --arg dir "$profiles/$username" '{capabilities: {alwaysMatch: {browserName: "chrome",
      "goog:chromeOptions": {binary: "/usr/bin/chromium", args: ["--headless=new", "--no-sandbox", "--disable-gpu",
      "--disable-dev-shm-usage", ("--user-data-dir=" + $dir)]}}}}')" | jq -r '.sessionId // empty')
    if [[ -z $session ]]; then
      fail "headless Chromium for $username's app" "chromedriver started no session"
      continue
    fi
    webdriver POST "/session/$session/url" "{\"url\": \"$url/app/\"}" >/dev/null
    element=$(browser_find "$session" "#sign-in") && webdriver POST "/session/$session/element/$element/click" '{}' >/dev/null
    if element=$(browser_find "$session" "#username"); then
      webdriver POST "/session/$session/element/$element/value" "{\"text\": \"$username\"}" >/dev/null
      element=$(browser_find "$session" "#password" || true)
      webdriver POST "/session/$session/element/$element/value" "{\"text\": \"$DEMO_PASSWORD\"}" >/dev/null
      element=$(browser_find "$session" "#kc-login" || true)
      webdriver POST "/session/$session/element/$element/click" '{}' >/dev/null
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
  kill "$driver" 2>/dev/null || true
  wait "$driver" 2>/dev/null || true
  rm -rf "$profiles"
}
