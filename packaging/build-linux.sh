#!/usr/bin/env bash
# Build the Linux one-folder bundle (dist/pairaid/) and run its self-test offscreen.
#   packaging/build-linux.sh
# Environment: PYTHON (default python3, 3.11+), VENV (default .venv in the checkout).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
VENV="${VENV:-$ROOT/.venv}"
PYINSTALLER_VERSION="6.22.3"

if [ ! -x "$VENV/bin/python" ]; then
  echo "== creating the virtual environment in $VENV"
  "$PYTHON" -m venv "$VENV"
fi
PIP=("$VENV/bin/python" -m pip --disable-pip-version-check)

echo "== installing pairaid and PyInstaller $PYINSTALLER_VERSION"
"${PIP[@]}" install --quiet --upgrade pip
"${PIP[@]}" install --quiet -e "$ROOT"
"${PIP[@]}" install --quiet "pyinstaller==$PYINSTALLER_VERSION"

echo "== building dist/pairaid"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" "$ROOT/packaging/pyinstaller/pairaid.spec"

echo "== bundle: $(du -sh "$ROOT/dist/pairaid" | cut -f1) in $ROOT/dist/pairaid"
echo "== running the bundle's self-test (offscreen)"
QT_QPA_PLATFORM=offscreen "$ROOT/dist/pairaid/pairaid" --version
QT_QPA_PLATFORM=offscreen "$ROOT/dist/pairaid/pairaid" --self-test
echo "== done: start it with dist/pairaid/pairaid (desktop entry and icon: packaging/README.md)"
