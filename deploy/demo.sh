#!/usr/bin/env bash
# deploy/demo.sh: the morning after a synthetic night, walked with the `masip` client.
# `deploy/masip up` runs it once the five services are ready; it can also be run by hand
# against running services (endpoints from MASIP_POLICE_URL etc., default 127.0.0.1:5101..5105).
#
#   1. a night of synthetic crime reports (masip demo night) is imported by the STAC officer
#   2. three s4A reports are reviewed and tiered; the Tier 3 suspect is nominated to
#      Operation Griffin and the meeting chair accepts the nomination
#   3. the victim of the Tier 3 case is referred to advocacy; the advocate accepts
#   4. the chair schedules the DMM and generates its agenda; the agenda as the chair and as
#      the advocate see it (when the client offers `masip meetings`), else the review queue as the officer sees it and the
#      advocacy referrals as the advocate sees them
#
# Knobs: MASIP_DEMO_SEED (default: a new seed each run, so each run brings a new night),
#        MASIP_DEMO_NOMINALS=N (default 0): first create N synthetic Griffin nominals
#          (London keeps about 300; each is an import, a Tier 3 review, a nomination and an acceptance),
#        MASIP_CLI (a command that runs the client; default: the built masip.dll).
# Exit 0 when the walk completed; 1 with a message naming the step that failed.
set -uo pipefail

REPO="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)"
SEED="${MASIP_DEMO_SEED:-$(( $(date +%s) % 100000 ))}"
TODAY="$(date -u +%Y-%m-%d)"
WORK="$REPO/.masip/demo"
mkdir -p "$WORK"

say()  { printf '\n\033[1m== %s\033[0m\n' "$*"; }
fail() { printf 'demo: %s\n' "$*" >&2; exit 1; }

if [[ -n "${MASIP_CLI:-}" ]]; then
  read -r -a CLI <<<"$MASIP_CLI"
else
  dll=""
  for c in Release Debug; do
    [[ -f "$REPO/services/Masip.Cli/bin/$c/net10.0/masip.dll" ]] && { dll="$REPO/services/Masip.Cli/bin/$c/net10.0/masip.dll"; break; }
  done
  if [[ -z "$dll" ]]; then
    dotnet build "$REPO/services/Masip.Cli" -c Release -v q -nologo >/dev/null || fail "could not build services/Masip.Cli"
    dll="$REPO/services/Masip.Cli/bin/Release/net10.0/masip.dll"
  fi
  CLI=(dotnet "$dll")
fi
command -v jq >/dev/null 2>&1 || fail "jq is needed to pick cases from the client's --json output (apt-get install jq)"

masip() { "${CLI[@]}" "$@"; }
# run STEP-DESCRIPTION ARGS...: runs the client, fails the demo with the client's message
run() { local what="$1"; shift; masip "$@" || fail "$what failed (masip $*)"; }
json() { local what="$1" out; shift; out="$(masip "$@" --json)" || fail "$what failed (masip $* --json)"; printf '%s' "$out"; }

if (( ${MASIP_DEMO_NOMINALS:-0} > 0 )); then
  say "Operation Griffin's standing nominals: ${MASIP_DEMO_NOMINALS} synthetic nominals"
  run "creating the Griffin nominals" demo nominals --count "$MASIP_DEMO_NOMINALS" --seed "$SEED" | tail -n 1
fi

night="$WORK/night-$TODAY-$SEED.jsonl"
say "A night of synthetic crime reports (seed $SEED) arrives; the STAC officer imports it"
run "generating the night" demo night --seed "$SEED" --date "$TODAY" --out "$night"
run "importing the night" police import "$night"

