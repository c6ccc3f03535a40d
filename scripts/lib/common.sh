# shellcheck shell=bash
# Shared settings and helpers for scripts/local-stack.sh and scripts/smoke-test.sh.
# Sourced, never executed. The values here are fixed by docs/local-stack.md.
# shellcheck disable=SC2034  # the constants are used by the scripts that source this file

GARAGE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOCAL_DIR="$GARAGE_ROOT/.local"
RUN_DIR="$LOCAL_DIR/run"
LOG_DIR="$LOCAL_DIR/logs"
DOWNLOAD_DIR="$LOCAL_DIR/downloads"

KEYCLOAK_VERSION="26.4.0"
KEYCLOAK_HOME="$LOCAL_DIR/keycloak-$KEYCLOAK_VERSION"
KEYCLOAK_PORT=8180
KEYCLOAK_URL="http://127.0.0.1:$KEYCLOAK_PORT"
REALM="garage"
REALM_FILE="$GARAGE_ROOT/local/keycloak/realm-garage.json"
ISSUER="$KEYCLOAK_URL/realms/$REALM"
DISCOVERY_URL="$ISSUER/.well-known/openid-configuration"
TOKEN_URL="$ISSUER/protocol/openid-connect/token"

TECH_BFF_PORT=8081
CUSTOMER_BFF_PORT=8082
TECH_BFF_URL="http://127.0.0.1:$TECH_BFF_PORT"
CUSTOMER_BFF_URL="http://127.0.0.1:$CUSTOMER_BFF_PORT"

# The media object store: s3proxy with its filesystem store (docs/media.md); the BFFs' loopback defaults
# (quarkus.s3.*, garage.media.bucket) point at it.
S3PROXY_VERSION="4.1.0"
S3PROXY_PORT=9000
S3PROXY_URL="http://127.0.0.1:$S3PROXY_PORT"
S3PROXY_JAR="$DOWNLOAD_DIR/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar"
# The store lives beside the database it belongs to: garage_local is the machine's PostgreSQL, shared by every
# checkout, so the media its rows name are kept per machine user too, not in one checkout's .local.
S3PROXY_DATA="${XDG_DATA_HOME:-$HOME/.local/share}/garage-local/s3proxy"
MEDIA_BUCKET="garage-media"

# The payment provider: WireMock standalone answering like Stripe's API with the mappings under
# local/stripe-stub (docs/payments.md); the BFFs' %local profile points the Stripe adapter at it.
WIREMOCK_VERSION="3.13.2"
STRIPE_STUB_PORT=12111
STRIPE_STUB_URL="http://127.0.0.1:$STRIPE_STUB_PORT"
WIREMOCK_JAR="$DOWNLOAD_DIR/wiremock-standalone-$WIREMOCK_VERSION.jar"
STRIPE_STUB_ROOT="$GARAGE_ROOT/local/stripe-stub"
# The local stack's Stripe webhook signing secret; scripts/stripe-webhook.sh signs with it.
STRIPE_WEBHOOK_SECRET="whsec_local_stack"
# The partners (docs/partners.md): WireMock with the mappings under local/partner-stub, answering as the
# roadside partner "roadside-demo" (walking each request through its states with signed webhooks to the
# customer BFF) and as NHTSA's vPIC and recalls APIs; its webhook signer is compiled from the test kit.
PARTNER_STUB_PORT=12112
PARTNER_STUB_URL="http://127.0.0.1:$PARTNER_STUB_PORT"
PARTNER_STUB_ROOT="$GARAGE_ROOT/local/partner-stub"
PARTNER_STUB_SIGNER="$GARAGE_ROOT/shared-domain/src/test/java/com/garage/mobile/testing/PartnerStubWebhooks.java"
PARTNER_STUB_CLASSES="$LOCAL_DIR/partner-stub-classes"
PARTNER_WEBHOOK_SECRET="whpartner_local_stack"

