#!/usr/bin/env bash
# libFuzzer targets for Lathe (FUZZING.md says what each checks and what they have found).
#   scripts/fuzz.sh build                  build the targets with -sanitize=fuzzer,address
#   scripts/fuzz.sh run TARGET SECONDS     fuzz one target (reader, decoder, pipeline), seeded from the
#                                          fixtures, specs/ and ../shared/corpus when it is there
#   scripts/fuzz.sh regress                run every target once over its regression inputs (CI)
# An input that crashes, leaks or times out is written to Fuzz/Regressions/TARGET/; keep it there
# once the bug is fixed, and `regress` runs it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-fuzz
targets=(reader decoder pipeline)
# Each input gets 10 s and 2 GiB; a larger one is a bug of its own (a hang, or memory out of budget).
limits=(-timeout=10 -rss_limit_mb=2048 -max_len=65536 -dict=Fuzz/openapi.dict)

build() {
  swift build --package-path Fuzz --scratch-path "$scratch" -c release \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld >&2
}

seeds() {
  local into=$1
  mkdir -p "$into"
  find Tests/Fixtures Tests/LatheGoldenTests/Snippets specs Fuzz/Specs -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) \
    -exec cp {} "$into"/ \;
  if [ -d ../shared/corpus ]; then cp ../shared/corpus/*.{yaml,yml,json} "$into"/ 2>/dev/null || true; fi
}

case "${1:-}" in
  build)
    build
    ;;
  run)
    target=${2:?target: reader, decoder or pipeline}
    seconds=${3:?seconds}
    build
    work=".build-fuzz/corpus/$target"
    [ -d "$work" ] || seeds "$work"
    mkdir -p "Fuzz/Regressions/$target"
    "$scratch/release/fuzz-$target" "${limits[@]}" -max_total_time="$seconds" -print_final_stats=1 \
      -artifact_prefix="Fuzz/Regressions/$target/" "$work" "Fuzz/Regressions/$target"
    ;;
  regress)
    build
    for target in "${targets[@]}"; do
      inputs=("Fuzz/Regressions/$target"/*)
      echo "fuzz: $target over ${#inputs[@]} regression inputs"
      # -runs=0 with files: each is run once; any crash, leak or timeout fails.
      "$scratch/release/fuzz-$target" "${limits[@]}" -runs=0 "${inputs[@]}" 2>&1 | tail -3
      [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "fuzz: $target failed on a regression input" >&2; exit 1; }
    done
    ;;
  *)
    sed -n '2,8p' "$0" >&2
    exit 2
    ;;
esac
