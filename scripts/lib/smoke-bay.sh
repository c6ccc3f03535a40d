# shellcheck shell=bash
# The bay walk of the smoke test (docs/bay.md, docs/media.md), sourced by scripts/smoke-test.sh, whose
# pass/fail/check, call_json and json_get it uses. On Carl's demo job 1004 (tom.tech's): tom clocks on,
# inspects from the standard template with a photo uploaded through tus in interrupted chunks (a corrupted
# chunk refused with 460, a chunk cut off mid-way kept as far as it came, a restart from zero sent where the
# upload stands), logs a part, clocks off, then sends what he did without a signal as one sync batch (an
# item, a part request, a time entry with the device's times); alice.advisor sees the red item and the
# request on her board, prices the recommended line and publishes; carl.customer sees the published
# inspection and the photo's bytes, cora.customer neither. A later run on the same stack finds the
# inspection published and checks what the customer sees.

BAY_JOB="5b000000-0000-4000-8000-000000000004"
BAY_TEMPLATE="5d000000-0000-4000-8000-000000003001"
BAY_PART_TYRE_VALVE="5e000000-0000-4000-8000-000000000018"

uuid() { cat /proc/sys/kernel/random/uuid; }

# bay_item KEY: the id and version of the inspection item with that key, from the inspection in RESPONSE_BODY.
bay_item() { jq -r --arg key "$1" '.items[] | select(.key == $key) | "\(.id) \(.version)"' <<<"$RESPONSE_BODY"; }

# tus_call METHOD URL TOKEN [CURL ARGS...]: a tus request; sets RESPONSE_STATUS and TUS_HEADERS.
tus_call() {
  local method=$1 url=$2 token=$3 out
  shift 3
  local -a verb=(-X "$method")
  [[ $method == HEAD ]] && verb=(-I) # -X HEAD would wait for the body its Content-Length announces
  out=$(curl -s --max-time 20 "${verb[@]}" -H "Authorization: Bearer $token" -H 'Tus-Resumable: 1.0.0' \
    -D - -o /dev/null -w '%{http_code}' "$@" "$url" 2>/dev/null) || true
  RESPONSE_STATUS=${out: -3}
  TUS_HEADERS=${out%???}
}

tus_header() { grep -i "^$1:" <<<"$TUS_HEADERS" | head -1 | cut -d: -f2- | tr -d ' \r'; }

b64() { printf '%s' "$1" | base64 -w0; }

# A real PNG of noise (so that it does not compress), about 190 KB.
bay_photo() {
  python3 - "$1" <<'PY'
import os, struct, sys, zlib
width, height = 320, 200
raw = b"".join(b"\x00" + os.urandom(width * 3) for _ in range(height))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
with open(sys.argv[1], "wb") as out:
    out.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
              + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
PY
}

