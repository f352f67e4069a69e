#!/usr/bin/python3
# check_layers.py — the layer check CTest runs (test `layer_rules`): reads the
# `#include` lines of src/, tests/ and bench/ and fails when one breaks the
# house rules ("Rules that keep the house livable" of the architecture design).
# Standard library only.
#
#   layers, low to high:  core < train ;  core < render < views < ui < app ;  train < app
#   * a layer includes only itself and the layers below it (LAYER_DEPS);
#   * LibTorch (<torch/...>, <ATen/...>, <c10/...>, <caffe2/...>) only in
#     src/train, tests/train and bench;
#   * OpenGL (glad, GLFW, EGL, GL/KHR headers, "render/gl.h", the ImGui
#     GL/GLFW backends) only in render, views, app and the GUI tests;
#   * Dear ImGui only in views, ui, app and the GUI tests.
#
# Usage:  check_layers.py [ROOT]      check the tree at ROOT (default: the repo)
#         check_layers.py --selftest  build synthetic trees in a temp folder and
#                                     prove that every rule fires (and a clean
#                                     tree passes)
# Prints each violation as `file:line: rule` and exits 1 when there is any.
import os
import re
import sys
import tempfile

# Which project layers a layer may include (itself included).
LAYER_DEPS = {
    "core": {"core"},
    "train": {"core", "train"},
    "render": {"core", "render"},
    "views": {"core", "render", "views"},
    "ui": {"core", "render", "views", "ui"},
    "app": {"core", "train", "render", "views", "ui", "app"},
    # bench/ is a LibTorch benchmark: core + train, no GL, no ImGui.
    "bench": {"core", "train"},
}
PROJECT_LAYERS = ("core", "train", "render", "views", "ui", "app")

# Which layers may use each third-party family directly.
TORCH_OK = {"train", "bench"}
GL_OK = {"render", "views", "app"}
IMGUI_OK = {"views", "ui", "app"}

# tests/<folder> -> the layer its suite tests (and may therefore include).
# A folder named after a layer tests that layer; anything else is a GUI/app
# suite (gui, record, cli, ...), which may include every layer but LibTorch.
TEST_FOLDER_LAYER = {name: name for name in PROJECT_LAYERS}
TEST_SKIP_FOLDERS = {"data"}   # fixtures (including layers_bad/), not code

SOURCE_EXTENSIONS = (".h", ".hpp", ".hh", ".hxx", ".inl", ".c", ".cc", ".cpp", ".cxx")
INCLUDE_RE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')

TORCH_RE = re.compile(r"^(torch|ATen|c10|caffe2)/")
GL_RE = re.compile(r"^(glad|GLFW|EGL|GL|GLES\d*|KHR)/|^render/gl\.h$|^imgui_impl_(opengl\d|glfw)\.h$"
                   r"|^(imgui/)?backends/imgui_impl_(opengl\d|glfw)\.h$")
IMGUI_RE = re.compile(r"^(imgui/|backends/imgui_impl_)|^imgui[\w]*\.h$|^implot[\w]*\.h$")


def layer_of(rel_path):
    """The (layer, is_test) of a repository-relative path, or (None, _) for
    files the check skips; ("?folder", _) for an unknown src/ folder."""
    parts = rel_path.split("/")
    if parts[0] == "src" and len(parts) >= 3:
        if parts[1] in PROJECT_LAYERS:
            return parts[1], False
        return "?" + parts[1], False
    if parts[0] == "tests" and len(parts) >= 3:
        if parts[1] in TEST_SKIP_FOLDERS:
            return None, True
        return TEST_FOLDER_LAYER.get(parts[1], "app"), True
    if parts[0] == "bench" and len(parts) >= 2:
        return "bench", False
    return None, False


def included_layer(root, including_rel, target):
    """The project layer a quoted/angled include names, or None if it is not a
    project header (a standard, third-party or test-local header)."""
    # A path relative to the including file (e.g. "../ui/x.h") wins.
    candidate = os.path.normpath(os.path.join(os.path.dirname(including_rel), target))
    if not candidate.startswith("..") and os.path.isfile(os.path.join(root, candidate)):
        layer, _ = layer_of(candidate)
        if layer and candidate.startswith("src/"):
            return layer
    first = target.split("/")[0]
    if "/" in target and first in PROJECT_LAYERS:
        return first
    return None