prefix="DEMO-${TODAY//-/}-$SEED-"
queue="$(json "reading the review queue" police queue --offence s4A --from "$TODAY" --to "$TODAY" --limit 500)"
mapfile -t identified < <(jq -r --arg p "$prefix" '.items[] | select(.crime_reference | startswith($p)) | select(.perpetrator_id != "") | select((.suspect_known_reasons | length) == 0) | .case_id' <<<"$queue")
mapfile -t tonight < <(jq -r --arg p "$prefix" '.items[] | select(.crime_reference | startswith($p)) | .case_id' <<<"$queue")
((${#identified[@]} >= 1 && ${#tonight[@]} >= 3)) || fail "tonight's queue has too few s4A reports to walk the morning (seed $SEED)"
tier3="${identified[0]}"
others=()
for c in "${tonight[@]}"; do [[ "$c" != "$tier3" ]] && others+=("$c"); done

say "The STAC officer reviews three s4A reports"
run "the Tier 3 review" police review "$tier3" --tier 3 --risk high --four fixated,obsessive,unwanted,repeated \
  --rationale "Synthetic: threats to kill, escalating over four weeks" --advice "Arrest; consider an interim SPO" >/dev/null
run "a Tier 2 review" police review "${others[0]}" --tier 2 --risk medium --four fixated,unwanted,repeated \
  --rationale "Synthetic: persistent contact, no threats" >/dev/null
run "a Tier 1 review" police review "${others[1]}" --tier 1 --risk standard --four unwanted,repeated \
  --rationale "Synthetic: contact stopped after police warning" >/dev/null
run "showing the Tier 3 case" police case "$tier3"

say "The Tier 3 suspect is nominated to Operation Griffin; the meeting chair accepts"
nominal="$(json "the nomination" police nominate "$tier3" --criteria "high harm,escalating" --rationale "Synthetic: escalating threats")"
nominal_id="$(jq -r .nominal_id <<<"$nominal")"
run "the chair's decision" police decide "$nominal_id" --decision accept --reason "Synthetic: meets the Griffin criteria"

say "The officer refers the Tier 3 victim to advocacy"
referral="$(json "the victim referral" police refer-victim "$tier3" --reason "Synthetic: high risk, victim wants support")"
referral_id="$(jq -r .referral_id <<<"$referral")"
printf 'referral %s sent\n' "$referral_id"

arrived=""
for _ in $(seq 1 40); do
  if masip advocacy referrals --status pending --json 2>/dev/null | jq -e --arg id "$referral_id" '.referrals[] | select(.referral_id == $id)' >/dev/null; then
    arrived=1; break
  fi
  sleep 0.5
done
[[ -n "$arrived" ]] || fail "the referral $referral_id did not reach the advocacy service within 20 s (RabbitMQ?)"

say "The advocate accepts the referral"
run "accepting the referral" advocacy accept "$referral_id" --user advocate-01

if masip --help 2>/dev/null | grep -qE '^  meetings '; then
  # the DMM meets on working days: today, or the next working day at a weekend
  dmm="$TODAY"
  case "$(date -u +%u)" in 6) dmm="$(date -u -d '+2 days' +%Y-%m-%d)" ;; 7) dmm="$(date -u -d '+1 day' +%Y-%m-%d)" ;; esac
  tier3_ref="$(json "reading the Tier 3 case" police case "$tier3" | jq -r .crime_reference)"
  say "The meeting chair schedules the DMM of $dmm and generates its agenda"
  run "scheduling the DMM" meetings schedule --date "$dmm" >/dev/null
  on_agenda=""
  for _ in $(seq 1 40); do
    if masip meetings generate --date "$dmm" --json 2>/dev/null | jq -e --arg r "$tier3_ref" '.items[] | select(.crime_reference == $r)' >/dev/null; then
      on_agenda=1; break
    fi
    sleep 0.5
  done
  [[ -n "$on_agenda" ]] || fail "the Tier 3 case $tier3_ref did not reach the DMM agenda within 20 s"
  say "The DMM agenda as the chair sees it"
  run "the chair's agenda" meetings agenda --date "$dmm" --as police/meeting-chair
  say "The DMM agenda as the advocate sees it"
  run "the advocate's agenda" meetings agenda --date "$dmm" --as advocacy/advocate
else
  say "The review queue as the STAC officer sees it (s4A first; the meetings agenda is not in this build)"
  run "the officer's queue" police queue --from "$TODAY" --to "$TODAY" --limit 15
  say "The advocacy referrals as the advocate sees them"
  run "the advocate's referrals" advocacy referrals
fi

say "The night's statistics by month and borough, as CSV"
run "the statistics" stats --from "$TODAY" --to "$TODAY" --csv

cat <<EOF

Try the client yourself (development tokens; 'deploy/masip client --help' lists the commands):
  deploy/masip client police queue --offence s4A
  deploy/masip client advocacy referrals --status pending
  deploy/masip client audit who-saw case $tier3 --as police/auditor
EOF
