#!/usr/bin/env bash
# Makes the pretrained networks the transfer-learning scenarios start from, with the project's own
# trainer (java -jar target/cnn-playground.jar train). Each file's metadata keeps the command that
# made it (dataset description), the epochs, seed and settings (training), and the best validation
# accuracy. Run from the project folder after `mvn -B package -DskipTests`:
#
#   assets/pretrained/make-pretrained.sh            # both
#   assets/pretrained/make-pretrained.sh digits     # only the digits 0–4 network
#   assets/pretrained/make-pretrained.sh fashion    # only the Fashion-MNIST network
#
# Never trains on ../shared/datasets/mnist-t10k (held out for evaluation only).
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=target/cnn-playground.jar
OUT=assets/pretrained
FASHION=${FASHION_MNIST:-/usr/share/datasets/fashion-mnist}
which=${1:-all}

if [[ $which == all || $which == digits ]]; then
  # similar domain: the bundled digits' classes 0–4 (5,131 images), the new task being 5–9
  java -jar "$JAR" train "$OUT/lenet5-5classes.json" --data datasets/digits --classes 0-4 \
    --epochs 5 --seed 42 --out "$OUT/lenet5-digits0-4.cnnmodel"
fi
if [[ $which == all || $which == fashion ]]; then
  # different domain: 15,000 of Fashion-MNIST's 60,000 training clothes (1,500 a class), 3 epochs
  if [[ ! -d $FASHION ]]; then
    echo "Fashion-MNIST is not at $FASHION: sudo apt-get install dataset-fashion-mnist" >&2
    exit 2
  fi
  java -jar "$JAR" train assets/models/lenet5.json --data "$FASHION" --train-limit 15000 \
    --epochs 3 --seed 42 --out "$OUT/lenet5-fashion.cnnmodel"
fi
