#!/usr/bin/env bash
# The pull request's sticky comment for one machine kind (.github/workflows/bench.yml, job compare):
#   bash scripts/workflow-comment.sh report.md
# posts report.md as a comment that starts with the marker <!-- bench-arena:compare:<KIND> -->, or,
# when github-actions[bot] already posted one with that marker on this pull request, edits it: one
# comment per machine kind, updated on each push.
# Environment: KIND (x86-64, arm64), PR_NUMBER, GITHUB_REPOSITORY (owner/name), GH_TOKEN (the job's
# token, with pull-requests: write) and HEAD_REPO (the pull request's head repository).
# It never fails the job: without a token, from a fork (whose token is read-only), without gh, or
# when the API refuses, it says why it cannot comment and exits 0 — the job summary has the table.
set -uo pipefail

body=${1:?usage: workflow-comment.sh <report.md>}
kind=${KIND:-}
repo=${GITHUB_REPOSITORY:-}
pr=${PR_NUMBER:-}
cannot() {
  printf '::notice title=PR comment (%s)::cannot comment: %s; the table is in the job summary\n' "${kind:-?}" "$*"
  exit 0
}

[[ -s "$body" ]] || cannot "$body is missing or empty"
[[ "$kind" =~ ^[a-z0-9][a-z0-9-]*$ ]] || cannot "KIND \"$kind\" is not a machine kind (lower case, digits, -)"
[[ "$pr" =~ ^[0-9]+$ ]] || cannot "PR_NUMBER \"$pr\" is not a pull request number"
[[ "$repo" =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]] || cannot "GITHUB_REPOSITORY \"$repo\" is not owner/name"
[[ -z "${HEAD_REPO:-}" || "$HEAD_REPO" == "$repo" ]] || cannot "the pull request comes from the fork $HEAD_REPO, whose token is read-only"
[[ -n "${GH_TOKEN:-}" ]] || cannot "no GH_TOKEN"
command -v gh >/dev/null || cannot "the GitHub CLI (gh) is not installed"

marker="<!-- bench-arena:compare:$kind -->"
text=$(mktemp)
trap 'rm -f "$text"' EXIT
{
  printf '%s\n' "$marker"
  # GitHub refuses comments over 65536 characters; the whole table stays in the job summary.
  head -c 60000 "$body"
  (($(wc -c <"$body") > 60000)) && printf '\n\n… cut here: the job summary has the whole table.\n'
} >"$text"

# $kind is checked above, so the marker is safe inside the jq string.
if ! ids=$(gh api --paginate "repos/$repo/issues/$pr/comments" \
  --jq ".[] | select(.user.login == \"github-actions[bot]\" and (.body | startswith(\"$marker\"))) | .id"); then
  cannot "listing the comments of #$pr failed"
fi
id=${ids%%$'\n'*}
if [[ -n "$id" ]]; then
  gh api --method PATCH "repos/$repo/issues/comments/$id" -F "body=@$text" >/dev/null || cannot "updating comment $id failed"
  echo "updated the $kind comment on #$pr (comment $id)"
else
  gh api --method POST "repos/$repo/issues/$pr/comments" -F "body=@$text" >/dev/null || cannot "posting to #$pr failed"
  echo "posted the $kind comment on #$pr"
fi