PG_PORT=5432
PG_DATABASE="garage_local"
PG_USER="garage"
PG_PASSWORD="garage"
REDIS_PORT=6379

DEMO_PASSWORD="garage-demo"
# The seed of every demo user's TOTP credential, as Keycloak stores it; an authenticator app takes it
# base32-encoded: M5QXEYLHMVSGK3LPORXXI4DTMVRXEZLU (docs/local-stack.md).
DEMO_TOTP_SECRET="garagedemototpsecret"
DEMO_GARAGE_ID="6a0f4c52-1d2e-4c1b-9a10-00000000e001"
# username role client sub
DEMO_USERS=(
  "alice.advisor advisor technician-app 0a1d0000-0000-4000-8000-00000000a001"
  "tom.tech technician technician-app 0a1d0000-0000-4000-8000-00000000b001"
  "tina.tech technician technician-app 0a1d0000-0000-4000-8000-00000000b002"
  "ada.admin admin technician-app 0a1d0000-0000-4000-8000-00000000d001"
  "carl.customer customer customer-app 0a1d0000-0000-4000-8000-00000000c001"
  "cora.customer customer customer-app 0a1d0000-0000-4000-8000-00000000c002"
  "chris.customer customer customer-app 0a1d0000-0000-4000-8000-00000000c003"
)

LOG_PREFIX="${LOG_PREFIX:-garage}"

log() { printf '[%s] %s\n' "$LOG_PREFIX" "$*" >&2; }
warn() { printf '[%s] WARNING: %s\n' "$LOG_PREFIX" "$*" >&2; }
die() {
  printf '[%s] ERROR: %s\n' "$LOG_PREFIX" "$*" >&2
  exit 1
}

have() { command -v "$1" >/dev/null 2>&1; }

# Run a command as root: directly when we are root, else through sudo.
as_root() {
  if [[ $EUID -eq 0 ]]; then
    "$@"
  elif have sudo; then
    sudo "$@"
  else
    die "need root for: $* (run as root or install sudo)"
  fi
}

# Print the last lines of a log file, indented, to stderr.
show_log_tail() {
  local file=$1 lines=${2:-40}
  [[ -f $file ]] || return 0
  printf '[%s] --- last %s lines of %s ---\n' "$LOG_PREFIX" "$lines" "$file" >&2
  tail -n "$lines" "$file" | sed 's/^/    /' >&2
  printf '[%s] --- end of %s ---\n' "$LOG_PREFIX" "$file" >&2
}

