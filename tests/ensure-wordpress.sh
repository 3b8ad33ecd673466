#!/usr/bin/env sh
# The WordPress test (tests/e2e/wordpress.test.ts) runs WordPress's own wp-embed.js, the script
# every WordPress page uses to size and reveal embedded frames. It is GPL code we do not ship:
# this copies it out of Debian's `wordpress` package into node_modules/.cache/ (never
# committed). WP_EMBED_JS may name a copy instead.
set -eu
target="node_modules/.cache/wordpress/wp-embed.js"
if [ -n "${WP_EMBED_JS:-}" ] && [ -f "$WP_EMBED_JS" ]; then exit 0; fi
if [ -f "$target" ]; then exit 0; fi
mkdir -p "$(dirname "$target")"

installed="/usr/share/wordpress/wp-includes/js/wp-embed.js"
if [ -f "$installed" ]; then
  cp "$installed" "$target"
  exit 0
fi

if command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  # `apt-get download` needs no root, only package lists; as root on a fresh machine, fetch them.
  if ! (cd "$work" && apt-get download -qq wordpress >/dev/null 2>&1); then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq
      (cd "$work" && apt-get download -qq wordpress >/dev/null 2>&1)
    fi
  fi
  deb=$(ls "$work"/wordpress_*.deb 2>/dev/null | head -1)
  if [ -n "$deb" ]; then
    dpkg -x "$deb" "$work/x"
    cp "$work/x/usr/share/wordpress/wp-includes/js/wp-embed.js" "$target"
    echo "wp-embed.js from $(basename "$deb")"
    exit 0
  fi
fi
echo "✘ ERROR: no wp-embed.js for the WordPress test. On Debian: apt-get download wordpress (as root: apt-get update first), or set WP_EMBED_JS to a copy of wp-includes/js/wp-embed.js." >&2
exit 1