# Uploads PHOTO to the inspection item through tus, the hard way; sets BAY_MEDIA on success.
bay_upload() {
  local tom=$1 item=$2 photo=$3 media length half location offset metadata
  media=$(uuid)
  length=$(stat -c %s "$photo")
  half=$((length / 2))
  metadata="targetType $(b64 inspection-item),targetId $(b64 "$item"),kind $(b64 photo),contentType $(b64 image/png)"
  metadata+=",clientMediaId $(b64 "$media"),filename $(b64 tyre.png)"
  tus_call POST "$TECH_BFF_URL/api/v1/uploads" "$tom" -H "Upload-Length: $length" -H "Upload-Metadata: $metadata"
  location=$(tus_header Location)
  check "tus: tom.tech creates the upload of a $length-byte photo -> 201 (got $RESPONSE_STATUS)" \
    [ "$RESPONSE_STATUS" == 201 ]
  [[ -n $location ]] || return 0
  [[ $location == http* ]] || location="$TECH_BFF_URL$location"

  tus_call PATCH "$location" "$tom" -H 'Content-Type: application/offset+octet-stream' -H 'Upload-Offset: 0' \
    -H "Upload-Checksum: sha256 $(head -c "$half" "$photo" | sha256sum | cut -c1-64 | xxd -r -p | base64 -w0)" \
    --data-binary @<(head -c "$half" "$photo" | tr '\000-\011' '\001-\012')
  check "tus: a corrupted chunk -> 460 checksum mismatch (got $RESPONSE_STATUS)" [ "$RESPONSE_STATUS" == 460 ]
  tus_call HEAD "$location" "$tom"
  check "tus: after the corrupted chunk the offset stays at 0 (got $(tus_header Upload-Offset))" \
    [ "$(tus_header Upload-Offset)" == 0 ]

  # The connection drops mid-chunk: curl gives up after a second at 40 KB/s.
  curl -s --max-time 1 --limit-rate 40K -X PATCH -H "Authorization: Bearer $tom" -H 'Tus-Resumable: 1.0.0' \
    -H 'Content-Type: application/offset+octet-stream' -H 'Upload-Offset: 0' \
    --data-binary "@$photo" -o /dev/null "$location" 2>/dev/null || true
  local i
  for i in 1 2 3 4 5 6 7 8 9 10; do
    tus_call HEAD "$location" "$tom"
    offset=$(tus_header Upload-Offset)
    [[ ${offset:-0} -gt 0 ]] && break
    sleep 0.5
  done
  check "tus: a chunk cut off mid-way keeps what arrived (offset $offset of $length)" \
    [ "${offset:-0}" -gt 0 -a "${offset:-0}" -lt "$length" ]

  # The app was killed and starts from zero: creating again with the same clientMediaId answers where it stands.
  tus_call POST "$TECH_BFF_URL/api/v1/uploads" "$tom" -H "Upload-Length: $length" -H "Upload-Metadata: $metadata"
  check "tus: a restart from zero is sent to the same upload at offset $offset" \
    [ "$RESPONSE_STATUS" == 201 -a "$(tus_header Upload-Offset)" == "$offset" ]
  tus_call PATCH "$location" "$tom" -H 'Content-Type: application/offset+octet-stream' -H "Upload-Offset: $offset" \
    -H "Upload-Checksum: sha256 $(tail -c +$((offset + 1)) "$photo" | sha256sum | cut -c1-64 | xxd -r -p | base64 -w0)" \
    --data-binary @<(tail -c +$((offset + 1)) "$photo")
  check "tus: the rest with its checksum completes the upload -> 204 at $length (got $RESPONSE_STATUS $(tus_header Upload-Offset))" \
    [ "$RESPONSE_STATUS" == 204 -a "$(tus_header Upload-Offset)" == "$length" ]
  if [[ $RESPONSE_STATUS == 204 ]]; then BAY_MEDIA=$media; fi
}

check_bay() {
  local tom=$1 alice=$2 carl=$3 cora=$4 inspection status photo
  if ! have jq || ! have python3; then
    fail "bay walk" "jq and python3 are needed"
    return 0
  fi
  local job="$TECH_BFF_URL/api/v1/jobs/$BAY_JOB"
  call_json GET "$job/inspection" "$tom" ""
  if [[ $RESPONSE_STATUS == 404 ]]; then
    local heard listeners=()
    heard=$(mktemp -d)
    python3 "$GARAGE_ROOT/scripts/lib/live-listen.py" "$TECH_BFF_URL" "$alice" 120 "$heard/alice" & listeners+=($!)
    python3 "$GARAGE_ROOT/scripts/lib/live-listen.py" "$CUSTOMER_BFF_URL" "$carl" 120 "$heard/carl" & listeners+=($!)
    sleep 1
    bay_inspect "$tom" "$alice" || true
    sleep 1
    kill "${listeners[@]}" 2>/dev/null || true
    wait "${listeners[@]}" 2>/dev/null || true
    bay_heard_live "$heard"
    rm -rf "$heard"
  else
    pass "the bay walk's inspection of job 1004 exists from an earlier run ($(json_get .status <<<"$RESPONSE_BODY"))"
  fi
  bay_customer_sees "$carl" "$cora"
}

