"""Generate the demo images of the ``realty_base`` addon (翠湖花园, a fictional residential project).

Writes, relative to the repository root:

* ``addons/realty_base/static/img/demo/layout_{a1,b1,b2,c1,c2,d1}.png`` -- 800x600 brochure-style floorplans (户型图)
  drawn from the ``LAYOUTS`` table below: pastel rooms, thick outer and thin inner walls, door swings, windows,
  room names with areas, title bar, north arrow, scale bar and overall dimensions;
* ``addons/realty_base/static/img/demo/layout_{c1,d1}_3d.png`` -- a pseudo-3D view of the same plans;
* ``addons/realty_base/static/img/demo/project_cover.png`` and ``gallery_{lake,clubhouse,garden}.png`` --
  1200x800 flat illustrations of the project;
* ``addons/realty_base/static/description/icon.png`` -- the 256x256 app icon.

Only Pillow is needed; Chinese text uses the Noto Sans CJK font (Debian package ``fonts-noto-cjk``) and falls back
to Pillow's default font.  The output is deterministic, so re-running the script rewrites identical files.

Run from the repository root::

    python3 tools/make_demo_images.py
"""

from __future__ import annotations

import functools
import math
import random
import shutil
import subprocess
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
ADDON_DIR = ROOT / "addons" / "realty_base"
DEMO_DIR = ADDON_DIR / "static" / "img" / "demo"
ICON_PATH = ADDON_DIR / "static" / "description" / "icon.png"

SS = 2  # supersampling factor: everything is drawn SS times larger, then scaled down (anti-aliasing)
PROJECT_NAME = "翠湖花园"

# ---------------------------------------------------------------------------------------------------------------------
# Fonts
# ---------------------------------------------------------------------------------------------------------------------


