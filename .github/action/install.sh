#!/usr/bin/env bash
# The action's install step: puts a hedgerow binary in HEDGEROW_BIN_DIR and that folder on PATH.
# From HEDGEROW_RELEASE_URL (a `make dist` tarball, checked against HEDGEROW_RELEASE_SHA256 when
# given), else from the cache the previous step restored, else built from the action's own
# source (HEDGEROW_SOURCE) with the Swift toolchain on the runner.
set -euo pipefail
bin_dir=${HEDGEROW_BIN_DIR:?HEDGEROW_BIN_DIR is not set}
tmp=$(mktemp -d "${RUNNER_TEMP:-/tmp}/hedgerow-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# PCRE2 and libarchive are the libraries hedgerow links against: the runtimes for a release
# binary, the headers as well for a build. Installed only when missing, so self-hosted runners without
# apt-get work when they already have it.
need_pcre2() {
  local package=$1 present=$2
  if eval "$present"; then return 0; fi
  if ! command -v apt-get >/dev/null; then
    echo "::error::hedgerow needs $package and this runner has no apt-get: install it first." >&2
    exit 2
  fi
  as_root apt-get update -qq && as_root apt-get install -y -qq "$package" >/dev/null
}

mkdir -p "$bin_dir"
if [ -n "${HEDGEROW_RELEASE_URL:-}" ]; then
  need_pcre2 libpcre2-8-0 'ldconfig -p | grep -q "libpcre2-8\.so\.0"'
  need_pcre2 libarchive13 'ldconfig -p | grep -q "libarchive\.so\.13"'
  need_pcre2 libxml2 'ldconfig -p | grep -q "libxml2\.so\.2"'
  curl --fail --silent --show-error --location --retry 3 -o "$tmp/hedgerow.tar.gz" "$HEDGEROW_RELEASE_URL"
  if [ -n "${HEDGEROW_RELEASE_SHA256:-}" ]; then
    echo "${HEDGEROW_RELEASE_SHA256}  $tmp/hedgerow.tar.gz" | sha256sum --check --quiet - || {
      echo "::error::the hedgerow tarball does not match release-sha256" >&2; exit 2; }
  else
    echo "::warning::release-url given without release-sha256: the download is not verified" >&2
  fi
  tar -xzf "$tmp/hedgerow.tar.gz" -C "$tmp" --strip-components=1
  install -m 755 "$tmp/bin/hedgerow" "$bin_dir/hedgerow"
elif [ "${HEDGEROW_CACHED:-}" = true ] && [ -x "$bin_dir/hedgerow" ]; then
  need_pcre2 libpcre2-8-0 'ldconfig -p | grep -q "libpcre2-8\.so\.0"'
  need_pcre2 libarchive13 'ldconfig -p | grep -q "libarchive\.so\.13"'
  need_pcre2 libxml2 'ldconfig -p | grep -q "libxml2\.so\.2"'
else
  need_pcre2 libpcre2-dev '[ -f /usr/include/pcre2.h ]'
  need_pcre2 libarchive-dev '[ -f /usr/include/archive.h ]'
  command -v swift >/dev/null || {
    echo "::error::building hedgerow needs a Swift 6 toolchain on the runner; or give release-url" >&2; exit 2; }
  source_dir=${HEDGEROW_SOURCE:?HEDGEROW_SOURCE is not set}
  # An action is fetched without .git, so `--version` names the action's ref instead of a
  # commit (made safe for the generated source: a branch may hold a slash).
  if [ -n "${HEDGEROW_ACTION_REF:-}" ] && [ -z "${HEDGEROW_COMMIT:-}" ]; then
    HEDGEROW_COMMIT=$(printf '%s' "$HEDGEROW_ACTION_REF" | tr -c 'A-Za-z0-9._+-' '-')
    export HEDGEROW_COMMIT
  fi
  # The Swift runtime linked in, as in the release tarball, so the cached binary needs
  # nothing but glibc and PCRE2 whatever toolchain a later run has.
  swift build -c release --static-swift-stdlib --product hedgerow \
    --package-path "$source_dir" --scratch-path "$tmp/build"
  install -m 755 "$tmp/build/release/hedgerow" "$bin_dir/hedgerow"
fi

"$bin_dir/hedgerow" --version
if [ -n "${GITHUB_PATH:-}" ]; then echo "$bin_dir" >> "$GITHUB_PATH"; fi
