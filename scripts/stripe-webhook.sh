#!/usr/bin/env bash
# Sends the customer BFF a Stripe webhook event about a payment intent, signed like Stripe signs them
# (Stripe-Signature: t=<now>,v1=<HMAC-SHA256 of "t.body">) with the local stack's test secret, so the
# whole payment flow runs locally against the Stripe stub. See docs/payments.md.
#
#   scripts/stripe-webhook.sh <event-type> <payment-intent-id> [payment-id] [--print]
#
#   event types: payment_intent.succeeded, payment_intent.amount_capturable_updated (a held deposit),
#                payment_intent.payment_failed, payment_intent.requires_action, payment_intent.processing,
#                payment_intent.canceled, checkout.session.completed (pay by link: the id is the intent it paid)
#   --print      prints the signature header and the body instead of sending them
set -euo pipefail

LOG_PREFIX="stripe-webhook"
# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

[[ $# -ge 2 ]] || { usage; exit 2; }
TYPE=$1
INTENT=$2
PAYMENT=${3:-}
PRINT=0
[[ ${4:-} == --print || ${3:-} == --print ]] && PRINT=1
[[ $PAYMENT == --print ]] && PAYMENT=""
[[ $INTENT =~ ^pi_[A-Za-z0-9_-]+$ ]] || die "the intent id must look like pi_…: $INTENT"
[[ -z $PAYMENT || $PAYMENT =~ ^[0-9a-f-]{36}$ ]] || die "the payment id must be a UUID: $PAYMENT"

case $TYPE in
  payment_intent.succeeded) STATUS=succeeded ;;
  payment_intent.amount_capturable_updated) STATUS=requires_capture ;;
  payment_intent.payment_failed) STATUS=requires_payment_method ;;
  payment_intent.requires_action) STATUS=requires_action ;;
  payment_intent.processing) STATUS=processing ;;
  payment_intent.canceled) STATUS=canceled ;;
  checkout.session.completed) STATUS="" ;;
  *) die "unknown event type: $TYPE" ;;
esac

NOW=$(date +%s)
EVENT_ID="evt_local_$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
METADATA="{}"
[[ -n $PAYMENT ]] && METADATA="{\"payment_id\":\"$PAYMENT\"}"
if [[ $TYPE == checkout.session.completed ]]; then
  OBJECT="{\"id\":\"cs_test_local\",\"object\":\"checkout.session\",\"payment_intent\":\"$INTENT\",\"payment_status\":\"paid\",\"metadata\":$METADATA}"
else
  ERROR=null
  [[ $TYPE == payment_intent.payment_failed ]] \
    && ERROR='{"type":"card_error","code":"card_declined","message":"Your card was declined."}'
  OBJECT="{\"id\":\"$INTENT\",\"object\":\"payment_intent\",\"status\":\"$STATUS\",\"last_payment_error\":$ERROR,\"metadata\":$METADATA}"
fi
BODY="{\"id\":\"$EVENT_ID\",\"object\":\"event\",\"type\":\"$TYPE\",\"created\":$NOW,\"livemode\":false,\"data\":{\"object\":$OBJECT}}"
SIGNATURE=$(printf '%s.%s' "$NOW" "$BODY" | openssl dgst -sha256 -hmac "$STRIPE_WEBHOOK_SECRET" -r | cut -d' ' -f1)
HEADER="t=$NOW,v1=$SIGNATURE"

if [[ $PRINT == 1 ]]; then
  printf 'Stripe-Signature: %s\n%s\n' "$HEADER" "$BODY"
  exit 0
fi
log "sending $TYPE ($EVENT_ID) for $INTENT to $CUSTOMER_BFF_URL/webhooks/payments/stripe"
curl -sS --fail-with-body -X POST "$CUSTOMER_BFF_URL/webhooks/payments/stripe" \
  -H "Content-Type: application/json" -H "Stripe-Signature: $HEADER" --data-binary "$BODY"
echo
