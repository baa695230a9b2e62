#!/usr/bin/env python3
"""Prints the "Scenario keys by city" table of docs/sources.md from the scenario files.

Every key a scenario file sets, with its value and basis: (S) source only, (A) assumption only, (S+A)
both. Rows follow the key order of scenarios/PARAMETERS.md. Run from the repository root:
    scripts/sources_table.py > /tmp/table.md
"""
import re
import sys

import yaml

COLUMNS = [
    ("shared (behaviour.yaml)", "scenarios/behaviour.yaml"),
    ("Bergen", "scenarios/bergen.yaml"),
    ("Sandnes", "scenarios/sandnes.yaml"),
    ("Drammen", "scenarios/drammen.yaml"),
    ("Bodø", "scenarios/bodo.yaml"),
    ("Pathways", "scenarios/reference/pathways.yaml"),
    ("At Home/Chez Soi", "scenarios/reference/at_home_chez_soi.yaml"),
]
TOP_LEVEL_TEXT = {"name", "description", "extends"}


def leaves(node, prefix=""):
    """Yields (key path, provenance mapping) for every value the file sets."""
    for key, child in node.items():
        path = f"{prefix}{key}"
        if not prefix and key in TOP_LEVEL_TEXT:
            continue
        if isinstance(child, dict) and "value" in child:
            yield path, child
        elif isinstance(child, dict):
            yield from leaves(child, path + ".")


def text(value):
    if isinstance(value, list):
        return f"{len(value)} entries"
    if isinstance(value, dict):
        return ", ".join(f"{year}: {entry}" for year, entry in value.items())
    return str(value)


def cell(leaf):
    basis = "S+A" if "source" in leaf and "assumption" in leaf else "S" if "source" in leaf else "A"
    return f"{text(leaf['value'])} ({basis})"


def main():
    order = re.findall(r"^\| `([^`]+)` \|", open("scenarios/PARAMETERS.md", encoding="utf-8").read(), re.M)
    files = [dict(leaves(yaml.safe_load(open(path, encoding="utf-8")))) for _, path in COLUMNS]
    print("| Key | " + " | ".join(name for name, _ in COLUMNS) + " |")
    print("|---" * (len(COLUMNS) + 1) + "|")
    for key in order:
        cells = [cell(f[key]) if key in f else "" for f in files]
        if not any(cells):
            continue
        if not cells[0]:
            cells[0] = "-"
        print(f"| `{key}` | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    sys.exit(main())