# Clock on, inspect with a photo, use a part, clock off, the offline batch, complete; the advisor prices and publishes.
bay_inspect() {
  local tom=$1 alice=$2 entry item version red line body photo started ended results
  local job="$TECH_BFF_URL/api/v1/jobs/$BAY_JOB"
  entry=$(uuid)
  call_json POST "$TECH_BFF_URL/api/v1/clock/on" "$tom" "{\"entryId\": \"$entry\", \"jobId\": \"$BAY_JOB\"}"
  check "tom.tech clocks on job 1004 -> 200 (got $RESPONSE_STATUS)" [ "$RESPONSE_STATUS" == 200 ]
  call_json POST "$job/inspection" "$tom" "{\"templateId\": \"$BAY_TEMPLATE\"}"
  if [[ $RESPONSE_STATUS != 201 ]]; then
    fail "tom.tech starts the standard inspection" "expected HTTP 201, got $RESPONSE_STATUS $(short_body)"
    return 1
  fi
  pass "tom.tech starts the standard inspection -> 201 ($(jq '.items | length' <<<"$RESPONSE_BODY") items)"
  local inspection=$RESPONSE_BODY keys key
  keys=$(jq -r '.items[].key' <<<"$inspection")
  for key in $keys; do
    RESPONSE_BODY=$inspection
    read -r item version <<<"$(bay_item "$key")"
    case $key in
      tyre-front-left) body='{"measurements": {"tread": 1.2}, "note": "Tread below the legal limit on the inner edge"}' ;;
      brake-fluid) continue ;; # recorded offline below
      *) body='{"condition": "GREEN"}' ;;
    esac
    call_json PUT "$TECH_BFF_URL/api/v1/inspection-items/$item" "$tom" "${body%\}}, \"baseVersion\": $version}"
    [[ $RESPONSE_STATUS == 200 ]] || { fail "tom.tech records $key" "got $RESPONSE_STATUS $(short_body)"; return 1; }
    if [[ $key == tyre-front-left ]]; then
      check "1.2 mm of tread suggests RED" [ "$(json_get .suggestedCondition <<<"$RESPONSE_BODY")" == RED ]
      red=$item
      call_json PUT "$TECH_BFF_URL/api/v1/inspection-items/$item" "$tom" \
        "{\"condition\": \"RED\", \"measurements\": {\"tread\": 1.2}, \"note\": \"Tread below the legal limit\", \"baseVersion\": $(json_get .version <<<"$RESPONSE_BODY")}"
      check "tom.tech marks the front left tyre RED -> 200 (got $RESPONSE_STATUS)" [ "$RESPONSE_STATUS" == 200 ]
    fi
  done
  pass "tom.tech records the other items"

  photo=$(mktemp --suffix=.png)
  bay_photo "$photo"
  BAY_MEDIA=""
  bay_upload "$tom" "$red" "$photo"
  BAY_PHOTO_SHA=$(sha256sum "$photo" | cut -c1-64)
  rm -f "$photo"

  line=$(uuid)
  call_json POST "$job/parts" "$tom" "{\"lineId\": \"$line\", \"partId\": \"$BAY_PART_TYRE_VALVE\", \"quantity\": 1}"
  check "tom.tech logs a tyre valve used on the job -> 200 (got $RESPONSE_STATUS)" [ "$RESPONSE_STATUS" == 200 ]
  call_json POST "$TECH_BFF_URL/api/v1/clock/off" "$tom" ""
  check "tom.tech clocks off -> 200 (got $RESPONSE_STATUS)" [ "$RESPONSE_STATUS" == 200 ]

  # Without a signal: the brake fluid item, a request for a part the shelf lacks and a clock on and off, queued
  # with the device's times and sent as one batch when the signal returns.
  sleep 2
  started=$(date -u -d '-1 second' +%Y-%m-%dT%H:%M:%SZ)
  ended=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  call_json GET "$job/inspection" "$tom" ""
  read -r item version <<<"$(bay_item brake-fluid)"
  body="{\"deviceId\": \"smoke-pixel-8\", \"mutations\": ["
  body+="{\"clientMutationId\": \"$(uuid)\", \"entity\": \"inspection-item\", \"operation\": \"update\", \"entityId\": \"$item\","
  body+=" \"baseVersion\": $version, \"payload\": {\"condition\": \"GREEN\", \"measurements\": {\"moisture\": 1.0}}},"
  body+="{\"clientMutationId\": \"$(uuid)\", \"entity\": \"part-request\", \"operation\": \"create\", \"entityId\": \"$(uuid)\","
  body+=" \"payload\": {\"jobId\": \"$BAY_JOB\", \"description\": \"Front left tyre 205/55 R16\", \"quantity\": 1}},"
  body+="{\"clientMutationId\": \"$(uuid)\", \"entity\": \"time-entry\", \"operation\": \"record\", \"entityId\": \"$(uuid)\","
  body+=" \"payload\": {\"jobId\": \"$BAY_JOB\", \"kind\": \"WORK\", \"startedAt\": \"$started\", \"endedAt\": \"$ended\"}}]}"
  call_json POST "$TECH_BFF_URL/api/v1/sync/mutations" "$tom" "$body"
  results=$(jq -r '[.results[].result] | join(",")' <<<"$RESPONSE_BODY" 2>/dev/null)
  check "the offline batch (item, part request, time entry) is applied on sync: $results" \
    [ "$RESPONSE_STATUS" == 200 -a "$results" == "applied,applied,applied" ]

  call_json GET "$job/inspection" "$tom" ""
  call_json POST "$job/inspection/complete" "$tom" "{\"baseVersion\": $(json_get .version <<<"$RESPONSE_BODY")}"
  check "tom.tech completes the inspection -> 200 (got $RESPONSE_STATUS)" [ "$RESPONSE_STATUS" == 200 ]
  line=$(jq -r --arg red "$red" '.items[] | select(.id == $red) | .estimateLineId' <<<"$RESPONSE_BODY")
  check "the red tyre became a recommended line awaiting a price" [ -n "$line" -a "$line" != null ]

  call_json GET "$TECH_BFF_URL/api/v1/jobs/board?scope=garage" "$alice" ""
  check "alice.advisor's board shows job 1004 with its red item" \
    [ "$(jq -r --arg id "$BAY_JOB" '[.items[] | select(.id == $id) | .redItems] | first' <<<"$RESPONSE_BODY")" == 1 ]
  call_json GET "$job/part-requests" "$alice" ""
  check "alice.advisor sees the part request made offline" \
    grep -q "Front left tyre 205/55 R16" <<<"$RESPONSE_BODY"

  call_json PUT "$TECH_BFF_URL/api/v1/estimate-lines/$line/price" "$alice" '{"quantity": 1, "unitPriceMinor": 8900}' \
    "If-Match: \"0\""
  check "alice.advisor prices the tyre -> 200 (got $RESPONSE_STATUS)" [ "$RESPONSE_STATUS" == 200 ]
  call_json GET "$job/inspection" "$alice" ""
  call_json POST "$job/inspection/publish" "$alice" "{\"baseVersion\": $(json_get .version <<<"$RESPONSE_BODY")}"
  check "alice.advisor publishes the inspection -> 200 (got $RESPONSE_STATUS)" [ "$RESPONSE_STATUS" == 200 ]
}

