# {{NAME}}, exported from CNN Playground with its trained weights.
# Beside this program: {{WEIGHTS_FILE}} (the weights, by layer, in PyTorch's layout; numpy.load reads it)
# and {{METADATA_FILE}} (class names, input normalisation, training settings).
# Runs with PyTorch 1.13 and newer, and numpy; nothing else.
#
#   python3 {{PROGRAM_FILE}} --evaluate DIR [--json] [--probabilities]  accuracy on an IDX folder
#       [--classes 3,8]                                                only those classes, relabelled from 0
#   python3 {{PROGRAM_FILE}} --predict IMAGE.png [--json]               the class of one image
#   python3 {{PROGRAM_FILE}} --train DIR --epochs N --out G.npz         goes on training from the weights
#
# --weights G.npz reads other weights (say, those --train wrote) instead of {{WEIGHTS_FILE}}.
import argparse
import gzip
import json
import math
import os
import struct
import sys
import zlib

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
WEIGHTS_FILE = os.path.join(HERE, {{WEIGHTS_FILE_LITERAL}})
METADATA_FILE = os.path.join(HERE, {{METADATA_FILE_LITERAL}})

{{MODEL}}
# True for a binary head, Dense(1, sigmoid): the model gives one logit, p = sigmoid(logit) is the second
# class's probability (1 - p the first's), and the loss is BCEWithLogitsLoss.
BINARY_HEAD = {{BINARY_HEAD}}


def probabilities_of(logits):
    """Each image's class probabilities, (N, classes)."""
    if BINARY_HEAD:
        p = torch.sigmoid(logits[:, 0])
        return torch.stack([1 - p, p], dim=1)
    return torch.softmax(logits, dim=1)


def predicted_of(logits):
    """Each image's most likely class; for a binary head the second from p >= 0.5 (logit >= 0) on."""
    if BINARY_HEAD:
        return (logits[:, 0] >= 0).long()
    return logits.argmax(dim=1)


def loss_of(logits, target):
    """The training loss: cross-entropy on the logits, binary from the one logit for a binary head."""
    if BINARY_HEAD:
        return nn.functional.binary_cross_entropy_with_logits(logits[:, 0], target.to(logits.dtype))
    return nn.functional.cross_entropy(logits, target)


# Each array of the weights file and the entry of model.state_dict() it fills.
STATE = {
{{STATE}}
}


def load_metadata():
    with open(METADATA_FILE, encoding="utf-8") as f:
        return json.load(f)


def load_weights(path):
    """Fills the model from a .npz of arrays named as in STATE."""
    try:
        arrays = np.load(path)
    except (OSError, ValueError) as e:
        sys.exit(f"error: {path}: cannot read the weights ({e})")
    missing = [name for name in STATE if name not in arrays.files]
    if missing:
        sys.exit(f"error: {path}: no array {missing[0]}; these weights belong to another network")
    state = {key: torch.from_numpy(np.asarray(arrays[name], dtype=np.float32)) for name, key in STATE.items()}
    result = model.load_state_dict(state, strict=False)
    left = [key for key in result.missing_keys if not key.endswith("num_batches_tracked")]
    if left or result.unexpected_keys:
        sys.exit(f"error: {path}: the weights do not fit the model (missing {left}, unexpected {result.unexpected_keys})")


def save_weights(path):
    """Writes the model's weights as a .npz in the same layout, whole or not at all."""
    state = model.state_dict()
    arrays = {name: state[key].detach().cpu().numpy().astype(np.float32) for name, key in STATE.items()}
    folder = os.path.dirname(os.path.abspath(path))
    temp = os.path.join(folder, "." + os.path.basename(path) + ".tmp")
    with open(temp, "wb") as f:
        np.savez(f, **arrays)
    os.replace(temp, path)


# ---- input: exactly what the app feeds its network ----

def normalise_bytes(pixels, meta):
    """uint8 images (N, H, W, C) to the network's input (N, C, H, W): (byte / 255 - mean) / std in float32."""
    norm = meta["normalization"]
    table = (np.arange(256, dtype=np.float32) / np.float32(255) - np.float32(norm["mean"])) / np.float32(norm["std"])
    return torch.from_numpy(np.ascontiguousarray(table[pixels].transpose(0, 3, 1, 2)))


