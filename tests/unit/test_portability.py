"""The plugin runs on Windows QGIS, installed from the zip: no POSIX-only module, shell
call or Linux path in plugin/ and ui/ (tests and tools may use them).

A static scan of the tokens (comments and docstrings aside): imports of modules that do
not exist or do nothing on Windows, process spawning (a user's QGIS has no shell tools,
and a console window would flash), and string literals naming Linux folders or the
``python3`` command (Windows QGIS has ``python`` / ``python-qgis``; QGIS's own data is
found through QgsApplication.pkgDataPath()).
"""

import io
import re
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

POSIX_ONLY = {"fcntl", "signal", "pwd", "grp", "termios", "tty", "pty", "resource", "posix",
              "crypt", "syslog"}
SPAWNING = {"subprocess", "pexpect"}
CALLS = re.compile(r"^(os\.(system|popen|fork|spawn\w*|exec\w*|kill|getuid|geteuid|chown))$")
LINUX_PATHS = re.compile(r"(/usr/|/tmp\b|/home/|/etc/|/var/|/opt/|/dev/null|\bpython3\b|~/)")


def sources():
    for folder in ("plugin", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "__pycache__" not in path.parts:
                yield path


def offences(path: Path, root: Path = ROOT) -> list:
    text = path.read_text(encoding="utf-8")
    found = []
    tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    for index, token in enumerate(tokens):
        where = f"{path.relative_to(root)}:{token.start[0]}"
        if token.type == tokenize.NAME and token.string in ("import", "from"):
            following = tokens[index + 1]
            module = following.string.split(".")[0]
            if module in POSIX_ONLY | SPAWNING:
                found.append(f"{where}: imports {following.string}")
        elif token.type == tokenize.NAME and token.string == "os" and index + 2 < len(tokens) \
                and tokens[index + 1].string == ".":
            name = f"os.{tokens[index + 2].string}"
            if CALLS.match(name):
                found.append(f"{where}: calls {name}")
        elif token.type == tokenize.STRING:
            previous = tokens[index - 1] if index else None
            # A docstring (a string standing alone as a statement) is prose, not a path.
            if (previous is None or previous.type in (tokenize.INDENT, tokenize.NEWLINE,
                                                      tokenize.NL, tokenize.DEDENT)) \
                    and tokens[index + 1].type in (tokenize.NEWLINE, tokenize.NL):
                continue
            match = LINUX_PATHS.search(token.string)
            if match:
                found.append(f"{where}: string with {match.group(0)!r}: {token.string[:60]}")
    return found


def test_no_posix_only_code_in_the_plugin():
    found = [line for path in sources() for line in offences(path)]
    assert found == []


def test_the_scan_sees_what_it_looks_for(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""Docstring naming /usr/share is prose."""\nimport subprocess\n'
                      'from signal import SIGTERM\nimport os\nos.system("ls")\n'
                      'PATH = "/usr/share/qgis/resources"\ncmd = ["python3", "-c", "1"]\n',
                      encoding="utf-8")
    found = [f.split(": ", 1)[1] for f in offences(sample, tmp_path)]
    assert len(found) == 5, found
    for line, expected in zip(found, ("imports subprocess", "imports signal", "calls os.system",
                                      "string with '/usr/'", "string with 'python3'")):
        assert line.startswith(expected), line


def test_no_module_reads_qgis_sample_data():
    """Territories come from GeoGov's own reference (resources/territories), never from
    QGIS's world_map.gpkg, whose content changes between QGIS versions."""
    root = Path(__file__).resolve().parents[2]
    offenders = [str(path.relative_to(root)) for folder in ("plugin", "ui", "tests/sdi")
                 for path in (root / folder).rglob("*.py")
                 if "world_map" in path.read_text(encoding="utf-8")]
    assert offenders == []
