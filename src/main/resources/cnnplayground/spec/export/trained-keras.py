# {{NAME}}, exported from CNN Playground with its trained weights.
# Beside this program: {{WEIGHTS_FILE}} (the weights, by layer, in PyTorch's channels-first layout)
# and {{METADATA_FILE}} (class names, input normalisation, training settings). It builds the Keras
# model, converts the weights to Keras' channels-last layout, sets them and compiles.
import json
import os

import numpy as np
import keras
from keras import layers

HERE = os.path.dirname(os.path.abspath(__file__))
WEIGHTS_FILE = os.path.join(HERE, {{WEIGHTS_FILE_LITERAL}})
METADATA_FILE = os.path.join(HERE, {{METADATA_FILE_LITERAL}})


def conv_kernel(w):
    """A convolution's kernel: PyTorch (out, in, kh, kw) to Keras (kh, kw, in, out)."""
    return w.transpose(2, 3, 1, 0)


def dense_kernel(w):
    """A Dense kernel: PyTorch (units, inputs) to Keras (inputs, units)."""
    return w.T


def dense_kernel_after_flatten(w, channels, height, width):
    """A Dense kernel after Flatten: PyTorch and the app flatten in C, H, W order, Keras in H, W, C."""
    return w.reshape(-1, channels, height, width).transpose(2, 3, 1, 0).reshape(height * width * channels, -1)


def features_after_flatten(v, channels, height, width):
    """A BatchNormalization vector over flattened features: C, H, W order to H, W, C."""
    return v.reshape(channels, height, width).transpose(1, 2, 0).reshape(-1)


def keras_weights(w):
    """The arrays of the weights file in Keras' layout, by layer name, in get_weights() order."""
    return {
{{KERAS_WEIGHTS}}
    }


def preprocess(images):
    """uint8 images (N, H, W, C) as the model takes them: (byte / 255 - mean) / std, as in the app."""
    norm = METADATA["normalization"]
    return (images.astype(np.float32) / np.float32(255) - np.float32(norm["mean"])) / np.float32(norm["std"])


with open(METADATA_FILE, encoding="utf-8") as f:
    METADATA = json.load(f)
CLASS_NAMES = METADATA["class_names"]

{{MODEL}}
for name, arrays in keras_weights(np.load(WEIGHTS_FILE)).items():
    model.get_layer(name).set_weights(arrays)
model.summary()
