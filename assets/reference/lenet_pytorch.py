#!/usr/bin/env python3
"""Speed reference: the LeNet-5 preset trained in plain PyTorch on the same data and cores.

Run with Debian's python3-torch (apt-get install python3-torch):
    python3 assets/reference/lenet_pytorch.py --data datasets/digits --test ../shared/datasets/mnist-t10k

It mirrors `java -jar target/cnn-playground.jar train assets/models/lenet5.json --data datasets/digits`:
same network, Adam(lr=1e-3), batch 64, 10 epochs, 10 % stratified validation split, inputs
normalised with the training mean/std, 2 intra-op threads. Prints training images/s and wall time.
"""
import argparse
import gzip
import pathlib
import struct
import time

import numpy as np
import torch
from torch import nn


def read_idx(path):
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    rank = raw[3]
    dims = struct.unpack(">" + "I" * rank, raw[4:4 + 4 * rank])
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims)


def load(directory, prefix):
    d = pathlib.Path(directory)
    images = next(p for p in d.iterdir() if p.name.startswith(prefix) and "images-idx3" in p.name)
    labels = next(p for p in d.iterdir() if p.name.startswith(prefix) and "labels-idx1" in p.name)
    return read_idx(images), read_idx(labels)


def lenet5():
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(400, 120), nn.ReLU(),
        nn.Linear(120, 84), nn.ReLU(),
        nn.Linear(84, 10))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="datasets/digits")
    ap.add_argument("--test", default=None)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    x, y = load(args.data, "train")
    val = np.concatenate([rng.permutation(np.flatnonzero(y == c))[:round(0.1 * np.sum(y == c))] for c in range(10)])
    train = np.setdiff1d(np.arange(len(y)), val)
    xf = x.astype(np.float32) / 255.0
    mean, std = xf[train].mean(), xf[train].std()
    xt = torch.from_numpy((xf - mean) / std).unsqueeze(1)
    yt = torch.from_numpy(y.astype(np.int64))

    model = lenet5()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    start = time.perf_counter()
    seen = 0
    for epoch in range(1, args.epochs + 1):
        model.train()
        order = train[rng.permutation(len(train))]
        for i in range(0, len(order), args.batch_size):
            idx = torch.from_numpy(order[i:i + args.batch_size])
            opt.zero_grad()
            loss = loss_fn(model(xt[idx]), yt[idx])
            loss.backward()
            opt.step()
            seen += len(idx)
        model.eval()
        with torch.no_grad():
            acc = (model(xt[val]).argmax(1) == yt[val]).float().mean().item()
        print(f"epoch {epoch}: loss {loss.item():.4f} val acc {acc:.4f}", flush=True)
    wall = time.perf_counter() - start
    print(f"training: {seen / wall:.0f} images/s, wall {wall:.1f} s (epochs incl. validation)")
    if args.test:
        tx, ty = load(args.test, "t10k")
        txt = torch.from_numpy((tx.astype(np.float32) / 255.0 - mean) / std).unsqueeze(1)
        with torch.no_grad():
            acc = (model(txt).argmax(1) == torch.from_numpy(ty.astype(np.int64))).float().mean().item()
        print(f"test accuracy: {acc:.4f} on {len(ty)} images")


if __name__ == "__main__":
    main()