def normalise_values(values, meta):
    """0..1 float32 images (N, H, W, C) to the network's input (N, C, H, W)."""
    norm = meta["normalization"]
    x = (values.astype(np.float32) - np.float32(norm["mean"])) / np.float32(norm["std"])
    return torch.from_numpy(np.ascontiguousarray(x.transpose(0, 3, 1, 2)))


def read_idx(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    if len(data) < 4 or data[:2] != b"\0\0" or data[2] != 8:
        sys.exit(f"error: {path}: not an unsigned-byte IDX file")
    rank = data[3]
    dims = struct.unpack(">" + "I" * rank, data[4:4 + 4 * rank])
    body = data[4 + 4 * rank:]
    if len(body) != math.prod(dims):
        sys.exit(f"error: {path}: the header says {math.prod(dims)} values, the file holds {len(body)}")
    return np.frombuffer(body, dtype=np.uint8).reshape(dims)


def read_idx_folder(folder, split):
    """The images (N, H, W, 1) and labels of an IDX folder, as the app picks them: with both train- and
    t10k- files, split "test" reads t10k- and "train" reads train-; else its only pair."""
    if not os.path.isdir(folder):
        sys.exit(f"error: {folder}: no such folder")
    prefixes = {}
    for name in sorted(os.listdir(folder)):
        for suffix in ("-images-idx3-ubyte", "-images-idx3-ubyte.gz"):
            if name.endswith(suffix):
                prefixes.setdefault(name[:-len(suffix)], name)
    if not prefixes:
        sys.exit(f"error: {folder}: no *-images-idx3-ubyte[.gz] file")
    if len(prefixes) > 1:
        wanted = "t10k" if split == "test" else "train"
        if wanted not in prefixes:
            sys.exit(f"error: {folder}: several image files and no {wanted}- pair")
        prefix, split_used = wanted, split
    else:
        # a lone pair is both trained on and measured, unless it is a t10k- pair (a test set on its own), as in the app
        prefix = next(iter(prefixes))
        split_used = "test" if prefix == "t10k" else "train"
    labels_file = None
    for suffix in ("-labels-idx1-ubyte", "-labels-idx1-ubyte.gz"):
        if os.path.exists(os.path.join(folder, prefix + suffix)):
            labels_file = os.path.join(folder, prefix + suffix)
    if labels_file is None:
        sys.exit(f"error: {folder}: no {prefix}-labels-idx1-ubyte[.gz] beside the images")
    images = read_idx(os.path.join(folder, prefixes[prefix]))
    labels = read_idx(labels_file)
    if images.ndim != 3 or labels.ndim != 1 or len(images) != len(labels):
        sys.exit(f"error: {folder}: {images.shape} images do not go with {labels.shape} labels")
    return images[..., None], labels.astype(np.int64), split_used


def only_classes(images, labels, classes, folder):
    """The images of the classes "3,8" or "0-4" names, relabelled from 0 in ascending order, as the app's --classes."""
    if classes is None:
        return images, labels
    chosen = set()
    for part in classes.split(","):
        ends = part.strip().split("-")
        try:
            low, high = int(ends[0]), int(ends[-1])
        except ValueError:
            sys.exit(f"error: --classes: {classes!r} is not a list such as 3,8 or 0-4")
        chosen.update(range(low, high + 1))
    chosen = sorted(chosen)
    keep = np.isin(labels, chosen)
    if not keep.any():
        sys.exit(f"error: {folder} has no images of classes {chosen}")
    relabel = {c: i for i, c in enumerate(chosen)}
    return images[keep], np.array([relabel[int(c)] for c in labels[keep]], dtype=np.int64)


def check_fits(images, labels, folder, meta):
    height, width, channels = meta["input"]
    if images.shape[1:] != (height, width, channels):
        found = "×".join(str(d) for d in images.shape[1:])
        sys.exit(f"error: {folder} has {found} images but the model takes {height}×{width}×{channels}")
    if len(labels) == 0:
        sys.exit(f"error: {folder} has no images")
    if labels.max() >= len(meta["class_names"]):
        sys.exit(f"error: {folder} has {labels.max() + 1} classes but the model knows {len(meta['class_names'])}")


# ---- --evaluate ----

def evaluate(folder, as_json, with_probabilities, weights, classes):
    meta = load_metadata()
    load_weights(weights)
    images, labels, split = read_idx_folder(folder, "test")
    images, labels = only_classes(images, labels, classes, folder)
    check_fits(images, labels, folder, meta)
    model.eval()
    logits = []
    with torch.no_grad():
        for start in range(0, len(images), 256):
            logits.append(model(normalise_bytes(images[start:start + 256], meta)))
    logits = torch.cat(logits)
    target = torch.from_numpy(labels)
    probabilities = probabilities_of(logits)
    predicted = predicted_of(logits)
    accuracy = (predicted == target).double().mean().item()
    loss = loss_of(logits.double(), target).item()
    if as_json:
        doc = {"accuracy": accuracy, "loss": loss, "n": len(labels), "split": split}
        if with_probabilities:
            doc["predictions"] = predicted.tolist()
            doc["probabilities"] = probabilities.tolist()
        print(json.dumps(doc))
    else:
        where = "the test split" if split == "test" else "no test split: the training set itself"
        print(f"accuracy {accuracy * 100:.2f}%  loss {loss:.4f}  on {len(labels):,} images of {folder} ({where})")


# ---- --predict ----

def read_png(path):
    """A PNG (8-bit grey, grey + alpha, RGB, RGBA or palette, not interlaced) as 0..1 floats (H, W, C),
    C 1 for grey files and 3 otherwise, transparent pixels composited on black, as the app reads it."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        sys.exit(f"error: {path}: {e.strerror}")
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"error: {path}: not a PNG file (this program reads PNG only)")
    pos, idat, palette, transparency, header = 8, b"", None, None, None
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"PLTE":
            palette = np.frombuffer(chunk, dtype=np.uint8).reshape(-1, 3)
        elif kind == b"tRNS":
            transparency = chunk
        elif kind == b"IDAT":
            idat += chunk
        elif kind == b"IEND":
            break
    if header is None:
        sys.exit(f"error: {path}: a PNG without its header")
    width, height, depth, colour, _, _, interlace = header
    samples = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}.get(colour)
    if depth != 8 or interlace or samples is None:
        sys.exit(f"error: {path}: only 8-bit, non-interlaced PNGs are read (this one: {depth}-bit, colour type {colour})")
    raw = zlib.decompress(idat)
    stride = width * samples
    rows = np.zeros((height, stride), dtype=np.uint8)
    previous = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - samples] if i >= samples else 0
            up = previous[i]
            corner = previous[i - samples] if i >= samples else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows[y] = np.frombuffer(bytes(line), dtype=np.uint8)
        previous = line
    pixels = rows.reshape(height, width, samples).astype(np.float32) / np.float32(255)
    if colour == 0:
        return pixels
    if colour == 4:
        return pixels[..., :1] * pixels[..., 1:]
    if colour == 3:
        index = rows.reshape(height, width)
        rgb = palette[index].astype(np.float32) / np.float32(255)
        alpha = np.ones(len(palette), dtype=np.float32)
        if transparency is not None:
            alpha[:len(transparency)] = np.frombuffer(transparency, dtype=np.uint8)[:len(palette)] / np.float32(255)
        return rgb * alpha[index][..., None]
    if colour == 6:
        return pixels[..., :3] * pixels[..., 3:]
    return pixels


def to_model_input(picture, meta, path):
    """The picture at the model's input size and channels: grey from colour by the app's luma weights;
    another size is resized (bilinear, antialiased), which may differ a little from the app's resampling."""
    height, width, channels = meta["input"]
    if picture.shape[2] != channels:
        if channels == 1:
            picture = (np.float32(0.299) * picture[..., 0:1] + np.float32(0.587) * picture[..., 1:2]
                       + np.float32(0.114) * picture[..., 2:3])
        else:
            picture = np.repeat(picture, 3, axis=2)
    if picture.shape[:2] != (height, width):
        print(f"note: {path} is {picture.shape[0]}×{picture.shape[1]}; resized to the model's {height}×{width}",
              file=sys.stderr)
        x = torch.from_numpy(np.ascontiguousarray(picture.transpose(2, 0, 1)))[None]
        x = nn.functional.interpolate(x, size=(height, width), mode="bilinear", align_corners=False, antialias=True)
        picture = x[0].numpy().transpose(1, 2, 0)
    return picture


def predict(path, as_json, weights):
    meta = load_metadata()
    load_weights(weights)
    picture = to_model_input(read_png(path), meta, path)
    model.eval()
    with torch.no_grad():
        logits = model(normalise_values(picture[None], meta))
    probabilities = probabilities_of(logits)[0]
    top = int(predicted_of(logits)[0])
    names = meta["class_names"]
    if as_json:
        print(json.dumps({"image": path, "topClass": top, "label": names[top],
                          "probabilities": probabilities.tolist()}))
    else:
        print(f"{path}: {names[top]} ({probabilities[top].item() * 100:.1f}%)")


# ---- --train ----

def make_optimizer(settings, parameters):
    """The app's optimizer with its settings; weight decay is L2 added to the gradient, as in the app."""
    kind = settings["optimizer"]
    rate, decay = settings["learning_rate"], settings["weight_decay"]
    if kind == "sgd":
        return torch.optim.SGD(parameters, lr=rate, momentum=settings["momentum"], weight_decay=decay)
    if kind == "adam":
        return torch.optim.Adam(parameters, lr=rate, betas=(settings["beta1"], settings["beta2"]),
                                eps=settings["epsilon"], weight_decay=decay)
    if kind == "rmsprop":
        return torch.optim.RMSprop(parameters, lr=rate, alpha=settings["rho"], eps=settings["epsilon"],
                                   weight_decay=decay)
    sys.exit(f"error: {METADATA_FILE}: unknown optimizer {kind!r}")


def schedule(settings, steps):
    """Batch k of n: the set rate (constant), or final + (set - final) * (1 + cos(pi * k / (n - 1))) / 2 (cosine)."""
    if settings["schedule"] != "cosine":
        return lambda k: 1.0
    final = settings["cosine_final_fraction"]
    return lambda k: 1.0 if steps <= 1 else final + (1 - final) * (1 + math.cos(math.pi * min(k, steps - 1) / (steps - 1))) / 2


def train(folder, epochs, out, weights, classes):
    meta = load_metadata()
    settings = meta["training"]
    load_weights(weights)
    images, labels, split = read_idx_folder(folder, "train")
    images, labels = only_classes(images, labels, classes, folder)
    check_fits(images, labels, folder, meta)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    torch.manual_seed(settings["seed"])
    model.to(device)
    inputs = normalise_bytes(images, meta)
    target = torch.from_numpy(labels)
    batch = settings["batch_size"]
    steps = epochs * math.ceil(len(labels) / batch)
    optimizer = make_optimizer(settings, [p for p in model.parameters() if p.requires_grad])
    rates = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule(settings, steps))
    print(f"training on {len(labels):,} images of {folder} on {device}: {settings['optimizer']}, "
          f"learning rate {settings['learning_rate']}, batch size {batch}", file=sys.stderr)
    for epoch in range(1, epochs + 1):
        model.train()
        for m in model.modules():  # a frozen BatchNormalization keeps its moving statistics, as in Keras
            if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)) and not any(p.requires_grad for p in m.parameters()):
                m.eval()
        order = torch.randperm(len(labels))
        total, correct = 0.0, 0
        for start in range(0, len(labels), batch):
            index = order[start:start + batch]
            x, y = inputs[index].to(device), target[index].to(device)
            logits = model(x)
            loss = loss_of(logits, y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            rates.step()
            total += loss.item() * len(index)
            correct += (predicted_of(logits) == y).sum().item()
        print(f"epoch {epoch}/{epochs}: loss {total / len(labels):.4f}, accuracy {correct / len(labels) * 100:.2f}%",
              file=sys.stderr)
    model.cpu()
    save_weights(out)
    print(f"wrote {out}")


def main():
    parser = argparse.ArgumentParser(description={{DESCRIPTION_LITERAL}})
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--evaluate", metavar="DIR", help="accuracy on an IDX folder (its t10k- files if it has both)")
    action.add_argument("--predict", metavar="IMAGE", help="the class of one PNG image")
    action.add_argument("--train", metavar="DIR", help="go on training on an IDX folder (its train- files)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--probabilities", action="store_true", help="with --evaluate --json: every image's")
    parser.add_argument("--classes", metavar="3,8", help="only these classes of DIR, relabelled from 0")
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--out", metavar="G.npz", help="with --train: where the new weights go")
    parser.add_argument("--weights", metavar="F.npz", default=WEIGHTS_FILE, help="weights to start from")
    args = parser.parse_args()
    if args.evaluate:
        evaluate(args.evaluate, args.json, args.probabilities, args.weights, args.classes)
    elif args.predict:
        predict(args.predict, args.json, args.weights)
    else:
        if not args.out:
            parser.error("--train needs --out G.npz")
        if args.epochs < 1:
            parser.error("--epochs must be at least 1")
        train(args.train, args.epochs, args.out, args.weights, args.classes)


if __name__ == "__main__":
    main()
