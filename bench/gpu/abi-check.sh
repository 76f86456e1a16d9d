#!/usr/bin/env bash
# libtorch ABI check: the symbols libLibTorchSharp.so (TorchSharp's native shim) imports that the libtorch it will be
# loaded with does not define. Expected: none. A missing symbol means TorchSharp was built against another libtorch
# and the first call into it fails at load time (or later, lazily).
#   bash bench/gpu/abi-check.sh [SHIM] [LIBDIR] [REPORT]
# SHIM    libLibTorchSharp.so (default: the one under .device/app, else the TorchSharp NuGet package's)
# LIBDIR  the libtorch folder (default: $G2RL_LIBTORCH, else PyTorch's torch/lib from python3, else the
#         libtorch-cpu-linux-x64 NuGet package's native folder)
# REPORT  text report (default: stdout only)
# Defined = the dynamic symbols of every shared library in LIBDIR plus the system libraries the shim names as NEEDED
# (libstdc++, libc, libm, ...; found with ldconfig). Only strong undefined symbols (nm type U) count; weak ones (w) may
# be absent. Symbols versioned for the C/C++ runtime (GLIBC_, GLIBCXX_, CXXABI_, GCC_) that the system lacks are listed
# apart and do not fail the check. Exit status: 0 none missing from libtorch, 1 some missing, 2 bad input.
set -euo pipefail
nuget=${NUGET_PACKAGES:-$HOME/.nuget/packages}
shim=${1:-}
if [[ -z "$shim" ]]; then
  shim=$(find .device/app -name libLibTorchSharp.so 2>/dev/null | head -n 1 || true)
  [[ -n "$shim" ]] || shim=$(find "$nuget/torchsharp" -name libLibTorchSharp.so 2>/dev/null | sort | tail -n 1 || true)
fi
libdir=${2:-${G2RL_LIBTORCH:-}}
if [[ -z "$libdir" ]]; then
  libdir=$(python3 -c 'import torch, os; print(os.path.join(os.path.dirname(torch.__file__), "lib"))' 2>/dev/null || true)
  [[ -n "$libdir" ]] || libdir=$(find "$nuget/libtorch-cpu-linux-x64" -type d -name native 2>/dev/null | sort | tail -n 1 || true)
fi
report=${3:-/dev/null}
[[ -f "$shim" ]] || { echo "abi-check: shim not found: '$shim'" >&2; exit 2; }
[[ -d "$libdir" ]] || { echo "abi-check: libtorch folder not found: '$libdir'" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

nm -D --undefined-only "$shim" | awk '$1 == "U" { v = ""; i = index($2, "@"); if (i) { v = substr($2, i); sub(/^@+/, "", v) } n = $2; sub(/@.*/, "", n); print n, v }' | sort -u > "$tmp/imports-versioned"
cut -d' ' -f1 "$tmp/imports-versioned" | sort -u > "$tmp/imports"
: > "$tmp/defined"
libs=()
for f in "$libdir"/*.so*; do
  [[ -f "$f" ]] && libs+=("$f")
done
missing_needed=()
while read -r needed; do
  if [[ -f "$libdir/$needed" ]]; then
    continue
  fi
  path=$(ldconfig -p 2>/dev/null | awk -v n="$needed" '$1 == n && /x86-64/ && !found { print $NF; found = 1 }' || true)
  if [[ -n "$path" && -f "$path" ]]; then
    libs+=("$path")
  else
    missing_needed+=("$needed")
  fi
done < <(readelf -d "$shim" | sed -n 's/.*(NEEDED).*\[\(.*\)\].*/\1/p')
for f in "${libs[@]}"; do
  nm -D --defined-only "$f" 2>/dev/null | awk 'NF >= 3 { sub(/@.*/, "", $3); print $3 }' >> "$tmp/defined"
done
sort -u -o "$tmp/defined" "$tmp/defined"
comm -23 "$tmp/imports" "$tmp/defined" > "$tmp/missing-all"
# Split: symbols versioned for the C/C++ runtime (GLIBC_, GLIBCXX_, CXXABI_, GCC_) are the system's business (TorchRuntime
# loads a patched shim when libstdc++ is too old); everything else must come from libtorch.
awk 'NR == FNR { want[$1] = 1; next } ($1 in want) { print }' "$tmp/missing-all" "$tmp/imports-versioned" > "$tmp/missing-versioned"
awk '$2 !~ /^(GLIBC|GLIBCXX|CXXABI|GCC)_/ { print $1 }' "$tmp/missing-versioned" | sort -u > "$tmp/missing"
awk '$2 ~ /^(GLIBC|GLIBCXX|CXXABI|GCC)_/ { print $1 " (" $2 ")" }' "$tmp/missing-versioned" | sort -u > "$tmp/missing-system"
n=$(wc -l < "$tmp/missing")
{
  echo "shim:     $shim"
  echo "libtorch: $libdir ($(ls "$libdir"/*.so* 2>/dev/null | wc -l) shared libraries)"
  echo "imports:  $(wc -l < "$tmp/imports") strong undefined symbols"
  if ((${#missing_needed[@]})); then
    echo "NEEDED libraries not found: ${missing_needed[*]}"
  fi
  if [[ -s "$tmp/missing-system" ]]; then
    echo "not defined by this system's C/C++ runtime (not a libtorch mismatch; see docs/runtime.md on the patched shim):"
    if command -v c++filt >/dev/null; then c++filt < "$tmp/missing-system" | sed 's/^/  /'; else sed 's/^/  /' "$tmp/missing-system"; fi
  fi
  echo "missing from libtorch: $n"
  if ((n > 0)); then
    if command -v c++filt >/dev/null; then c++filt < "$tmp/missing" | sed 's/^/  /'; else sed 's/^/  /' "$tmp/missing"; fi
  fi
} | tee "$report"
((n == 0 && ${#missing_needed[@]} == 0))
