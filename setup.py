"""Package discovery: `sync/`, `resources/` and `forms/` install under import names of their own.

`sync` would collide with other software in site-packages, so it installs as `kampung_sync`;
resources and forms install as data packages so an installed wheel finds them like a checkout.
"""

from setuptools import find_packages, setup


def _prefixed(folder: str, name: str) -> list[str]:
    return [name] + [f"{name}.{sub}" for sub in find_packages(folder)]


setup(
    packages=find_packages(include=["kampung_desktop", "kampung_desktop.*"])
    + _prefixed("sync", "kampung_sync")
    + ["kampung_resources", "kampung_forms"],
)