def include_lines(path):
    """Yields (line number, delimiter, target) for each #include, skipping
    lines inside /* ... */ block comments."""
    in_block = False
    with open(path, encoding="utf-8", errors="replace") as f:
        for number, line in enumerate(f, 1):
            text = line
            if in_block:
                end = text.find("*/")
                if end < 0:
                    continue
                text = text[end + 2:]
                in_block = False
            start = text.find("/*")
            if start >= 0 and text.find("*/", start + 2) < 0:
                in_block = True
                text = text[:start]
            m = INCLUDE_RE.match(text)
            if m:
                yield number, m.group(1), m.group(2).strip()


def source_files(root):
    """Repository-relative paths of every C/C++ file the check reads."""
    for top in ("src", "tests", "bench"):
        base = os.path.join(root, top)
        if not os.path.isdir(base):
            continue
        for folder, dirs, files in os.walk(base):
            rel_folder = os.path.relpath(folder, root).replace(os.sep, "/")
            if top == "tests" and rel_folder.split("/")[1:2] and rel_folder.split("/")[1] in TEST_SKIP_FOLDERS:
                dirs[:] = []
                continue
            dirs.sort()
            for name in sorted(files):
                if name.endswith(SOURCE_EXTENSIONS):
                    yield rel_folder + "/" + name


def check_tree(root):
    """Every violation in the tree at root, as `file:line: rule` strings."""
    violations = []
    for rel in source_files(root):
        layer, is_test = layer_of(rel)
        if layer is None:
            continue
        where = "/".join(rel.split("/")[:2]) if rel.startswith(("src/", "tests/")) else "bench"
        if layer.startswith("?"):
            violations.append(f"{rel}:1: src/{layer[1:]}/ is not a known layer; add it to LAYER_DEPS "
                              f"in scripts/check_layers.py (and to the architecture doc)")
            continue
        for number, delim, target in include_lines(os.path.join(root, rel)):
            problems = []
            shown = delim + target + (">" if delim == "<" else '"')
            if TORCH_RE.match(target) and layer not in TORCH_OK:
                problems.append(f"LibTorch {shown} only in src/train, tests/train and bench, not in {where}")
            if GL_RE.search(target) and layer not in GL_OK:
                problems.append(f"OpenGL {shown} only in render, views, app and GUI tests, not in {where}")
            if IMGUI_RE.search(target) and layer not in IMGUI_OK:
                problems.append(f"ImGui {shown} only in views, ui, app and GUI tests, not in {where}")
            target_layer = included_layer(root, rel, target)
            if target_layer and target_layer not in LAYER_DEPS[layer]:
                allowed = ", ".join(l for l in PROJECT_LAYERS if l in LAYER_DEPS[layer])
                problems.append(f"{where} ({layer} layer) may include only {allowed}; "
                                f"{shown} is in the {target_layer} layer")
            violations.extend(f"{rel}:{number}: {p}" for p in problems)
    return violations


