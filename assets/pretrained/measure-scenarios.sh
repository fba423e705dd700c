#!/usr/bin/env bash
# Measures the four transfer-learning scenarios on the command line: each trains the same network on
# the same stratified sample of the bundled digits 5–9 from scratch and from a shipped pretrained
# network (set up as the lecture says), then tests both on MNIST's t10k digits 5–9 (held out:
# evaluation only, never trained or tuned on). Run from the project folder after
# `mvn -B package -DskipTests`; prints one line per run. OUT (default /tmp/transfer-scenarios) keeps
# the models and logs.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=target/cnn-playground.jar
P=assets/pretrained
T10K=${T10K:-../shared/datasets/mnist-t10k}
OUT=${OUT:-/tmp/transfer-scenarios}
mkdir -p "$OUT"

# scenario  network-for-transfer  network-from-scratch  pretrained  limit  epochs  batch  lr (as TransferScenario)
while read -r name transfer scratch pretrained limit epochs batch lr; do
  limitArgs=()
  [[ $limit != all ]] && limitArgs=(--train-limit "$limit")
  for run in scratch transfer; do
    if [[ $run == scratch ]]; then
      java -jar "$JAR" train "$P/$scratch" --data datasets/digits --classes 5-9 "${limitArgs[@]}" \
        --epochs "$epochs" --batch-size "$batch" --lr "$lr" --seed 42 --out "$OUT/$name-$run.cnnmodel" 2> "$OUT/$name-$run.log"
    else
      java -jar "$JAR" train "$P/$transfer" --resume "$P/$pretrained" --data datasets/digits --classes 5-9 \
        "${limitArgs[@]}" --epochs "$epochs" --batch-size "$batch" --lr "$lr" --seed 42 --out "$OUT/$name-$run.cnnmodel" 2> "$OUT/$name-$run.log"
    fi
    acc=$(java -jar "$JAR" evaluate "$OUT/$name-$run.cnnmodel" --data "$T10K" --classes 5-9 --json 2>/dev/null \
      | python3 -c 'import json,sys; d=json.load(sys.stdin); print("%.1f%% of %d" % (100*d["accuracy"], d["n"]))')
    val=$(grep -o 'best validation accuracy [0-9.]*%' "$OUT/$name-$run.log" | tail -1)
    secs=$(grep -o 'trained in [0-9.]* s' "$OUT/$name-$run.log" | tail -1)
    echo "$name $run: t10k 5–9 $acc; $val; $secs"
  done
done <<'SCENARIOS'
small-similar scenario-small-similar.json lenet5-5classes.json lenet5-digits0-4.cnnmodel 200 10 16 0.01
small-different scenario-small-different.json lenet5-features-5classes.json lenet5-fashion.cnnmodel 200 10 16 0.01
large-similar lenet5-5classes.json lenet5-5classes.json lenet5-digits0-4.cnnmodel all 2 64 0.001
large-different lenet5-5classes.json lenet5-5classes.json lenet5-fashion.cnnmodel all 2 64 0.001
SCENARIOS
