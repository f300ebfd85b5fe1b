"""Command line of the demo SDI: ``python -m geogov.tests.sdi build|up|down|status|run``.

See the package docstring; ``make run``, ``make demo-up``, ``make demo-down`` and
``make demo-status`` call these. Ports: GEOGOV_DEMO_PORT_QGIS / _PYCSW / _PYGEOAPI /
_MAPSERVER (defaults 8601-8604).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..support import servers as srv
from .build import build, ensure_built
from .stack import appliers_from_env, ports_from_env, read_state, start_demo, stop_state, write_state

DEFAULT_DIR = srv.ROOT / "build" / "demo"


def print_urls(state: dict) -> None:
    print(f"  WMS/WFS (QGIS Server)   {state['wms_url']}")
    print(f"  CSW 2.0.2 / 3.0 (pycsw) {state['csw_url']}")
    print(f"  OGC API Records         {state['oarec_collection_url']}")
    print(f"  WMS/WFS 2.0 (MapServer) {state['mapserver_url']}")
    print(f"  OGC API Features (edit) {state.get('features_collection_url', '')}")
    print(f"  demo folder             {state['demo_dir']}")


def running_servers(state: dict) -> list:
    return [s for s in state.get("servers", []) if srv.pid_alive(s["pid"])]


def command_build(demo_dir: Path) -> int:
    manifest = build(demo_dir)
    print(f"demo built in {manifest['build_seconds']} s: {manifest['feature_count']} features in "
          f"{len(manifest['layers'])} layers, {demo_dir}")
    return 0


def command_up(demo_dir: Path) -> int:
    state = read_state(demo_dir)
    if state and running_servers(state):
        print("The demo SDI is already up:")
        print_urls(state)
        return 0
    started = time.monotonic()
    ensure_built(demo_dir)
    demo = start_demo(demo_dir, ports_from_env(), detached=True, appliers=appliers_from_env())
    write_state(demo)
    print(f"Demo SDI up in {time.monotonic() - started:.1f} s (stop it with `make demo-down`):")
    print_urls(demo.state())
    return 0


def command_down(demo_dir: Path) -> int:
    stopped = stop_state(demo_dir)
    print("Stopped: " + ", ".join(stopped) if stopped else "No demo server was running.")
    return 0


def command_status(demo_dir: Path) -> int:
    state = read_state(demo_dir)
    if not state:
        print("The demo SDI is not up (`make demo-up` starts it).")
        return 0
    alive = {s["name"] for s in running_servers(state)}
    for server in state["servers"]:
        mark = "up  " if server["name"] in alive else "DOWN"
        print(f"  {mark} {server['name']:<12} pid {server['pid']:<7} {server['url']}  log {server['log']}")
    print_urls(state)
    return 0 if len(alive) == len(state["servers"]) else 1


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geogov.tests.sdi", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["build", "up", "down", "status", "run"])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="demo folder (build/demo)")
    options = parser.parse_args(argv)
    demo_dir = options.dir.resolve()
    if options.command == "run":
        from .run import run

        return run(demo_dir)
    return {"build": command_build, "up": command_up, "down": command_down,
            "status": command_status}[options.command](demo_dir)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except srv.ServerStartError as exc:
        sys.exit(f"error: {exc}")
