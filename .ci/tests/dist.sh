#!/usr/bin/env bash
# The release tarball as a user gets it: checksum, unpacked into an empty folder, run with an
# empty environment on the bundled example; its binary needs nothing beyond glibc, the C++
# runtime and PCRE2; completions and manual pages are there. With PREFIX, checks that
# `make install PREFIX=...` installed the same files. usage: dist.sh TARBALL [PREFIX]
source "$(dirname "$0")/lib.sh"
TARBALL=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
PREFIX=${2:-}
echo "== dist ($(basename "$TARBALL"), $(du -h "$TARBALL" | cut -f1))"
version=$(cat "$ROOT/VERSION")
case "$(basename "$TARBALL")" in
  "hedgerow-$version-linux-$(uname -m).tar.gz") pass "named hedgerow-VERSION-linux-ARCH" ;;
  *) fail "unexpected name $(basename "$TARBALL")" ;;
esac
expect_exit 0 "checksum file verifies" -- sh -c "cd '$(dirname "$TARBALL")' && sha256sum -c '$(basename "$TARBALL").sha256'"

mkdir "$WORK/empty"
tar -xzf "$TARBALL" -C "$WORK/empty"
top=$WORK/empty/$(basename "$TARBALL" .tar.gz)
bin=$top/bin/hedgerow
[ -x "$bin" ] && pass "bin/hedgerow unpacked" || fail "no executable bin/hedgerow"

# env -i: no PATH, HOME or locale; the example is scanned by absolute path.
expect_exit 1 "env -i hedgerow scan on the bundled example finds things" -- \
  env -i HEDGEROW_FINGERPRINT_KEY=ci "$bin" scan "$top/share/doc/hedgerow/example"
expect_exit 1 "env -i without even a fingerprint key or HOME" -- \
  env -i "$bin" scan "$top/share/doc/hedgerow/example"
expect_exit 0 "env -i hedgerow --version" -- env -i "$bin" --version
contains "$WORK/last.out" "^$version (commit [0-9a-f]\{7,\}" "--version prints the VERSION file and a commit"

# What the dynamic loader must find: glibc's family, the C++ runtime if linked, PCRE2.
readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' > "$WORK/needed"
extra=$(grep -v -E '^(libc|libm|libdl|libpthread|librt|libutil|libresolv|ld-linux[-a-z0-9_]*|libstdc\+\+|libgcc_s|libpcre2-8|libarchive|libxml2)\.so(\.[0-9]+)*$' "$WORK/needed" || true)
if [ -z "$extra" ]; then pass "NEEDED only glibc, C++ runtime, PCRE2: $(tr '\n' ' ' < "$WORK/needed")"
else fail "unexpected NEEDED libraries: $extra"; fi
grep -q '^libpcre2-8\.so' "$WORK/needed" && pass "links libpcre2-8" || fail "libpcre2-8 not among NEEDED"
if ldd "$bin" | grep -q 'not found'; then fail "ldd: unresolved libraries"; else pass "ldd resolves every library"; fi
if ldd "$bin" | grep -q -i swift; then fail "ldd: the Swift runtime is linked dynamically"; else pass "no Swift runtime library needed"; fi

for f in share/bash-completion/completions/hedgerow share/zsh/site-functions/_hedgerow \
         share/fish/vendor_completions.d/hedgerow.fish share/man/man1/hedgerow.1 \
         share/doc/hedgerow/LICENSE share/doc/hedgerow/README.md; do
  [ -s "$top/$f" ] && pass "$f" || fail "$f missing or empty"
done
expect_exit 0 "bash completion parses" -- bash -n "$top/share/bash-completion/completions/hedgerow"
contains "$top/share/man/man1/hedgerow.1" '^\.Dt HEDGEROW 1' "manual page is a section 1 mdoc page"
[ -s "$top/share/man/man1/hedgerow.git.1" ] && pass "subcommand manual pages (hedgerow.git.1)" || fail "no hedgerow.git.1"

if [ -n "$PREFIX" ]; then
  (cd "$top" && find . -type f | sort) > "$WORK/tar.files"
  (cd "$PREFIX" && find . -type f | sort) > "$WORK/install.files"
  if diff -u "$WORK/tar.files" "$WORK/install.files" > "$WORK/files.diff"; then pass "make install put the tarball's files under PREFIX"
  else fail "make install differs from the tarball"; cat "$WORK/files.diff" >&2; fi
  cmp -s "$bin" "$PREFIX/bin/hedgerow" && pass "same binary" || fail "installed binary differs"
fi
finish "dist"