# True when something accepts TCP connections on 127.0.0.1:<port>.
port_open() {
  local port=$1
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

# HTTP status of a GET (000 when nothing answers). Optional bearer token as $2.
http_status() {
  local url=$1 token=${2:-}
  local -a auth=()
  [[ -n $token ]] && auth=(-H "Authorization: Bearer $token")
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 "${auth[@]}" "$url" 2>/dev/null || true
}

http_ok() { [[ $(http_status "$1") == 200 ]]; }

# ---------------------------------------------------------------- JDK selection

# Major version of a java binary (17, 21, 25, ...); empty when it cannot tell.
java_major() {
  local java=$1 version major
  version=$("$java" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}')
  major=${version%%.*}
  if [[ $major == 1 ]]; then # 1.8.0_x style
    major=$(cut -d. -f2 <<<"$version")
  fi
  [[ $major =~ ^[0-9]+$ ]] && printf '%s\n' "$major"
  return 0
}

# A usable JDK home (java + javac) of at least the given major version, or fails.
jdk_ok() {
  local home=$1 min=$2 major
  [[ -x $home/bin/java && -x $home/bin/javac ]] || return 1
  major=$(java_major "$home/bin/java")
  [[ -n $major && $major -ge $min ]]
}

# Sets JAVA_HOME to a JDK >= 21: JAVA_HOME itself if good enough, else the newest
# one under /usr/lib/jvm, else the javac on PATH.
select_jdk() {
  local min=21 best="" best_major=0 dir major javac_path
  if [[ -n ${JAVA_HOME:-} ]] && jdk_ok "$JAVA_HOME" "$min"; then
    best=$JAVA_HOME
  else
    for dir in /usr/lib/jvm/*/; do
      dir=${dir%/}
      jdk_ok "$dir" "$min" || continue
      major=$(java_major "$dir/bin/java")
      if ((major > best_major)); then
        best=$dir
        best_major=$major
      fi
    done
  fi
  if [[ -z $best ]] && have javac; then
    javac_path=$(readlink -f "$(command -v javac)")
    dir=$(dirname "$(dirname "$javac_path")")
    jdk_ok "$dir" "$min" && best=$dir
  fi
  [[ -n $best ]] || die "no JDK 21+ found (JAVA_HOME='${JAVA_HOME:-}', nothing suitable under /usr/lib/jvm). Install one, e.g. 'apt-get install openjdk-21-jdk-headless', or set JAVA_HOME."
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}

# ---------------------------------------------------------------- tokens and JSON

# Direct-grant access token for a demo user (prints it; fails on error).
fetch_token() {
  local client=$1 username=$2 response token
  response=$(curl -s --max-time 15 \
    -d grant_type=password -d "client_id=$client" -d "username=$username" \
    -d "password=$DEMO_PASSWORD" -d scope=openid "$TOKEN_URL") || return 1
  token=$(json_get '.access_token' <<<"$response") || true
  if [[ -z $token || $token == null ]]; then
    printf '[%s] token request for %s (client %s) failed: %s\n' "$LOG_PREFIX" "$username" "$client" "$response" >&2
    return 1
  fi
  printf '%s\n' "$token"
}

# The current six-digit code of the demo users' TOTP credential (RFC 6238: HMAC-SHA1, 30 s steps).
totp_code() {
  local key counter hmac offset
  key=$(printf '%s' "$DEMO_TOTP_SECRET" | od -An -tx1 | tr -d ' \n')
  counter=$(printf '%016x' $(($(date +%s) / 30)))
  # shellcheck disable=SC2059  # the format is the counter's bytes as \x escapes
  hmac=$(printf "$(sed 's/../\\x&/g' <<<"$counter")" | openssl dgst -sha1 -mac HMAC -macopt "hexkey:$key" | awk '{print $NF}')
  offset=$((16#${hmac:39:1} * 2))
  printf '%06d\n' $(((16#${hmac:offset:8} & 0x7fffffff) % 1000000))
}

# The action URL of the first form in a Keycloak login page.
form_action() {
  tr '\n' ' ' <<<"$1" | sed -n 's/.*<form[^>]*action="\([^"]*\)".*/\1/p' | sed 's/&amp;/\&/g'
}

# Access token after the second factor: signs in through Keycloak's browser flow (authorization code
# with PKCE, acr_values=urn:garage:acr:strong), password then the TOTP code, as the app's login
# screen would. Unlike a direct grant, its token carries auth_time, which step-up needs.
fetch_strong_token() {
  local client=$1 username=$2 jar verifier challenge page action location code response token
  local redirect="http://localhost/callback"
  jar=$(mktemp)
  verifier=$(head -c 48 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
  challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=\n')
  page=$(curl -s --max-time 15 -c "$jar" -b "$jar" -G "$ISSUER/protocol/openid-connect/auth" \
    --data-urlencode "client_id=$client" --data-urlencode "redirect_uri=$redirect" -d response_type=code \
    -d scope=openid -d acr_values=urn:garage:acr:strong -d code_challenge_method=S256 \
    --data-urlencode "code_challenge=$challenge") || { rm -f "$jar"; return 1; }
  action=$(form_action "$page")
  page=$(curl -s --max-time 15 -c "$jar" -b "$jar" "$action" --data-urlencode "username=$username" \
    --data-urlencode "password=$DEMO_PASSWORD") || { rm -f "$jar"; return 1; }
  action=$(form_action "$page")
  location=$(curl -s --max-time 15 -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" "$action" \
    --data-urlencode "otp=$(totp_code)") || { rm -f "$jar"; return 1; }
  rm -f "$jar"
  code=$(sed -n 's/.*[?&]code=\([^&]*\).*/\1/p' <<<"$location")
  if [[ -z $code ]]; then
    printf '[%s] strong sign-in of %s (client %s) gave no code (redirect: %s)\n' "$LOG_PREFIX" "$username" \
      "$client" "$location" >&2
    return 1
  fi
  response=$(curl -s --max-time 15 -d grant_type=authorization_code -d "client_id=$client" \
    --data-urlencode "code=$code" --data-urlencode "redirect_uri=$redirect" \
    --data-urlencode "code_verifier=$verifier" "$TOKEN_URL") || return 1
  token=$(json_get '.access_token' <<<"$response") || true
  if [[ -z $token || $token == null ]]; then
    printf '[%s] code exchange for %s failed: %s\n' "$LOG_PREFIX" "$username" "$response" >&2
    return 1
  fi
  printf '%s\n' "$token"
}

# The decoded JSON payload of a JWT.
jwt_payload() {
  local part
  part=$(cut -d. -f2 <<<"$1" | tr '_-' '/+')
  case $((${#part} % 4)) in
    2) part="$part==" ;;
    3) part="$part=" ;;
  esac
  base64 -d <<<"$part"
}

# json_get PATH: read JSON on stdin, print the value at a jq-style path such as
# '.a.b' (strings raw, other values as JSON; empty when absent). Uses jq, else python3.
json_get() {
  local path=$1
  if have jq; then
    jq -r "$path // empty | if type == \"string\" then . else tojson end"
  elif have python3; then
    python3 -c '
import json, sys
value = json.load(sys.stdin)
for key in [k for k in sys.argv[1].split(".") if k]:
    value = value.get(key) if isinstance(value, dict) else None
if value is None:
    pass
elif isinstance(value, str):
    print(value)
else:
    print(json.dumps(value))
' "$path"
  else
    die "need jq or python3 to read JSON"
  fi
}

# json_type PATH: prints the JSON type (object, array, string, number, boolean, null)
# of the value at PATH in the JSON on stdin, or "missing"/"invalid".
json_type() {
  local path=$1
  if have jq; then
    jq -r "if ($path) == null then \"missing\" else ($path | type) end" 2>/dev/null || echo invalid
  elif have python3; then
    python3 -c '
import json, sys
try:
    value = json.load(sys.stdin)
except ValueError:
    print("invalid"); sys.exit()
for key in [k for k in sys.argv[1].split(".") if k]:
    value = value.get(key) if isinstance(value, dict) else None
names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
print("missing" if value is None else names[type(value)])
' "$path"
  else
    die "need jq or python3 to read JSON"
  fi
}

# json_has_string VALUE: true when any string anywhere in the JSON on stdin equals
# VALUE, ignoring case (e.g. a role "technician" or "TECHNICIAN").
json_has_string() {
  local value=$1
  if have jq; then
    jq -e --arg v "$value" '[.. | strings | ascii_downcase] | index($v | ascii_downcase) != null' >/dev/null 2>&1
  elif have python3; then
    python3 -c '
import json, sys
def strings(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, dict):
        for x in v.values(): yield from strings(x)
    elif isinstance(v, list):
        for x in v: yield from strings(x)
try:
    doc = json.load(sys.stdin)
except ValueError:
    sys.exit(1)
sys.exit(0 if any(s.lower() == sys.argv[1].lower() for s in strings(doc)) else 1)
' "$value"
  else
    die "need jq or python3 to read JSON"
  fi
}
