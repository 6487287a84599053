"""Package list for setuptools: the user's top-level folders, installed as ``ringfence.*``.

``pyproject.toml`` maps each folder to its name under the namespace (``package-dir``); this
file only discovers the subpackages, so a new folder with an ``__init__.py`` is never left
out of the wheel.
"""

from setuptools import find_packages, setup

FOLDERS = ("streams", "redaction", "storage", "cli")

subpackages = find_packages(include=[f"{folder}*" for folder in FOLDERS])
setup(packages=["ringfence", *(f"ringfence.{name}" for name in subpackages)])