# What alice's and carl's apps received on their live channels during the walk.
bay_heard_live() {
  local heard=$1 events
  events=$(jq -r --arg job "$BAY_JOB" 'select(.type == "event" and .jobId == $job) | .event' "$heard/alice" 2>/dev/null \
    | sort -u | tr '\n' ' ')
  check "alice.advisor's app heard live: the clock, the red item, the offline part request, the publication" \
    grep -q "job.clock-started .*job.inspection-item-updated .*job.inspection-published .*job.part-requested" <<<"$events"
  events=$(jq -r --arg job "$BAY_JOB" 'select(.type == "event" and .jobId == $job) | .event' "$heard/carl" 2>/dev/null \
    | sort -u | tr '\n' ' ')
  check "carl.customer's app heard live that the inspection was published, and nothing of the workshop's ($events)" \
    [ "$(grep -c 'job.inspection-published' <<<"$events")" == 1 -a "$(grep -c 'clock\|inspection-item\|part-requested' <<<"$events")" == 0 ]
}

# The customer sees the published inspection's visible items and the photo's bytes; another customer nothing.
bay_customer_sees() {
  local carl=$1 cora=$2 media url
  local inspection="$CUSTOMER_BFF_URL/api/v1/jobs/$BAY_JOB/inspection"
  call_json GET "$inspection" "$carl" ""
  if [[ $RESPONSE_STATUS != 200 ]]; then
    fail "carl.customer reads the published inspection of job 1004" "expected HTTP 200, got $RESPONSE_STATUS $(short_body)"
    return 0
  fi
  check "carl.customer sees the red front left tyre with its tread" \
    [ "$(jq -r '.items[] | select(.label == "Front left tyre") | "\(.condition) \(.measurements[0].value)"' \
      <<<"$RESPONSE_BODY")" == "RED 1.2" ]
  check "carl.customer does not see the internal workshop checks" \
    [ "$(jq '[.items[] | select(.label == "Workshop checks")] | length' <<<"$RESPONSE_BODY")" == 0 ]
  media=$(jq -r '.items[] | select(.label == "Front left tyre") | .media[0].id // empty' <<<"$RESPONSE_BODY")
  check "the red tyre carries its photo" [ -n "$media" ]
  [[ -n $media ]] || return 0
  call_json GET "$CUSTOMER_BFF_URL/api/v1/media/$media/links" "$carl" ""
  url=$(json_get .url <<<"$RESPONSE_BODY")
  if [[ -n ${BAY_PHOTO_SHA:-} ]]; then
    check "the photo's signed URL gives carl.customer the bytes tom.tech uploaded" \
      [ "$(curl -s --max-time 20 "$url" | sha256sum | cut -c1-64)" == "$BAY_PHOTO_SHA" ]
  else
    check "the photo's signed URL gives carl.customer a PNG" \
      [ "$(curl -s --max-time 20 "$url" | head -c 4 | tail -c 3)" == PNG ]
  fi
  expect_status "cora.customer reads carl's inspection" "$inspection" "$cora" 404
  expect_status "cora.customer reads carl's photo" "$CUSTOMER_BFF_URL/api/v1/media/$media/links" "$cora" 404
}