def _fc_list_fonts() -> list[tuple[str, int, str, str]]:
    """(file, index, family, style) of the installed Noto Sans CJK faces, as reported by fontconfig."""
    if not shutil.which("fc-list"):
        return []
    try:
        out = subprocess.run(
            ["fc-list", "-f", "%{file}|%{index}|%{family}|%{style}\n", ":family=Noto Sans CJK SC"],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        ).stdout
        if not out.strip():
            out = subprocess.run(
                ["fc-list", "-f", "%{file}|%{index}|%{family}|%{style}\n"],
                capture_output=True,
                text=True,
                timeout=20,
                check=False,
            ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    faces = []
    for line in sorted(out.splitlines()):
        parts = line.split("|")
        if len(parts) != 4 or "Noto Sans CJK" not in parts[2] or "Mono" in parts[2]:
            continue
        try:
            index = int(parts[1])
        except ValueError:
            index = 0
        faces.append((parts[0], index, parts[2], parts[3]))
    return faces


@functools.cache
def _font_files() -> dict[str, tuple[str, int] | None]:
    """Pick a regular and a bold Simplified Chinese face: fontconfig first, then a search of /usr/share/fonts."""
    found: dict[str, tuple[str, int] | None] = {"regular": None, "bold": None}
    faces = _fc_list_fonts()
    for want_sc in (True, False):
        for path, index, family, style in faces:
            if want_sc and "CJK SC" not in family:
                continue
            weight = "bold" if "Bold" in style.split(",")[0] else "regular"
            if style.split(",")[0] not in ("Regular", "Bold"):
                continue
            if found[weight] is None:
                found[weight] = (path, index)
    if found["regular"] is None:
        # Debian ships the collections NotoSansCJK-{Regular,Bold}.ttc: faces JP, KR, SC, TC, HK (SC is index 2).
        base = Path("/usr/share/fonts")
        for weight, pattern in (("regular", "NotoSansCJK*-Regular.tt*"), ("bold", "NotoSansCJK*-Bold.tt*")):
            for path in sorted(base.rglob(pattern)) if base.is_dir() else []:
                found[weight] = (str(path), 2 if path.suffix == ".ttc" else 0)
                break
    if found["bold"] is None:
        found["bold"] = found["regular"]
    return found


@functools.cache
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """A CJK font of ``size`` pixels (already supersampled), or Pillow's default font."""
    face = _font_files()["bold" if bold else "regular"]
    if face:
        try:
            return ImageFont.truetype(face[0], size, index=face[1])
        except OSError:
            pass
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1
        return ImageFont.load_default()


# ---------------------------------------------------------------------------------------------------------------------
# Drawing helpers
# ---------------------------------------------------------------------------------------------------------------------

Colour = tuple[int, ...]


def mix(a: Colour, b: Colour, t: float) -> Colour:
    """Linear interpolation between two colours."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


def hexc(value: str) -> Colour:
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in range(0, len(value), 2))


class Canvas:
    """An RGB image drawn in output-pixel coordinates, rendered SS times larger for anti-aliasing."""

    def __init__(self, width: int, height: int, background: Colour = (255, 255, 255)):
        self.width, self.height = width, height
        self.img = Image.new("RGB", (width * SS, height * SS), background)
        self.draw = ImageDraw.Draw(self.img, "RGBA")  # RGBA mode: fills with alpha are blended

    @staticmethod
    def _pts(points) -> list[tuple[float, float]]:
        return [(x * SS, y * SS) for x, y in points]

    @staticmethod
    def _box(box) -> list[float]:
        x0, y0, x1, y1 = box
        return [min(x0, x1) * SS, min(y0, y1) * SS, max(x0, x1) * SS, max(y0, y1) * SS]

    def rect(self, box, fill=None, outline=None, width: float = 1, radius: float = 0) -> None:
        if radius:
            self.draw.rounded_rectangle(
                self._box(box), radius * SS, fill=fill, outline=outline, width=max(1, round(width * SS))
            )
        else:
            self.draw.rectangle(self._box(box), fill=fill, outline=outline, width=max(1, round(width * SS)))

    def poly(self, points, fill=None, outline=None, width: float = 1) -> None:
        self.draw.polygon(self._pts(points), fill=fill, outline=outline, width=max(1, round(width * SS)))

    def line(self, points, fill, width: float = 1, joint: str | None = None) -> None:
        self.draw.line(self._pts(points), fill=fill, width=max(1, round(width * SS)), joint=joint)

    def ellipse(self, box, fill=None, outline=None, width: float = 1) -> None:
        self.draw.ellipse(self._box(box), fill=fill, outline=outline, width=max(1, round(width * SS)))

    def circle(self, cx: float, cy: float, r: float, fill=None, outline=None, width: float = 1) -> None:
        self.ellipse((cx - r, cy - r, cx + r, cy + r), fill=fill, outline=outline, width=width)

    def arc(self, box, start: float, end: float, fill, width: float = 1) -> None:
        self.draw.arc(self._box(box), start, end, fill=fill, width=max(1, round(width * SS)))

    def text(self, xy, text: str, size: float, fill, bold: bool = False, anchor: str = "mm") -> None:
        self.draw.text((xy[0] * SS, xy[1] * SS), text, font=font(round(size * SS), bold), fill=fill, anchor=anchor)

    def text_size(self, text: str, size: float, bold: bool = False) -> tuple[float, float]:
        box = self.draw.textbbox((0, 0), text, font=font(round(size * SS), bold), anchor="lt")
        return (box[2] - box[0]) / SS, (box[3] - box[1]) / SS

    def vgradient(self, box, top: Colour, bottom: Colour) -> None:
        """Vertical gradient filling ``box``."""
        x0, y0, x1, y1 = (round(v * SS) for v in box)
        for y in range(y0, y1):
            t = (y - y0) / max(1, y1 - y0 - 1)
            self.draw.line([(x0, y), (x1 - 1, y)], fill=mix(top, bottom, t))

    def save(self, path: Path) -> None:
        out = self.img.resize((self.width, self.height), Image.Resampling.LANCZOS)
        path.parent.mkdir(parents=True, exist_ok=True)
        out.save(path, optimize=True)


# ---------------------------------------------------------------------------------------------------------------------
# Floorplans: the data
# ---------------------------------------------------------------------------------------------------------------------

# Rooms: (name, x, y, w, h, window sides) in metres, x to the east, y to the south (north is up on the drawing).
# Rooms tile the flat; a window is drawn on each listed side ("N", "S", "E", "W") where that side is an outer wall.
# Doors: (hinge x, hinge y, dx, dy, side, kind): the closed leaf runs from the hinge along the wall by (dx, dy);
# side +1 / -1 tells whether it opens towards +y / -y (horizontal wall) or +x / -x (vertical wall);
# kind is "swing", "slide" (sliding door, side unused) or "entry" (the flat's front door).
LAYOUTS: dict[str, dict] = {
    "a1": {
        "code": "A1",
        "kind": "一室一厅一卫",
        "area": 58,
        "rooms": [
            ("厨房", 0, 0, 2.1, 2.4, "N"),
            ("餐厅", 2.1, 0, 2.7, 2.4, ""),
            ("卫生间", 4.8, 0, 2.1, 2.4, "N"),
            ("客厅", 0, 2.4, 3.9, 3.9, "W"),
            ("主卧", 3.9, 2.4, 3.0, 3.9, "S"),
            ("阳台", 0, 6.3, 3.9, 1.3, ""),
        ],
        "doors": [
            (2.9, 0, 1.0, 0, 1, "entry"),
            (2.1, 0.5, 0, 1.4, 1, "slide"),
            (4.8, 2.25, 0, -0.75, 1, "swing"),
            (3.9, 2.6, 0, 0.9, 1, "swing"),
            (0.5, 6.3, 2.9, 0, 1, "slide"),
        ],
    },
    "b1": {
        "code": "B1",
        "kind": "两室一厅一卫",
        "area": 89,
        "rooms": [
            ("次卧", 0, 0, 3.3, 3.6, "N"),
            ("卫生间", 3.3, 0, 2.1, 2.4, "N"),
            ("厨房", 5.4, 0, 3.0, 2.4, "N"),
            ("餐厅", 3.3, 2.4, 5.1, 2.1, ""),
            ("过道", 0, 3.6, 3.3, 0.9, ""),
            ("主卧", 0, 4.5, 3.6, 3.9, "S"),
            ("客厅", 3.6, 4.5, 4.8, 3.9, "E"),
            ("阳台", 3.6, 8.4, 4.8, 1.5, ""),
        ],
        "doors": [
            (8.4, 2.6, 0, 1.0, -1, "entry"),
            (0.25, 4.5, 0.9, 0, 1, "swing"),
            (3.15, 3.6, -0.85, 0, -1, "swing"),
            (3.5, 2.4, 0.8, 0, -1, "swing"),
            (5.8, 2.4, 2.0, 0, 1, "slide"),
            (4.0, 8.4, 4.0, 0, 1, "slide"),
        ],
    },
    "b2": {
        "code": "B2",
        "kind": "两室两厅一卫",
        "area": 95,
        "rooms": [
            ("厨房", 0, 0, 3.0, 2.4, "N"),
            ("卫生间", 0, 2.4, 3.0, 2.1, "W"),
            ("次卧", 0, 4.5, 3.0, 3.6, "S"),
            ("餐厅", 3.0, 0, 3.9, 3.3, "E"),
            ("客厅", 3.0, 3.3, 3.9, 4.8, ""),
            ("主卧", 6.9, 3.3, 3.3, 4.8, "E"),
            ("阳台", 3.0, 8.1, 7.2, 1.4, ""),
        ],
        "doors": [
            (4.5, 0, 1.0, 0, 1, "entry"),
            (3.0, 0.5, 0, 1.4, 1, "slide"),
            (3.0, 4.35, 0, -0.75, -1, "swing"),
            (3.0, 4.65, 0, 0.85, -1, "swing"),
            (6.9, 3.45, 0, 0.9, 1, "swing"),
            (3.5, 8.1, 2.9, 0, 1, "slide"),
            (7.4, 8.1, 2.2, 0, 1, "slide"),
        ],
    },
    "c1": {
        "code": "C1",
        "kind": "三室两厅两卫",
        "area": 118,
        "rooms": [
            ("厨房", 0, 0, 2.7, 3.3, "N"),
            ("次卧", 0, 3.3, 2.7, 4.2, "W"),
            ("餐厅", 2.7, 0, 4.2, 3.3, ""),
            ("客厅", 2.7, 3.3, 4.2, 4.2, ""),
            ("卫生间", 6.9, 0, 2.1, 2.4, "N"),
            ("过道", 6.9, 2.4, 2.1, 1.2, ""),
            ("次卧", 9.0, 0, 3.3, 3.6, "N"),
            ("主卧", 6.9, 3.6, 3.6, 3.9, "S"),
            ("卫生间", 10.5, 3.6, 1.8, 2.4, "E"),
            ("衣帽间", 10.5, 6.0, 1.8, 1.5, ""),
            ("阳台", 2.7, 7.5, 7.8, 1.4, ""),
        ],
        "doors": [
            (4.3, 0, 1.0, 0, 1, "entry"),
            (2.7, 0.6, 0, 1.6, 1, "slide"),
            (2.7, 3.45, 0, 0.9, -1, "swing"),
            (7.05, 2.4, 0.8, 0, -1, "swing"),
            (9.0, 2.7, 0, 0.8, 1, "swing"),
            (8.85, 3.6, -0.9, 0, 1, "swing"),
            (10.5, 3.8, 0, 0.75, 1, "swing"),
            (10.5, 6.15, 0, 1.2, 1, "slide"),
            (3.2, 7.5, 3.2, 0, 1, "slide"),
            (7.4, 7.5, 2.4, 0, 1, "slide"),
        ],
    },
    "c2": {
        "code": "C2",
        "kind": "三室两厅两卫",
        "area": 128,
        "rooms": [
            ("次卧", 0, 0, 3.0, 3.6, "N"),
            ("卫生间", 0, 3.6, 1.8, 2.4, "W"),
            ("过道", 1.8, 3.6, 1.2, 2.4, ""),
            ("次卧", 0, 6.0, 3.0, 3.6, "S"),
            ("餐厅", 3.0, 0, 3.9, 4.2, ""),
            ("客厅", 3.0, 4.2, 3.9, 5.4, ""),
            ("厨房", 6.9, 0, 3.3, 2.7, "N"),
            ("储物间", 6.9, 2.7, 1.4, 2.1, ""),
            ("卫生间", 8.3, 2.7, 1.9, 2.1, "E"),
            ("主卧", 6.9, 4.8, 3.3, 4.8, "E"),
            ("阳台", 3.0, 9.6, 7.2, 1.5, ""),
        ],
        "doors": [
            (4.4, 0, 1.0, 0, 1, "entry"),
            (6.9, 0.5, 0, 1.6, 1, "slide"),
            (1.95, 3.6, 0.9, 0, -1, "swing"),
            (1.8, 3.75, 0, 0.8, -1, "swing"),
            (1.95, 6.0, 0.9, 0, 1, "swing"),
            (6.9, 2.85, 0, 0.7, 1, "swing"),
            (6.9, 5.0, 0, 0.9, 1, "swing"),
            (8.45, 4.8, 0.75, 0, -1, "swing"),
            (3.4, 9.6, 3.1, 0, 1, "slide"),
            (7.3, 9.6, 2.5, 0, 1, "slide"),
        ],
    },
    "d1": {
        "code": "D1",
        "kind": "四室两厅两卫",
        "area": 143,
        "rooms": [
            ("书房", 0, 0, 3.3, 3.0, "N"),
            ("卫生间", 3.3, 0, 2.7, 2.1, "N"),
            ("过道", 3.3, 2.1, 2.7, 0.9, ""),
            ("过道", 0, 3.0, 6.0, 1.2, ""),
            ("餐厅", 6.0, 0, 4.2, 4.2, "N"),
            ("厨房", 10.2, 0, 3.6, 2.7, "N"),
            ("卫生间", 10.2, 2.7, 3.6, 1.5, "E"),
            ("次卧", 0, 4.2, 3.3, 3.9, "S"),
            ("次卧", 3.3, 4.2, 2.7, 3.9, "S"),
            ("客厅", 6.0, 4.2, 4.2, 3.9, ""),
            ("主卧", 10.2, 4.2, 3.6, 3.9, "E"),
            ("阳台", 6.0, 8.1, 7.8, 1.5, ""),
        ],
        "doors": [
            (0, 3.15, 0, 0.9, 1, "entry"),
            (3.15, 3.0, -0.9, 0, -1, "swing"),
            (3.5, 2.1, 0.8, 0, -1, "swing"),
            (3.15, 4.2, -0.9, 0, 1, "swing"),
            (3.45, 4.2, 0.9, 0, 1, "swing"),
            (10.2, 0.5, 0, 1.6, -1, "slide"),
            (13.6, 4.2, -0.8, 0, -1, "swing"),
            (10.2, 4.4, 0, 0.9, 1, "swing"),
            (6.4, 8.1, 3.4, 0, 1, "slide"),
            (10.6, 8.1, 2.6, 0, 1, "slide"),
        ],
    },
}

# Rooms drawn without walls between them (open plan), and the floor colour of each kind of room.
OPEN_ROOMS = {"客厅", "餐厅", "过道"}
UNLABELLED_ROOMS = {"过道"}
BALCONY = "阳台"
FLOOR_COLOURS = {
    "客厅": hexc("#FAEEDB"),
    "餐厅": hexc("#FAEEDB"),
    "过道": hexc("#FAEEDB"),
    "主卧": hexc("#DCEAF7"),
    "次卧": hexc("#E1F1E4"),
    "书房": hexc("#ECE4F6"),
    "厨房": hexc("#FFF3CF"),
    "卫生间": hexc("#D6EEF0"),
    "阳台": hexc("#E6F3D8"),
    "衣帽间": hexc("#F7E5E8"),
    "储物间": hexc("#F7E5E8"),
}
WALL_OUTER = 0.24  # wall thickness in metres
WALL_INNER = 0.12
RAIL = 0.12  # balcony parapet
INK = hexc("#3A3D40")
INK_INNER = hexc("#5B6066")
LINE_THIN = hexc("#6B7075")
TEAL = hexc("#16756F")
TEAL_DARK = hexc("#0F5A55")


# ---------------------------------------------------------------------------------------------------------------------
# Floorplans: geometry shared by the 2D and the 3D drawing
# ---------------------------------------------------------------------------------------------------------------------


def _dm(value: float) -> int:
    """Metres to whole decimetres (the room grid)."""
    return round(value * 10)


def room_at(rooms, x2: int, y2: int) -> int | None:
    """Index of the room containing the point (x2, y2), given in half-decimetres."""
    for i, (_name, x, y, w, h, _win) in enumerate(rooms):
        if 2 * _dm(x) < x2 < 2 * _dm(x + w) and 2 * _dm(y) < y2 < 2 * _dm(y + h):
            return i
    return None


def wall_runs(rooms) -> list[dict]:
    """The walls of a flat as straight runs.

    Each run is a dict: ``horizontal``, ``fixed`` (the y of a horizontal / x of a vertical run), ``a`` < ``b``
    (extent), in metres; ``kind`` ("outer", "inner" or "rail" for a balcony's parapet), ``room`` (index) and
    ``side`` ("N", "S", "W", "E" of that room).  Walls between open-plan rooms are left out.
    """
    runs: list[dict] = []
    for i, (name, x, y, w, h, _win) in enumerate(rooms):
        x0, y0, x1, y1 = _dm(x), _dm(y), _dm(x + w), _dm(y + h)
        edges = (
            ("N", True, y0, x0, x1, 2 * y0 - 1),
            ("S", True, y1, x0, x1, 2 * y1 + 1),
            ("W", False, x0, y0, y1, 2 * x0 - 1),
            ("E", False, x1, y0, y1, 2 * x1 + 1),
        )
        for side, horizontal, fixed, a, b, probe in edges:
            current = None
            for step in range(a, b):
                along = 2 * step + 1
                j = room_at(rooms, along, probe) if horizontal else room_at(rooms, probe, along)
                if j is None:
                    kind = "rail" if name == BALCONY else "outer"
                elif j < i or (name in OPEN_ROOMS and rooms[j][0] in OPEN_ROOMS):
                    kind = None  # drawn from the other room, or open plan
                else:
                    kind = "inner"
                if current and current["kind"] == kind and current["b"] == step / 10:
                    current["b"] = (step + 1) / 10
                    continue
                current = None
                if kind:
                    current = {
                        "horizontal": horizontal,
                        "fixed": fixed / 10,
                        "a": step / 10,
                        "b": (step + 1) / 10,
                        "kind": kind,
                        "room": i,
                        "side": side,
                    }
                    runs.append(current)
    return runs


def windows(rooms, runs) -> list[dict]:
    """Window openings: one centred on the longest outer wall run of each side listed for the room."""
    result = []
    for i, (name, *_rest, sides) in enumerate(rooms):
        for side in sides:
            candidates = [r for r in runs if r["room"] == i and r["side"] == side and r["kind"] == "outer"]
            if not candidates:
                continue
            run = max(candidates, key=lambda r: r["b"] - r["a"])
            length = run["b"] - run["a"]
            small = name in ("卫生间", "厨房", "储物间")
            width = min(length - 0.6, 1.2 if small else 2.4, max(0.9, length * 0.55))
            if width < 0.6:
                continue
            mid = (run["a"] + run["b"]) / 2
            result.append({**run, "a": mid - width / 2, "b": mid + width / 2})
    return result


def door_geometry(door) -> dict:
    """Normalise a door tuple: hinge, leaf vector, opening direction, span along its wall."""
    hx, hy, dx, dy, side, kind = door
    horizontal = dy == 0
    width = abs(dx) + abs(dy)
    along = (hx, hx + dx) if horizontal else (hy, hy + dy)
    normal = (0.0, float(side)) if horizontal else (float(side), 0.0)
    return {
        "hinge": (hx, hy),
        "closed": (hx + dx, hy + dy),
        "open": (hx + normal[0] * width, hy + normal[1] * width),
        "normal": normal,
        "horizontal": horizontal,
        "fixed": hy if horizontal else hx,
        "a": min(along),
        "b": max(along),
        "width": width,
        "kind": kind,
    }


def check_layout(key: str, layout: dict) -> None:
    """Sanity checks of the table: rooms do not overlap, every door sits on a wall."""
    rooms = layout["rooms"]
    for i, (_n, x, y, w, h, _s) in enumerate(rooms):
        for j in range(i + 1, len(rooms)):
            _m, x2, y2, w2, h2, _t = rooms[j]
            if _dm(x) < _dm(x2 + w2) and _dm(x2) < _dm(x + w) and _dm(y) < _dm(y2 + h2) and _dm(y2) < _dm(y + h):
                raise ValueError(f"{key}: rooms {i} and {j} overlap")
    runs = wall_runs(rooms)
    for door in layout["doors"]:
        d = door_geometry(door)
        if not any(
            r["horizontal"] == d["horizontal"]
            and abs(r["fixed"] - d["fixed"]) < 1e-6
            and r["a"] - 1e-6 <= d["a"]
            and d["b"] <= r["b"] + 1e-6
            for r in runs
        ):
            raise ValueError(f"{key}: door {door} is not on a wall")


def plan_bounds(rooms) -> tuple[float, float, float, float]:
    return (
        min(r[1] for r in rooms),
        min(r[2] for r in rooms),
        max(r[1] + r[3] for r in rooms),
        max(r[2] + r[4] for r in rooms),
    )


def title_bar(cv: Canvas, layout: dict, suffix: str = "") -> None:
    """Dark teal band with the layout code, its type and area; the project name on the right."""
    cv.rect((0, 0, cv.width, 56), fill=TEAL)
    cv.rect((0, 56, cv.width, 59), fill=hexc("#C9A45C"))
    code = f"{layout['code']}户型"
    x = 24
    cv.text((x, 29), code, 28, (255, 255, 255), bold=True, anchor="lm")
    x += cv.text_size(code, 28, bold=True)[0] + 18
    rest = f"{layout['kind']}  建筑面积约{layout['area']}㎡"
    cv.text((x, 30), rest, 20, (255, 255, 255), anchor="lm")
    x += cv.text_size(rest, 20)[0] + 14
    if suffix:
        w = cv.text_size(suffix, 14)[0] + 16
        cv.rect((x, 18, x + w, 42), fill=hexc("#C9A45C"), radius=5)
        cv.text((x + w / 2, 30), suffix, 14, (255, 255, 255), bold=True)
    cv.text((cv.width - 22, 30), PROJECT_NAME, 18, hexc("#D8EFEC"), bold=True, anchor="rm")


def north_arrow(cv: Canvas, cx: float, cy: float, r: float = 20) -> None:
    cv.circle(cx, cy, r, fill=(255, 255, 255), outline=INK, width=1.5)
    cv.poly([(cx, cy - r + 3), (cx + 7, cy + 9), (cx, cy + 4)], fill=INK)
    cv.poly([(cx, cy - r + 3), (cx - 7, cy + 9), (cx, cy + 4)], fill=(255, 255, 255), outline=INK, width=1)
    cv.text((cx, cy - r - 11), "北", 13, INK, bold=True)


def scale_bar(cv: Canvas, x: float, y: float, px_per_m: float, metres: int = 3) -> None:
    for m in range(metres):
        fill = INK if m % 2 == 0 else (255, 255, 255)
        cv.rect((x + m * px_per_m, y, x + (m + 1) * px_per_m, y + 6), fill=fill, outline=INK, width=1)
        cv.text((x + m * px_per_m, y + 16), str(m), 11, INK)
    cv.text((x + metres * px_per_m + 3, y + 16), f"{metres}m", 11, INK, anchor="lm")
    cv.text((x + metres * px_per_m + 22, y + 3), "比例尺", 11, LINE_THIN, anchor="lm")


def dimension(cv: Canvas, p0, p1, label: str, horizontal: bool) -> None:
    """An architectural dimension line with oblique ticks and the length in millimetres."""
    cv.line([p0, p1], fill=LINE_THIN, width=1)
    for px, py in (p0, p1):
        cv.line([(px - 4, py + 4), (px + 4, py - 4)], fill=INK, width=1.5)
        if horizontal:
            cv.line([(px, py - 7), (px, py + 7)], fill=LINE_THIN, width=1)
        else:
            cv.line([(px - 7, py), (px + 7, py)], fill=LINE_THIN, width=1)
    mx, my = (p0[0] + p1[0]) / 2, (p0[1] + p1[1]) / 2
    if horizontal:
        cv.text((mx, my - 8), label, 12, INK_INNER)
    else:
        # vertical text: draw on a small image and paste it rotated
        size = font(round(12 * SS))
        box = cv.draw.textbbox((0, 0), label, font=size, anchor="lt")
        tile = Image.new("RGBA", (box[2] + 4, box[3] + 4), (255, 255, 255, 0))
        ImageDraw.Draw(tile).text((2, 2), label, font=size, fill=INK_INNER + (255,), anchor="lt")
        tile = tile.rotate(90, expand=True)
        cv.img.paste(tile, (round((mx + 5) * SS), round(my * SS - tile.height / 2)), tile)


# ---------------------------------------------------------------------------------------------------------------------
# Floorplans: 2D drawing
# ---------------------------------------------------------------------------------------------------------------------

PLAN_BOX = (70, 105, 700, 530)  # where the plan (walls included) is fitted on the 800x600 sheet


def draw_floorplan(layout: dict, path: Path) -> None:
    rooms = layout["rooms"]
    runs = wall_runs(rooms)
    wins = windows(rooms, runs)
    doors = [door_geometry(d) for d in layout["doors"]]
    bx0, by0, bx1, by1 = plan_bounds(rooms)
    box_w, box_h = PLAN_BOX[2] - PLAN_BOX[0], PLAN_BOX[3] - PLAN_BOX[1]
    scale = min(58.0, box_w / (bx1 - bx0 + WALL_OUTER), box_h / (by1 - by0 + WALL_OUTER))
    ox = PLAN_BOX[0] + (box_w - (bx1 - bx0) * scale) / 2 - bx0 * scale
    oy = PLAN_BOX[1] + (box_h - (by1 - by0) * scale) / 2 - by0 * scale

    def pt(x: float, y: float) -> tuple[float, float]:
        return ox + x * scale, oy + y * scale

    def run_box(run: dict, thickness: float, extend: bool = True) -> tuple[float, float, float, float]:
        t = thickness / 2
        e = t if extend else 0
        if run["horizontal"]:
            return (*pt(run["a"] - e, run["fixed"] - t), *pt(run["b"] + e, run["fixed"] + t))
        return (*pt(run["fixed"] - t, run["a"] - e), *pt(run["fixed"] + t, run["b"] + e))

    cv = Canvas(800, 600)
    title_bar(cv, layout)

    # floors
    for name, x, y, w, h, _win in rooms:
        cv.rect((*pt(x, y), *pt(x + w, y + h)), fill=FLOOR_COLOURS.get(name, (240, 240, 240)))
    # walls: inner first, outer on top so that corners stay dark
    for run in runs:
        if run["kind"] == "inner":
            cv.rect(run_box(run, WALL_INNER), fill=INK_INNER)
    for run in runs:
        if run["kind"] == "rail":
            cv.rect(run_box(run, RAIL), fill=(255, 255, 255), outline=INK_INNER, width=1)
    for run in runs:
        if run["kind"] == "rail":
            r = dict(run, a=run["a"] + RAIL / 2, b=run["b"] - RAIL / 2)
            x0, y0, x1, y1 = run_box(r, 0, extend=False)
            cv.line([(x0, y0), (x1, y1)], fill=INK_INNER, width=1)
    for run in runs:
        if run["kind"] == "outer":
            cv.rect(run_box(run, WALL_OUTER), fill=INK)
    # windows: a white opening with the four thin lines of the drawing convention
    for win in wins:
        x0, y0, x1, y1 = run_box(win, WALL_OUTER, extend=False)
        cv.rect((x0, y0, x1, y1), fill=(255, 255, 255), outline=INK, width=1)
        for f in (1 / 3, 2 / 3):
            if win["horizontal"]:
                cv.line([(x0, y0 + (y1 - y0) * f), (x1, y0 + (y1 - y0) * f)], fill=INK, width=1)
            else:
                cv.line([(x0 + (x1 - x0) * f, y0), (x0 + (x1 - x0) * f, y1)], fill=INK, width=1)
    # door openings, leaves and swings
    for d in doors:
        nx, ny = d["normal"]
        for sign in (1, -1):  # each half of the opening takes the floor colour of its own side
            probe = room_at(
                rooms, round(20 * (d["hinge"][0] + nx * sign * 0.2)), round(20 * (d["hinge"][1] + ny * sign * 0.2))
            )
            if probe is None:
                probe = room_at(
                    rooms,
                    round(20 * ((d["a"] + d["b"]) / 2 if d["horizontal"] else d["fixed"] + sign * nx * 0.2)),
                    round(20 * (d["fixed"] + sign * ny * 0.2 if d["horizontal"] else (d["a"] + d["b"]) / 2)),
                )
            colour = FLOOR_COLOURS.get(rooms[probe][0], (255, 255, 255)) if probe is not None else (255, 255, 255)
            t = WALL_OUTER / 2 + 0.02
            if d["horizontal"]:
                ys = (d["fixed"], d["fixed"] + sign * ny * t)
                cv.rect((*pt(d["a"], min(ys)), *pt(d["b"], max(ys))), fill=colour)
            else:
                xs = (d["fixed"], d["fixed"] + sign * nx * t)
                cv.rect((*pt(min(xs), d["a"]), *pt(max(xs), d["b"])), fill=colour)
        # jambs
        for end in (d["a"], d["b"]):
            t = WALL_INNER / 2
            if d["horizontal"]:
                cv.line([pt(end, d["fixed"] - t), pt(end, d["fixed"] + t)], fill=INK_INNER, width=1)
            else:
                cv.line([pt(d["fixed"] - t, end), pt(d["fixed"] + t, end)], fill=INK_INNER, width=1)
        if d["kind"] == "slide":
            half = (d["b"] - d["a"]) / 2 + 0.1
            for k, off in ((0, -0.03), (1, 0.03)):
                a = d["a"] + k * ((d["b"] - d["a"]) - half)
                if d["horizontal"]:
                    cv.rect((*pt(a, d["fixed"] + off - 0.025), *pt(a + half, d["fixed"] + off + 0.025)), fill=INK_INNER)
                else:
                    cv.rect((*pt(d["fixed"] + off - 0.025, a), *pt(d["fixed"] + off + 0.025, a + half)), fill=INK_INNER)
            continue
        hx, hy = pt(*d["hinge"])
        r = d["width"] * scale
        a_closed = math.degrees(math.atan2(d["closed"][1] - d["hinge"][1], d["closed"][0] - d["hinge"][0]))
        a_open = math.degrees(math.atan2(d["open"][1] - d["hinge"][1], d["open"][0] - d["hinge"][0]))
        start, end = (a_closed, a_open) if (a_open - a_closed) % 360 == 90 else (a_open, a_closed)
        cv.arc((hx - r, hy - r, hx + r, hy + r), start, end, fill=LINE_THIN, width=1)
        cv.line([(hx, hy), pt(*d["open"])], fill=INK, width=2.5 if d["kind"] == "entry" else 2)
        if d["kind"] == "entry":
            # arrow and "入户" outside the front door
            mx = (d["a"] + d["b"]) / 2
            if d["horizontal"]:
                tip = pt(mx, d["fixed"] - ny * 0.2)
                base = pt(mx, d["fixed"] - ny * 0.55)
                cv.poly([tip, (base[0] - 6, base[1]), (base[0] + 6, base[1])], fill=hexc("#C9A45C"))
                cv.text((base[0] + 10, base[1]), "入户", 12, hexc("#9A7A36"), bold=True, anchor="lm")
            else:
                tip = pt(d["fixed"] - nx * 0.2, mx)
                base = pt(d["fixed"] - nx * 0.55, mx)
                cv.poly([tip, (base[0], base[1] - 6), (base[0], base[1] + 6)], fill=hexc("#C9A45C"))
                cv.text((base[0], base[1] - 10), "入户", 12, hexc("#9A7A36"), bold=True, anchor="md")

    # labels, kept clear of the door swings
    swings = []
    for d in doors:
        if d["kind"] != "slide":
            xs = [d["hinge"][0], d["closed"][0], d["open"][0]]
            ys = [d["hinge"][1], d["closed"][1], d["open"][1]]
            swings.append((*pt(min(xs), min(ys)), *pt(max(xs), max(ys))))
    for name, x, y, w, h, _win in rooms:
        if name in UNLABELLED_ROOMS:
            continue
        inset = WALL_OUTER / 2 + 0.05
        draw_room_label(cv, name, w * h, (*pt(x + inset, y + inset), *pt(x + w - inset, y + h - inset)), swings)

    # overall dimensions (south and east), north arrow, scale bar, note
    left, top = pt(bx0, by0)
    right, bottom = pt(bx1, by1)
    ext = WALL_OUTER / 2 * scale
    # keep the dimension lines clear of an entry marker on the same side
    east_entry = any(d["kind"] == "entry" and not d["horizontal"] and d["fixed"] == bx1 for d in doors)
    south_entry = any(d["kind"] == "entry" and d["horizontal"] and d["fixed"] == by1 for d in doors)
    dy = ext + (44 if south_entry else 20)
    dx = ext + (44 if east_entry else 20)
    dimension(cv, (left, bottom + dy), (right, bottom + dy), f"{round((bx1 - bx0) * 1000)}", True)
    dimension(cv, (right + dx, top), (right + dx, bottom), f"{round((by1 - by0) * 1000)}", False)
    north_arrow(cv, 758, 100)
    scale_bar(cv, 24, 570, scale)
    cv.text((776, 580), "注：户型图仅供参考，面积为套内估算，以实际交付为准", 11, LINE_THIN, anchor="rm")
    cv.save(path)


def draw_room_label(cv: Canvas, name: str, area: float, room_box, obstacles) -> None:
    """Room name and area inside ``room_box`` (pixels), away from ``obstacles`` (door swings).

    One line if it fits, else two; the font shrinks and the label moves off-centre until it fits.
    """
    area_text = f"{area:.1f}㎡"
    x0, y0, x1, y1 = room_box
    cx, cy, rw, rh = (x0 + x1) / 2, (y0 + y1) / 2, x1 - x0, y1 - y0
    offsets = sorted(
        ((fx / 10, fy / 10) for fx in range(-3, 4) for fy in range(-3, 4)),
        key=lambda f: (f[0] ** 2 + f[1] ** 2, abs(f[1]), f),
    )

    def free(bx0: float, by0: float, bx1: float, by1: float) -> bool:
        if bx0 < x0 or by0 < y0 or bx1 > x1 or by1 > y1:
            return False
        return all(bx1 <= ox0 or bx0 >= ox1 or by1 <= oy0 or by0 >= oy1 for ox0, oy0, ox1, oy1 in obstacles)

    for size in (17, 16, 15, 14, 13, 12, 11, 10):
        name_w, name_h = cv.text_size(name, size, bold=True)
        gap_w = cv.text_size(name + " ", size, bold=True)[0] - name_w
        area_w, area_h = cv.text_size(area_text, size - 2)
        shapes = (
            ("one", name_w + gap_w + area_w, max(name_h, area_h)),
            ("two", max(name_w, area_w), name_h + area_h + 4),
            ("name", name_w, name_h),
        )
        for mode, w, h in shapes:
            for fx, fy in offsets:
                px, py = cx + fx * rw, cy + fy * rh
                if not free(px - w / 2 - 1, py - h / 2 - 1, px + w / 2 + 1, py + h / 2 + 1):
                    continue
                if mode == "name" and size > 10:
                    break
                if mode == "one":
                    left = px - w / 2
                    cv.text((left, py), name, size, INK, bold=True, anchor="lm")
                    cv.text((left + name_w + gap_w, py + 1), area_text, size - 2, INK_INNER, anchor="lm")
                elif mode == "name":
                    cv.text((px, py), name, size, INK, bold=True)
                else:
                    cv.text((px, py - h / 2 + name_h / 2), name, size, INK, bold=True)
                    cv.text((px, py + h / 2 - area_h / 2), area_text, size - 2, INK_INNER)
                return
    cv.text((cx, cy), name, 10, INK, bold=True)


# ---------------------------------------------------------------------------------------------------------------------
# Floorplans: pseudo-3D drawing
# ---------------------------------------------------------------------------------------------------------------------


def subtract(a: float, b: float, cuts: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Parts of the interval [a, b] not covered by ``cuts``."""
    parts = [(a, b)]
    for c0, c1 in cuts:
        nxt = []
        for p0, p1 in parts:
            if c1 <= p0 or c0 >= p1:
                nxt.append((p0, p1))
                continue
            if c0 > p0:
                nxt.append((p0, c0))
            if c1 < p1:
                nxt.append((c1, p1))
        parts = nxt
    return [(p0, p1) for p0, p1 in parts if p1 - p0 > 1e-6]


def draw_floorplan_3d(layout: dict, path: Path) -> None:
    rooms = layout["rooms"]
    runs = wall_runs(rooms)
    wins = windows(rooms, runs)
    doors = [door_geometry(d) for d in layout["doors"]]
    bx0, by0, bx1, by1 = plan_bounds(rooms)
    cx, cy = (bx0 + bx1) / 2, (by0 + by1) / 2
    theta = math.radians(-28)  # plan rotation
    phi = math.radians(58)  # camera elevation above the horizon
    wall_h, sill_h, slab = 1.15, 0.45, 0.3
    cos_t, sin_t = math.cos(theta), math.sin(theta)
    sin_p, cos_p = math.sin(phi), math.cos(phi)

    def rot(x: float, y: float) -> tuple[float, float]:
        return (x - cx) * cos_t - (y - cy) * sin_t, (x - cx) * sin_t + (y - cy) * cos_t

    # fit the whole model (rotated footprint plus wall height) into the sheet
    corners = [rot(x, y) for x in (bx0, bx1) for y in (by0, by1)]
    xs = [c[0] for c in corners]
    ys = [c[1] * sin_p for c in corners]
    span_w = max(xs) - min(xs) + 0.6
    span_h = max(ys) - min(ys) + (wall_h + slab) * cos_p + 0.6
    scale = min(700 / span_w, 450 / span_h)
    sx0 = 400 - (max(xs) + min(xs)) / 2 * scale
    sy0 = 90 + 465 / 2 - ((max(ys) + min(ys)) / 2 - (wall_h - slab) * cos_p / 2) * scale

    def proj(x: float, y: float, z: float = 0.0) -> tuple[float, float]:
        xr, yr = rot(x, y)
        return sx0 + xr * scale, sy0 + (yr * sin_p - z * cos_p) * scale

    def depth(x: float, y: float) -> float:
        return rot(x, y)[1]

    light = (math.cos(math.radians(-50)), math.sin(math.radians(-50)))  # light from the upper left of the sheet

    def shade(base: Colour, normal: tuple[float, float]) -> Colour:
        nx, ny = normal
        rx, ry = nx * cos_t - ny * sin_t, nx * sin_t + ny * cos_t
        k = 0.62 + 0.3 * max(0.0, -(rx * light[0] + ry * light[1]) * -1)
        return mix((40, 44, 48), base, k)

    def box_faces(x0: float, y0: float, x1: float, y1: float, z0: float, z1: float, top: Colour, side: Colour):
        """Polygons of the visible faces of an axis-aligned box, far faces first."""
        faces = []
        for normal, (ax, ay, bx, by) in (
            ((0, 1), (x0, y1, x1, y1)),
            ((0, -1), (x1, y0, x0, y0)),
            ((1, 0), (x1, y1, x1, y0)),
            ((-1, 0), (x0, y0, x0, y1)),
        ):
            facing = normal[0] * sin_t + normal[1] * cos_t  # rotated normal towards the viewer (+y)
            if facing > 1e-6:
                quad = [proj(ax, ay, z0), proj(bx, by, z0), proj(bx, by, z1), proj(ax, ay, z1)]
                faces.append((quad, shade(side, normal)))
        faces.append(([proj(x0, y0, z1), proj(x1, y0, z1), proj(x1, y1, z1), proj(x0, y1, z1)], top))
        return faces

    cv = Canvas(800, 600, background=hexc("#F4F6F5"))
    title_bar(cv, layout, suffix="3D户型示意")

    # ground shadow and concrete slab under the flat
    shadow = [proj(bx0 + 0.3, by0 + 0.4, -slab), proj(bx1 + 0.3, by0 + 0.4, -slab)]
    shadow += [proj(bx1 + 0.3, by1 + 0.4, -slab), proj(bx0 + 0.3, by1 + 0.4, -slab)]
    cv.poly(shadow, fill=(0, 0, 0, 22))
    slab_items = []
    for run in runs:
        if run["kind"] not in ("outer", "rail"):
            continue
        t = (WALL_OUTER if run["kind"] == "outer" else RAIL) / 2
        normal = {"N": (0, -1), "S": (0, 1), "W": (-1, 0), "E": (1, 0)}[run["side"]]
        f = run["fixed"] + t * (normal[0] + normal[1])
        a, b = run["a"] - t, run["b"] + t
        if run["horizontal"]:
            p0, p1 = (a, f), (b, f)
        else:
            p0, p1 = (f, a), (f, b)
        if normal[0] * sin_t + normal[1] * cos_t > 0:
            quad = [proj(*p0, 0), proj(*p1, 0), proj(*p1, -slab), proj(*p0, -slab)]
            slab_items.append((depth((p0[0] + p1[0]) / 2, (p0[1] + p1[1]) / 2), quad, shade(hexc("#B9BDBF"), normal)))
    for _d, quad, colour in sorted(slab_items, key=lambda item: item[0]):
        cv.poly(quad, fill=colour)

    # floors, door swings on the floor
    for name, x, y, w, h, _win in rooms:
        colour = FLOOR_COLOURS.get(name, (240, 240, 240))
        cv.poly([proj(x, y), proj(x + w, y), proj(x + w, y + h), proj(x, y + h)], fill=colour)
    for d in doors:
        if d["kind"] == "slide":
            continue
        hx, hy = d["hinge"]
        a0 = math.atan2(d["closed"][1] - hy, d["closed"][0] - hx)
        a1 = math.atan2(d["open"][1] - hy, d["open"][0] - hx)
        if (math.degrees(a1 - a0)) % 360 > 180:
            a0, a1 = a1, a0
        sweep = math.radians((math.degrees(a1 - a0)) % 360)
        arc = [
            proj(hx + d["width"] * math.cos(a0 + sweep * k / 16), hy + d["width"] * math.sin(a0 + sweep * k / 16))
            for k in range(17)
        ]
        cv.line(arc, fill=LINE_THIN + (160,), width=1)

    # walls, window sills, glass and balcony parapets, chopped into short blocks sorted back to front
    blocks = []
    cuts_by_line: dict[tuple[bool, float], list[tuple[float, float]]] = {}
    for d in doors:
        cuts_by_line.setdefault((d["horizontal"], round(d["fixed"], 3)), []).append((d["a"], d["b"]))
    win_cuts: dict[tuple[bool, float], list[tuple[float, float]]] = {}
    for win in wins:
        win_cuts.setdefault((win["horizontal"], round(win["fixed"], 3)), []).append((win["a"], win["b"]))

    def add_blocks(horizontal: bool, fixed: float, a: float, b: float, t: float, z1: float, top, side, z0=0.0):
        n = max(1, math.ceil((b - a) / 0.3))
        for k in range(n):
            p0, p1 = a + (b - a) * k / n, a + (b - a) * (k + 1) / n
            if horizontal:
                x0, y0, x1, y1 = p0, fixed - t / 2, p1, fixed + t / 2
            else:
                x0, y0, x1, y1 = fixed - t / 2, p0, fixed + t / 2, p1
            blocks.append((depth((x0 + x1) / 2, (y0 + y1) / 2), z1, (x0, y0, x1, y1, z0, z1, top, side)))

    wall_top, wall_side = hexc("#4A4F55"), hexc("#E9E6E0")
    for run in runs:
        key = (run["horizontal"], round(run["fixed"], 3))
        if run["kind"] == "rail":
            for a, b in subtract(run["a"] - RAIL / 2, run["b"] + RAIL / 2, cuts_by_line.get(key, [])):
                add_blocks(run["horizontal"], run["fixed"], a, b, RAIL, 0.35, hexc("#8E979C"), hexc("#DADDDC"))
                add_blocks(run["horizontal"], run["fixed"], a, b, 0.04, 1.0, hexc("#9CCBE0"), hexc("#BFE3F2"), 0.35)
            continue
        t = WALL_OUTER if run["kind"] == "outer" else WALL_INNER
        cuts = cuts_by_line.get(key, []) + (win_cuts.get(key, []) if run["kind"] == "outer" else [])
        for a, b in subtract(run["a"] - t / 2, run["b"] + t / 2, cuts):
            add_blocks(run["horizontal"], run["fixed"], a, b, t, wall_h, wall_top, wall_side)
    for win in wins:
        add_blocks(win["horizontal"], win["fixed"], win["a"], win["b"], WALL_OUTER, sill_h, wall_top, wall_side)
        add_blocks(
            win["horizontal"], win["fixed"], win["a"], win["b"], 0.05, wall_h, hexc("#8FC3DB"), hexc("#B7DDEE"), sill_h
        )
    for _d, _z, (x0, y0, x1, y1, z0, z1, top, side) in sorted(blocks, key=lambda item: (item[0], item[1])):
        for quad, colour in box_faces(x0, y0, x1, y1, z0, z1, top, side):
            cv.poly(quad, fill=colour)

    # labels on white pills, drawn last so walls never hide them
    for name, x, y, w, h, _win in rooms:
        if name in UNLABELLED_ROOMS:
            continue
        px, py = proj(x + w / 2, y + h / 2)
        text = f"{name} {w * h:.1f}㎡"
        size = 13 if w * h >= 4 else 11
        tw, th = cv.text_size(text, size, bold=True)
        cv.rect(
            (px - tw / 2 - 6, py - th / 2 - 4, px + tw / 2 + 6, py + th / 2 + 5), fill=(255, 255, 255, 215), radius=8
        )
        cv.text((px, py), text, size, INK, bold=True)

    north = proj(cx, cy - 1), proj(cx, cy)
    angle = math.atan2(north[0][1] - north[1][1], north[0][0] - north[1][0])
    ncx, ncy = 752, 110
    cv.circle(ncx, ncy, 20, fill=(255, 255, 255), outline=INK, width=1.5)
    tip = (ncx + 16 * math.cos(angle), ncy + 16 * math.sin(angle))
    left = (ncx + 8 * math.cos(angle + 2.4), ncy + 8 * math.sin(angle + 2.4))
    right = (ncx + 8 * math.cos(angle - 2.4), ncy + 8 * math.sin(angle - 2.4))
    cv.poly([tip, left, (ncx, ncy), right], fill=INK)
    cv.text((ncx + 28 * math.cos(angle), ncy + 28 * math.sin(angle)), "北", 12, INK, bold=True)
    cv.text((776, 580), "注：效果示意图，家具与装修以实际交付为准", 11, LINE_THIN, anchor="rm")
    cv.save(path)


# ---------------------------------------------------------------------------------------------------------------------
# Illustrations
# ---------------------------------------------------------------------------------------------------------------------

SKY_TOP, SKY_BOTTOM = hexc("#4F9DDB"), hexc("#DCEFF8")
WATER_TOP, WATER_BOTTOM = hexc("#8CC9D6"), hexc("#2F7F97")


def cloud(cv: Canvas, x: float, y: float, s: float) -> None:
    for dx, dy, r in ((0, 0, 26), (30, -12, 32), (64, -2, 26), (94, 6, 18), (-26, 8, 16)):
        cv.circle(x + dx * s, y + dy * s, r * s, fill=(255, 255, 255, 200))
    cv.rect((x - 40 * s, y + 2 * s, x + 110 * s, y + 24 * s), fill=(255, 255, 255, 200), radius=11 * s)


def hills(cv: Canvas, base_y: float, amp: float, colour, phase: float, period: float = 260) -> None:
    pts = [(0, base_y + 200)]
    for x in range(0, cv.width + 11, 10):
        y = base_y - amp * (0.6 + 0.4 * math.sin(x / period * 2 * math.pi + phase)) * (
            0.7 + 0.3 * math.sin(x / (period * 0.37) + phase * 2)
        )
        pts.append((x, y))
    pts.append((cv.width, base_y + 200))
    cv.poly(pts, fill=colour)


def tower(
    cv: Canvas, x: float, ground: float, w: float, top: float, depth: float = 34, floors_px: float = 21, cols: int = 5
) -> None:
    """A high-rise seen from the front-left: front face with window grid, shaded side face, roof crown."""
    front, side, glass, glass_side = hexc("#F5F1E8"), hexc("#CFC8BA"), hexc("#7FB0D0"), hexc("#5E8DAE")
    rise = depth * 0.45
    cv.poly([(x + w, top), (x + w + depth, top - rise), (x + w + depth, ground - rise), (x + w, ground)], fill=side)
    cv.rect((x, top, x + w, ground), fill=front)
    cv.poly([(x, top), (x + depth, top - rise), (x + w + depth, top - rise), (x + w, top)], fill=hexc("#E4DED2"))
    # crown
    cv.rect((x + w * 0.2, top - 26, x + w * 0.8, top), fill=hexc("#E8E2D6"))
    cv.poly(
        [
            (x + w * 0.8, top - 26),
            (x + w * 0.8 + depth * 0.5, top - 26 - rise * 0.5),
            (x + w * 0.8 + depth * 0.5, top - rise * 0.5),
            (x + w * 0.8, top),
        ],
        fill=side,
    )
    cv.rect((x + w * 0.2 - 4, top - 30, x + w * 0.8 + 4, top - 24), fill=hexc("#B79B62"))
    # window grid
    margin, gap = 9, 5
    cell = (w - 2 * margin) / cols
    y = top + 14
    row = 0
    while y + floors_px < ground - 28:
        for c in range(cols):
            x0 = x + margin + c * cell + gap / 2
            tint = mix(glass, (255, 255, 255), 0.25 * ((row + c) % 3 == 0))
            cv.rect((x0, y, x0 + cell - gap, y + floors_px - 8), fill=tint)
        cv.line([(x + 4, y + floors_px - 4), (x + w - 4, y + floors_px - 4)], fill=hexc("#DDD5C5"), width=1.5)
        for k in range(2):
            sx = x + w + 6 + k * (depth - 10) / 2
            sy = y - (sx - x - w) * rise / depth
            cv.poly(
                [(sx, sy), (sx + 9, sy - 4), (sx + 9, sy + floors_px - 12), (sx, sy + floors_px - 8)], fill=glass_side
            )
        y += floors_px
        row += 1
    # lobby
    cv.rect((x + w * 0.3, ground - 24, x + w * 0.7, ground), fill=hexc("#6C8FA6"))
    cv.rect((x - 4, ground - 28, x + w + 4, ground - 24), fill=hexc("#B79B62"))


def tree(cv: Canvas, x: float, ground: float, s: float, colour: Colour = (86, 150, 88)) -> None:
    cv.rect((x - 2.5 * s, ground - 22 * s, x + 2.5 * s, ground), fill=hexc("#7A5A3C"))
    dark, light = mix(colour, (20, 60, 30), 0.3), mix(colour, (230, 255, 200), 0.25)
    cv.circle(x, ground - 34 * s, 20 * s, fill=dark)
    cv.circle(x - 9 * s, ground - 30 * s, 14 * s, fill=colour)
    cv.circle(x + 8 * s, ground - 40 * s, 13 * s, fill=light)


def conifer(cv: Canvas, x: float, ground: float, s: float) -> None:
    cv.rect((x - 2 * s, ground - 10 * s, x + 2 * s, ground), fill=hexc("#6B4E33"))
    cv.poly([(x, ground - 62 * s), (x - 15 * s, ground - 8 * s), (x + 15 * s, ground - 8 * s)], fill=hexc("#3F7F57"))
    cv.poly([(x, ground - 62 * s), (x + 15 * s, ground - 8 * s), (x, ground - 8 * s)], fill=hexc("#356E4B"))


def willow(cv: Canvas, x: float, ground: float, s: float) -> None:
    """A lakeside weeping willow: leaning trunk, two branches, curtains of drooping strands."""
    bark = hexc("#5B4330")
    cv.line([(x, ground), (x + 4 * s, ground - 70 * s), (x + 16 * s, ground - 140 * s)], fill=bark, width=10 * s)
    cv.line([(x + 6 * s, ground - 90 * s), (x + 70 * s, ground - 150 * s)], fill=bark, width=5 * s)
    cv.line([(x + 12 * s, ground - 120 * s), (x - 40 * s, ground - 165 * s)], fill=bark, width=4 * s)
    for k in range(11):  # leafy crown: overlapping blobs of varying size along an arch
        t = k / 10
        bx = x - 70 * s + t * 200 * s
        by = ground - 160 * s - 42 * s * math.sin(t * math.pi) + 6 * s * math.sin(k * 2.3)
        rx, ry = (26 + 8 * math.sin(k * 1.3)) * s, (18 + 5 * math.cos(k * 1.7)) * s
        colour = (104, 158, 76, 225) if k % 2 else (128, 178, 90, 225)
        cv.ellipse((bx - rx, by - ry, bx + rx, by + ry), fill=colour)
    for k in range(46):
        t = k / 45
        top_x = x - 70 * s + t * 200 * s
        top_y = ground - 150 * s - 40 * s * math.sin(t * math.pi)
        length = (95 + 45 * math.sin(k * 1.9)) * s
        sway = 6 * s * math.sin(k * 0.7)
        colour = (96, 150, 70, 230) if k % 3 else (140, 188, 96, 230)
        cv.line(
            [(top_x, top_y), (top_x + sway * 0.5, top_y + length * 0.5), (top_x + sway, top_y + length)],
            fill=colour,
            width=2.5 * s,
            joint="curve",
        )


def water(cv: Canvas, top: float, bottom: float) -> None:
    cv.vgradient((0, top, cv.width, bottom), WATER_TOP, WATER_BOTTOM)


def ripples(cv: Canvas, top: float, bottom: float, rng: random.Random, count: int = 70) -> None:
    for _ in range(count):
        y = rng.uniform(top + 8, bottom - 4)
        x = rng.uniform(-20, cv.width)
        length = rng.uniform(30, 120) * (0.4 + (y - top) / (bottom - top))
        cv.line([(x, y), (x + length, y)], fill=(255, 255, 255, 70), width=1.5)


def reflect(cv: Canvas, waterline: float, height: float, alpha: int = 90) -> None:
    """Mirror the scene above the waterline into the water, faded and rippled."""
    y0 = round((waterline - height) * SS)
    y1 = round(waterline * SS)
    src = cv.img.crop((0, y0, cv.img.width, y1)).transpose(Image.Transpose.FLIP_TOP_BOTTOM)
    band = round(4 * SS)
    for k in range(0, src.height, band):
        strip = src.crop((0, k, src.width, min(src.height, k + band)))
        shift = round(3 * SS * math.sin(k / (band * 2.3)))
        fade = max(0, alpha - round(alpha * k / src.height))
        mask = Image.new("L", strip.size, fade)
        cv.img.paste(strip, (shift, y1 + k), mask)


def caption(cv: Canvas, title: str, subtitle: str) -> None:
    h = cv.height
    cv.rect((0, h - 92, cv.width, h), fill=(10, 40, 45, 150))
    cv.rect((40, h - 64, 46, h - 28), fill=hexc("#C9A45C"))
    cv.text((62, h - 46), title, 34, (255, 255, 255), bold=True, anchor="lm")
    tw = cv.text_size(title, 34, bold=True)[0]
    cv.text((62 + tw + 22, h - 44), subtitle, 20, hexc("#E5F2F0"), anchor="lm")
    cv.text((cv.width - 40, h - 46), f"{PROJECT_NAME} · 实景示意", 18, hexc("#D8EFEC"), anchor="rm")


def draw_cover(path: Path) -> None:
    rng = random.Random(1)
    cv = Canvas(1200, 800)
    cv.vgradient((0, 0, 1200, 560), SKY_TOP, SKY_BOTTOM)
    cv.circle(1040, 130, 120, fill=(255, 250, 225, 40))
    cv.circle(1040, 130, 46, fill=(255, 247, 214, 220))
    cloud(cv, 150, 380, 0.9)
    cloud(cv, 900, 260, 0.7)
    cloud(cv, 560, 150, 0.6)
    hills(cv, 520, 70, hexc("#A9CFC4"), 0.5, 330)
    hills(cv, 545, 45, hexc("#86B9A3"), 2.2, 240)
    # towers, back to front
    tower(cv, 560, 548, 132, 190, cols=5)
    tower(cv, 930, 548, 132, 230, cols=5)
    tower(cv, 740, 548, 148, 120, depth=38, cols=6)
    # podium and shore
    cv.rect((0, 540, 1200, 585), fill=hexc("#7DB26B"))
    cv.rect((520, 528, 1120, 552), fill=hexc("#EDE6D8"))
    cv.rect((520, 528, 1120, 532), fill=hexc("#B79B62"))
    for x in range(10, 1200, 34):
        tree(
            cv,
            x + rng.uniform(-8, 8),
            585,
            rng.uniform(0.75, 1.05),
            mix(hexc("#5E9F5A"), hexc("#8BC06B"), rng.random()),
        )
    cv.rect((0, 583, 1200, 590), fill=hexc("#E3D7BC"))
    water(cv, 590, 800)
    reflect(cv, 590, 470, alpha=80)
    ripples(cv, 590, 800, rng)
    # sail boat
    cv.poly([(180, 690), (260, 690), (250, 702), (192, 702)], fill=hexc("#F6F1E6"))
    cv.poly([(220, 686), (220, 620), (256, 684)], fill=(255, 255, 255))
    cv.poly([(216, 686), (216, 632), (190, 684)], fill=hexc("#F0D9A8"))
    # title
    cv.text((83, 163), PROJECT_NAME, 104, (0, 50, 60, 90), bold=True, anchor="ls")
    cv.text((80, 160), PROJECT_NAME, 104, (255, 255, 255), bold=True, anchor="ls")
    cv.rect((84, 186, 90, 226), fill=hexc("#C9A45C"))
    cv.text((104, 206), "湖畔精装高层 · 一线湖景生活", 28, (255, 255, 255), anchor="lm")
    cv.text((104, 246), "CUIHU GARDEN", 20, (255, 255, 255, 220), anchor="lm")
    cv.save(path)


def draw_gallery_lake(path: Path) -> None:
    rng = random.Random(2)
    cv = Canvas(1200, 800)
    cv.vgradient((0, 0, 1200, 430), hexc("#F2B879"), hexc("#FCE7C8"))
    cv.circle(820, 350, 130, fill=(255, 240, 200, 60))
    cv.circle(820, 350, 52, fill=hexc("#FFF2D2"))
    cloud(cv, 200, 160, 0.8)
    cloud(cv, 980, 120, 0.6)
    hills(cv, 400, 90, hexc("#C9A99A"), 1.0, 380)
    # far skyline
    for k, (x, w, h) in enumerate(((90, 50, 150), (160, 44, 190), (230, 56, 130), (980, 48, 170), (1050, 60, 140))):
        cv.rect((x, 430 - h, x + w, 430), fill=mix(hexc("#B58E86"), hexc("#9D7B78"), k % 2))
        for row in range(430 - h + 10, 425, 14):
            cv.line([(x + 6, row), (x + w - 6, row)], fill=(255, 230, 200, 90), width=2)
    hills(cv, 432, 40, hexc("#8FA88A"), 3.1, 200)
    cv.rect((0, 425, 1200, 436), fill=hexc("#7D9B78"))
    water(cv, 436, 800)
    reflect(cv, 436, 300, alpha=110)
    ripples(cv, 436, 710, rng)
    # sun glitter on the water
    for k in range(28):
        y = 450 + k * 9
        half = 12 + k * 2.4
        cv.line([(820 - half + (k % 3) * 6, y), (820 + half - (k % 2) * 8, y)], fill=(255, 236, 190, 130), width=2)
    # zig-zag bridge and pavilion on the right
    bridge = [(560, 640), (700, 600), (760, 615), (900, 572), (940, 582)]
    for (ax, ay), (bx, by) in zip(bridge, bridge[1:]):
        for px_ in range(round(ax) + 12, round(bx), 36):
            py_ = ay + (by - ay) * (px_ - ax) / (bx - ax)
            cv.rect((px_ - 2, py_, px_ + 2, py_ + 26), fill=hexc("#8A7F70"))
        cv.poly([(ax, ay), (bx, by), (bx, by + 8), (ax, ay + 8)], fill=hexc("#B9AC95"))
        cv.poly([(ax, ay - 5), (bx, by - 5), (bx, by), (ax, ay)], fill=hexc("#EFE6D4"))
        cv.line([(ax, ay - 16), (bx, by - 16)], fill=hexc("#8E5B3C"), width=2.5)
    for x, y in bridge:
        cv.line([(x, y - 5), (x, y - 18)], fill=hexc("#8E5B3C"), width=2.5)
    px, py = 1010, 580
    cv.poly([(px - 95, py - 10), (px + 95, py - 10), (px + 110, py + 18), (px - 110, py + 18)], fill=hexc("#D9CFBC"))
    cv.rect((px - 110, py + 18, px + 110, py + 30), fill=hexc("#B9AC95"))
    cv.rect((px - 70, py - 14, px + 70, py - 8), fill=hexc("#E6DCC8"))
    for dx in (-55, -20, 20, 55):
        cv.rect((px + dx - 3, py - 80, px + dx + 3, py - 10), fill=hexc("#A0402E"))
    cv.poly([(px - 95, py - 80), (px + 95, py - 80), (px + 60, py - 112), (px - 60, py - 112)], fill=hexc("#3D4A52"))
    cv.poly([(px - 110, py - 74), (px - 95, py - 80), (px - 90, py - 86), (px - 112, py - 84)], fill=hexc("#3D4A52"))
    cv.poly([(px + 110, py - 74), (px + 95, py - 80), (px + 90, py - 86), (px + 112, py - 84)], fill=hexc("#3D4A52"))
    cv.poly([(px - 40, py - 112), (px + 40, py - 112), (px, py - 140)], fill=hexc("#2F3A41"))
    cv.circle(px, py - 142, 5, fill=hexc("#C9A45C"))
    # lotus leaves in the foreground
    for _ in range(22):
        x, y = rng.uniform(200, 560), rng.uniform(630, 695)
        r = rng.uniform(14, 26)
        cv.ellipse((x - r, y - r * 0.45, x + r, y + r * 0.45), fill=mix(hexc("#4F8F4A"), hexc("#7DB35E"), rng.random()))
        cv.line([(x, y), (x + r * 0.8, y - r * 0.2)], fill=(40, 90, 40, 120), width=1.5)
    for x, y in ((250, 650), (360, 668), (480, 642)):
        cv.line([(x, y), (x, y - 42)], fill=hexc("#4F7F3A"), width=3)
        cv.poly([(x, y - 70), (x - 13, y - 46), (x, y - 40), (x + 13, y - 46)], fill=hexc("#F4A9B8"))
        cv.poly([(x, y - 62), (x - 7, y - 44), (x + 7, y - 44)], fill=hexc("#E87D96"))
    willow(cv, 110, 720, 1.45)
    caption(cv, "湖景", "三面环湖，推窗即见翠湖日落")
    cv.save(path)


def draw_gallery_clubhouse(path: Path) -> None:
    rng = random.Random(3)
    cv = Canvas(1200, 800)
    cv.vgradient((0, 0, 1200, 520), SKY_TOP, SKY_BOTTOM)
    cloud(cv, 140, 120, 0.8)
    cloud(cv, 760, 90, 0.7)
    # towers behind, faded
    for x, top in ((120, 150), (900, 110), (1060, 170)):
        tower(cv, x, 470, 110, top, depth=28, floors_px=19, cols=4)
    cv.rect((0, 0, 1200, 470), fill=(220, 236, 245, 90))
    hills(cv, 470, 30, hexc("#8DBB8F"), 0.2, 200)
    cv.rect((0, 460, 1200, 800), fill=hexc("#8CC07A"))
    # clubhouse: two storeys, glass curtain wall, white slabs, timber cladding
    x0, x1, ground = 250, 950, 520
    cv.rect((x0 + 40, 330, x1 - 160, 432), fill=hexc("#BFDCEC"))  # upper storey glass
    cv.rect((x0, 432, x1, ground), fill=hexc("#A9CFE3"))  # ground floor glass
    for gx in range(x0, x1 + 1, 50):
        cv.line([(gx, 432), (gx, ground)], fill=hexc("#E9EEF0"), width=3)
    for gx in range(x0 + 40, x1 - 159, 45):
        cv.line([(gx, 330), (gx, 432)], fill=hexc("#E9EEF0"), width=3)
    cv.poly([(x0 + 60, 340), (x0 + 180, 340), (x0 + 100, 425), (x0 + 60, 425)], fill=(255, 255, 255, 70))
    cv.poly([(x0 + 400, 440), (x0 + 520, 440), (x0 + 460, 515), (x0 + 360, 515)], fill=(255, 255, 255, 60))
    cv.rect((x1 - 160, 330, x1 - 20, 432), fill=hexc("#B9875A"))  # timber box
    for ty in range(336, 432, 8):
        cv.line([(x1 - 160, ty), (x1 - 20, ty)], fill=hexc("#A47548"), width=1.5)
    cv.rect((x0 - 30, 314, x1 + 20, 330), fill=(255, 255, 255))  # roof slab
    cv.rect((x0 - 30, 330, x1 + 20, 334), fill=hexc("#C9CED0"))
    cv.rect((x0 - 50, 424, x1 + 50, 436), fill=(255, 255, 255))  # first floor slab
    cv.rect((x0 - 50, 436, x1 + 50, 439), fill=hexc("#C9CED0"))
    cv.rect((560, 455, 640, ground), fill=hexc("#5E7F92"))  # entrance
    cv.text((600, 375), "翠湖会所", 24, hexc("#2B4E5A"), bold=True)
    cv.rect((x0 - 60, ground, x1 + 60, 536), fill=hexc("#E7E1D5"))  # terrace
    # pool with a near deck carrying chairs and umbrellas
    pool = [(170, 556), (1030, 556), (1090, 652), (110, 652)]
    cv.poly([(160, 548), (1040, 548), (1106, 660), (94, 660)], fill=hexc("#F1EDE4"))
    cv.poly(pool, fill=hexc("#47B8CF"))
    cv.poly([(170, 556), (1030, 556), (1038, 569), (162, 569)], fill=hexc("#2E9BB6"))
    for _ in range(36):
        y = rng.uniform(576, 645)
        x = rng.uniform(140, 1020)
        cv.line([(x, y), (x + rng.uniform(25, 70), y + 2)], fill=(255, 255, 255, 110), width=2)
    for lane in range(1, 4):
        cv.line([(170 + lane * 215, 560), (110 + lane * 245, 650)], fill=(255, 255, 255, 120), width=2)
    cv.rect((0, 660, 1200, 708), fill=hexc("#D9C3A0"))  # timber deck
    for y in range(666, 708, 8):
        cv.line([(0, y), (1200, y)], fill=hexc("#C8AF88"), width=1)
    for x in (300, 900):
        cv.line([(x, 694), (x, 616)], fill=hexc("#6E6E6E"), width=3)
        cv.poly([(x - 62, 630), (x, 598), (x + 62, 630)], fill=hexc("#F3F0EA"))
        cv.poly([(x - 62, 630), (x - 31, 614), (x, 630)], fill=hexc("#C9A45C"))
        cv.poly([(x, 630), (x + 31, 614), (x + 62, 630)], fill=hexc("#C9A45C"))
    for x in (190, 410, 790, 1010):
        cv.rect((x - 42, 682, x + 30, 689), fill=(255, 255, 255))
        cv.poly([(x + 22, 682), (x + 34, 682), (x + 50, 660), (x + 42, 657)], fill=(255, 255, 255))
        cv.line([(x - 36, 689), (x - 36, 699)], fill=hexc("#8A9396"), width=2)
        cv.line([(x + 24, 689), (x + 24, 699)], fill=hexc("#8A9396"), width=2)
        cv.rect((x - 38, 678, x - 16, 683), fill=hexc("#C9A45C"), radius=2)  # towel
    for x in (40, 1150):
        tree(cv, x, 560, 2.2)
    for x in (120, 1080, 200, 1000):
        conifer(cv, x, 545, 1.3)
    caption(cv, "会所", "恒温泳池 · 健身中心 · 业主客厅")
    cv.save(path)


def draw_gallery_garden(path: Path) -> None:
    rng = random.Random(4)
    cv = Canvas(1200, 800)
    cv.vgradient((0, 0, 1200, 480), SKY_TOP, SKY_BOTTOM)
    cloud(cv, 260, 110, 0.7)
    cloud(cv, 980, 170, 0.9)
    for x, top in ((60, 160), (260, 120), (860, 140), (1040, 190)):
        tower(cv, x, 430, 110, top, depth=28, floors_px=19, cols=4)
    cv.rect((0, 0, 1200, 430), fill=(225, 240, 248, 80))
    hills(cv, 440, 40, hexc("#7FB574"), 1.3, 260)
    cv.vgradient((0, 430, 1200, 800), hexc("#8CC57B"), hexc("#5FA35A"))
    # winding stone path from the front to the pavilion
    centre = [(600 + 260 * math.sin(t / 10 * math.pi * 1.3) * (1 - t / 14), 800 - t * 27) for t in range(13)]
    left = [(x - 70 * (1 - k / 16), y) for k, (x, y) in enumerate(centre)]
    right = [(x + 70 * (1 - k / 16), y) for k, (x, y) in enumerate(centre)]
    cv.poly(left + right[::-1], fill=hexc("#E9DFC9"))
    for k, (x, y) in enumerate(centre[:-1]):
        w = 60 * (1 - k / 16)
        cv.line([(x - w, y - 12), (x + w, y - 12)], fill=hexc("#D3C6AA"), width=2)
    # fountain: basin, column and parabolic jets falling back into the basin
    fx, fy = 880, 560
    cv.ellipse((fx - 120, fy - 30, fx + 120, fy + 30), fill=hexc("#E7E1D5"))
    cv.ellipse((fx - 105, fy - 22, fx + 105, fy + 22), fill=hexc("#5DBBD0"))
    cv.rect((fx - 7, fy - 34, fx + 7, fy), fill=hexc("#D9D2C3"))
    cv.ellipse((fx - 22, fy - 40, fx + 22, fy - 30), fill=hexc("#E7E1D5"))
    for reach in (-90, -65, -40, 40, 65, 90):
        jet = [(fx + reach * t, fy - 40 - 70 * (4 * t * (1 - t)) + 45 * t) for t in (k / 20 for k in range(21))]
        cv.line(jet, fill=(235, 250, 255, 210), width=2.5, joint="curve")
    cv.line([(fx, fy - 40), (fx, fy - 88)], fill=(235, 250, 255, 230), width=4)
    for k in range(7):
        cv.circle(fx - 78 + k * 26, fy + 2, 5, fill=(255, 255, 255, 120))
    # pavilion at the end of the path
    px, py = centre[-1][0], 468
    cv.rect((px - 60, py - 6, px + 60, py + 4), fill=hexc("#E6DCC8"))
    for dx in (-45, -15, 15, 45):
        cv.rect((px + dx - 3, py - 62, px + dx + 3, py - 6), fill=hexc("#A0402E"))
    cv.poly([(px - 80, py - 60), (px + 80, py - 60), (px + 45, py - 88), (px - 45, py - 88)], fill=hexc("#3D4A52"))
    cv.poly([(px - 30, py - 88), (px + 30, py - 88), (px, py - 110)], fill=hexc("#2F3A41"))
    # flower beds
    palette = [hexc(c) for c in ("#F28DA6", "#F7D154", "#B38BE0", "#FF9E6B", "#FFFFFF")]
    for bx, by, rw, rh in ((200, 640, 165, 48), (1025, 655, 140, 42), (380, 520, 120, 32)):
        cv.ellipse((bx - rw, by - rh, bx + rw, by + rh), fill=hexc("#4E8F46"))
        for _ in range(int(rw * rh / 45)):
            a, r = rng.uniform(0, 2 * math.pi), math.sqrt(rng.random())
            x, y = bx + math.cos(a) * r * (rw - 8), by + math.sin(a) * r * (rh - 6)
            cv.circle(x, y, rng.uniform(2.5, 4.5), fill=rng.choice(palette))
    # trees and bushes
    for x, ground, s in ((90, 560, 2.0), (440, 470, 1.2), (1120, 560, 2.1), (700, 470, 1.1), (980, 470, 1.3)):
        tree(cv, x, ground, s, mix(hexc("#4F9A52"), hexc("#87C066"), (x % 7) / 7))
    for x, ground in ((260, 470), (320, 475), (1050, 480)):
        conifer(cv, x, ground, 1.1)
    # bench
    cv.rect((380, 610, 470, 618), fill=hexc("#A47548"))
    cv.rect((380, 596, 470, 602), fill=hexc("#A47548"))
    cv.line([(388, 618), (388, 632)], fill=hexc("#5A5A5A"), width=3)
    cv.line([(462, 618), (462, 632)], fill=hexc("#5A5A5A"), width=3)
    caption(cv, "园林", "中央景观花园 · 四季有景 · 步移景异")
    cv.save(path)


# ---------------------------------------------------------------------------------------------------------------------
# App icon
# ---------------------------------------------------------------------------------------------------------------------


ICON_SIZE, ICON_SCALE = 256, 4  # drawn 4x larger, then scaled down


def save_app_icon(path: Path, top_left: str, bottom_right: str, draw_symbol) -> None:
    """A rounded square with a diagonal gradient and a white symbol; ``draw_symbol(draw, k)`` draws the symbol's
    mask at scale ``k`` (255 = white, 0 = cut out)."""
    k = ICON_SCALE
    big = ICON_SIZE * k
    gradient = Image.new("RGB", (big, big))
    gd = ImageDraw.Draw(gradient)
    for i in range(2 * big):
        gd.line([(i, 0), (0, i)], fill=mix(hexc(top_left), hexc(bottom_right), i / (2 * big - 1)), width=2)
    shape = Image.new("L", (big, big), 0)
    ImageDraw.Draw(shape).rounded_rectangle([0, 0, big - 1, big - 1], radius=56 * k, fill=255)
    icon = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    icon.paste(gradient, (0, 0), shape)
    symbol = Image.new("L", (big, big), 0)
    draw_symbol(ImageDraw.Draw(symbol), k)
    icon.paste(Image.new("RGBA", (big, big), (255, 255, 255, 255)), (0, 0), symbol)
    icon = icon.resize((ICON_SIZE, ICON_SIZE), Image.Resampling.LANCZOS)
    path.parent.mkdir(parents=True, exist_ok=True)
    icon.save(path, optimize=True)


def draw_icon(path: Path) -> None:
    """realty_base: a tower and a house."""

    def symbol(sd, k):
        dx, dy = 10, 6  # centres the symbol

        def r(*values: float) -> list[float]:
            return [(v + (dx if i % 2 == 0 else dy)) * k for i, v in enumerate(values)]

        # tower with a stepped crown, an antenna and a window grid (cut out)
        sd.rectangle(r(130, 62, 190, 200), fill=255)
        sd.rectangle(r(143, 46, 177, 62), fill=255)
        sd.rectangle(r(157, 26, 163, 46), fill=255)
        for row in range(6):
            for col in range(3):
                x, y = 139 + col * 16, 74 + row * 19
                sd.rectangle(r(x, y, x + 10, y + 11), fill=0)
        # house in front: gable roof with a chimney, door and window (cut out)
        sd.rectangle(r(98, 104, 108, 130), fill=255)
        sd.polygon(r(36, 142, 80, 98, 124, 142), fill=255)
        sd.rectangle(r(48, 134, 112, 200), fill=255)
        sd.rectangle(r(70, 164, 90, 200), fill=0)
        sd.rectangle(r(56, 148, 66, 158), fill=0)
        sd.rectangle(r(94, 148, 104, 158), fill=0)
        # ground line
        sd.rounded_rectangle(r(28, 206, 204, 216), radius=5 * k, fill=255)

    save_app_icon(path, "#0E8C83", "#5DBB63", symbol)


def draw_sales_icon(path: Path) -> None:
    """realty_sales: the sales-control board 销控表, a grid of units, sold ones filled, available ones outlined."""
    sold = {(0, 0), (0, 1), (0, 3), (1, 1), (1, 2), (2, 0), (2, 2), (3, 1), (3, 3)}

    def symbol(sd, k):
        cell, gap, left, top = 34, 10, 45, 45  # 4 x 4 cells of 34 px, 10 px apart, centred
        for row in range(4):
            for col in range(4):
                x, y = left + col * (cell + gap), top + row * (cell + gap)
                box = [x * k, y * k, (x + cell) * k, (y + cell) * k]
                if (row, col) in sold:
                    sd.rounded_rectangle(box, radius=6 * k, fill=255)
                else:
                    sd.rounded_rectangle(box, radius=6 * k, outline=255, width=5 * k)

    save_app_icon(path, "#D9534F", "#F0AD4E", symbol)


# ---------------------------------------------------------------------------------------------------------------------


def main() -> None:
    DEMO_DIR.mkdir(parents=True, exist_ok=True)
    for key, layout in LAYOUTS.items():
        check_layout(key, layout)
        draw_floorplan(layout, DEMO_DIR / f"layout_{key}.png")
    for key in ("c1", "d1"):
        draw_floorplan_3d(LAYOUTS[key], DEMO_DIR / f"layout_{key}_3d.png")
    draw_cover(DEMO_DIR / "project_cover.png")
    draw_gallery_lake(DEMO_DIR / "gallery_lake.png")
    draw_gallery_clubhouse(DEMO_DIR / "gallery_clubhouse.png")
    draw_gallery_garden(DEMO_DIR / "gallery_garden.png")
    draw_icon(ICON_PATH)
    draw_sales_icon(ROOT / "addons" / "realty_sales" / "static" / "description" / "icon.png")
    for path in sorted([*DEMO_DIR.glob("*.png"), ICON_PATH]):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