SELFTEST_TREE = {
    # file: (content, expected violation substrings by line; empty = clean)
    "src/core/ok.h": ('#include <vector>\n#include "core/other.h"\n', {}),
    "src/core/other.h": ("// nothing\n", {}),
    "src/core/bad_torch.h": ("#include <vector>\n#include <torch/torch.h>\n", {2: "LibTorch"}),
    "src/core/bad_up.cpp": ('#include "core/ok.h"\n#include "train/net.h"\n', {2: "in the train layer"}),
    "src/core/commented.cpp": ('// #include "app/x.h"\n/*\n#include <imgui.h>\n*/\n', {}),
    "src/train/net.h": ("#include <torch/torch.h>\n#include <ATen/CPUGeneratorImpl.h>\n", {}),
    "src/train/bad_gl.cpp": ("#include <glad/gl.h>\n", {1: "OpenGL"}),
    "src/render/bad_imgui.cpp": ('#include "render/gl.h"\n#include <imgui.h>\n', {2: "ImGui"}),
    "src/render/bad_up.cpp": ('#include "views/v.h"\n', {1: "in the views layer"}),
    "src/views/v.h": ('#include "render/gl.h"\n#include <imgui.h>\n', {}),
    "src/views/bad_ui.cpp": ('#include "ui/panel.h"\n', {1: "in the ui layer"}),
    "src/views/bad_relative.cpp": ('#include "../ui/panel.h"\n', {1: "in the ui layer"}),
    "src/views/bad_train.cpp": ('#include "train/net.h"\n', {1: "in the train layer"}),
    "src/ui/panel.h": ('#include "views/v.h"\n#include <imgui.h>\n', {}),
    "src/ui/bad_gl.cpp": ("#include <GLFW/glfw3.h>\n#include \"render/gl.h\"\n", {1: "OpenGL", 2: "OpenGL"}),
    "src/ui/bad_app.cpp": ('#include "app/main.h"\n', {1: "in the app layer"}),
    "src/app/main.h": ('#include "ui/panel.h"\n#include "train/net.h"\n#include <EGL/egl.h>\n', {}),
    "src/app/bad_torch.cpp": ("#include <c10/util/Exception.h>\n", {1: "LibTorch"}),
    "src/lessons/x.h": ("// new folder\n", {1: "not a known layer"}),
    "tests/core/t.cpp": ('#include <doctest/doctest.h>\n#include "core/ok.h"\n#include "train/net.h"\n',
                         {3: "in the train layer"}),
    "tests/train/t.cpp": ('#include <torch/torch.h>\n#include "train/net.h"\n#include "local.h"\n', {}),
    "tests/gui/t.cpp": ('#include "app/main.h"\n#include <imgui.h>\n#include <torch/torch.h>\n',
                        {3: "LibTorch"}),
    "tests/data/layers_bad/src/core/x.h": ("#include <torch/torch.h>\n", {}),
    "bench/b.cpp": ('#include "train/net.h"\n#include <torch/torch.h>\n#include "views/v.h"\n',
                    {3: "in the views layer"}),
}


def selftest():
    """Writes SELFTEST_TREE to a temp folder and checks that the violations
    reported are exactly the expected ones; then that a clean tree passes."""
    failures = []
    with tempfile.TemporaryDirectory(prefix="check_layers_") as root:
        for rel, (content, _) in SELFTEST_TREE.items():
            os.makedirs(os.path.join(root, os.path.dirname(rel)), exist_ok=True)
            with open(os.path.join(root, rel), "w", encoding="utf-8") as f:
                f.write(content)
        found = check_tree(root)
        expected = [(rel, n, text) for rel, (_, exp) in SELFTEST_TREE.items() for n, text in exp.items()]
        for rel, n, text in expected:
            if not any(v.startswith(f"{rel}:{n}: ") and text in v for v in found):
                failures.append(f"missed: {rel}:{n}: ...{text}...")
        for v in found:
            if not any(v.startswith(f"{rel}:{n}: ") and text in v for rel, n, text in expected):
                failures.append(f"unexpected: {v}")
        if not found:
            failures.append("the synthetic tree with violations passed the check")
        if main(["check_layers.py", root]) != 1:
            failures.append("the command line did not exit 1 on the tree with violations")
    with tempfile.TemporaryDirectory(prefix="check_layers_clean_") as root:
        for rel, (content, exp) in SELFTEST_TREE.items():
            if exp:
                continue
            os.makedirs(os.path.join(root, os.path.dirname(rel)), exist_ok=True)
            with open(os.path.join(root, rel), "w", encoding="utf-8") as f:
                f.write(content)
        for v in check_tree(root):
            failures.append(f"clean tree reported: {v}")
        if main(["check_layers.py", root]) != 0:
            failures.append("the command line did not exit 0 on the clean tree")
    for f in failures:
        print("SELFTEST FAILURE: " + f)
    print(f"check_layers selftest: {len(expected)} expected violations, "
          f"{'FAILED' if failures else 'all found, clean tree passes'}")
    return 1 if failures else 0


def main(argv):
    if len(argv) > 1 and argv[1] == "--selftest":
        return selftest()
    root = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    root = os.path.abspath(root)
    if not os.path.isdir(os.path.join(root, "src")):
        print(f"check_layers.py: no src/ folder under {root}; pass the repository root")
        return 2
    violations = check_tree(root)
    for v in violations:
        print(v)
    files = sum(1 for _ in source_files(root))
    print(f"check_layers: {files} files, {len(violations)} violation(s)"
          + ("" if not violations else " — see the rules at the top of scripts/check_layers.py"))
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
