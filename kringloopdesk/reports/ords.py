"""The Open Repair Data Standard (ORDS v0.3) CSV of a year's repairs (docs/ords.md).

One row per repair attempt, in the columns and the order of the Open Repair Alliance's
published data::

    id, data_provider, country, partner_product_category, product_category,
    product_category_id, brand, year_of_manufacture, product_age, repair_status,
    repair_barrier_if_end_of_life, group_identifier, event_date, problem

plus the optional ``record_date`` at the end. Comma-separated, UTF-8 without BOM, dates
``YYYY-MM-DD``, as the aggregators read it (this file is for an international standard, not
for Dutch Excel). ``product_category`` of an electrical item comes from its description when
that names a known appliance ("Waterkoker" -> Kettle), else from its product group; an item
that is not electrical (a bicycle, a table) gets the category of its product group, because a
"Computertafel" is no desktop computer (docs/ords.md has the tables). Takes
:class:`~kringloopdesk.services.repairs.OrdsData` (plain data; no Session here).
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kringloopdesk.services.repairs import OrdsData, OrdsRow

ORDS_VERSION = "0.3"
COUNTRY = "NLD"
COLUMNS = (
    "id", "data_provider", "country", "partner_product_category", "product_category",
    "product_category_id", "brand", "year_of_manufacture", "product_age", "repair_status",
    "repair_barrier_if_end_of_life", "group_identifier", "event_date", "problem",
    "record_date",
)

# ORDS v0.3 product categories (id -> name) that we map to.
CATEGORIES = {
    1: "Aircon/dehumidifier", 2: "Battery/charger/adapter", 3: "Decorative or safety lights",
    4: "Desktop computer", 5: "Digital compact camera", 6: "DSLR/video camera", 7: "Fan",
    8: "Flat screen", 9: "Hair & beauty item", 10: "Handheld entertainment device",
    11: "Headphones", 12: "Hi-Fi integrated", 13: "Hi-Fi separates", 14: "Kettle", 15: "Lamp",
    16: "Laptop", 17: "Large home electrical", 18: "Misc", 19: "Mobile",
    20: "Musical instrument", 21: "Paper shredder", 22: "PC accessory", 23: "Portable radio",
    24: "Power tool", 25: "Printer/scanner", 26: "Projector", 27: "Sewing machine",
    28: "Small home electrical", 29: "Small kitchen item", 30: "Tablet", 31: "Toaster",
    32: "Toy", 33: "TV and gaming-related accessories", 34: "Vacuum", 35: "Watch/clock",
    36: "Coffee maker", 37: "Food processor", 38: "Games console", 39: "Hair dryer",
    40: "Iron",
}

# Dutch words in a description (lower case, accents off), first match wins: the more
# specific before the general ("kerstverlichting" before "lamp", "videocamera" before
# "camera").
KEYWORDS: tuple[tuple[tuple[str, ...], int], ...] = (
    (("koffiemolen",), 37),
    (("waterkoker",), 14),
    (("broodrooster",), 31),
    (("koffie", "espresso", "senseo", "nespresso"), 36),
    (("stofzuiger", "kruimelzuiger"), 34),
    (("fohn", "haardroger"), 39),
    (("strijkijzer", "stoomstrijk"), 40),
    (("staafmixer", "mixer", "blender", "keukenmachine", "foodprocessor",
      "sapcentrifuge"), 37),
    (("naaimachine", "lockmachine"), 27),
    (("kerstverlichting", "lichtslinger", "fietslamp", "fietsverlichting"), 3),
    (("lamp", "verlichting"), 15),
    (("laptop", "notebook"), 16),
    (("desktop", "computer"), 4),
    (("televisie", "monitor", "beeldscherm"), 8),
    (("tablet", "e-reader", "navigatie"), 30),
    (("telefoon", "smartphone", "mobiel"), 19),
    (("printer", "scanner", "kopieer"), 25),
    (("koptelefoon", "hoofdtelefoon", "oordopjes", "headset"), 11),
    (("spelcomputer", "playstation", "xbox", "nintendo", "spelconsole"), 38),
    (("dvd", "blu-ray", "videorecorder", "settopbox", "mediaspeler"), 33),
    (("platenspeler", "versterker", "luidspreker", "speaker", "cd-speler", "cassettedeck",
      "tuner", "receiver"), 13),
    (("stereo", "boombox", "muziekcentrale", "radiocassette"), 12),
    (("radio",), 23),
    (("grasmaaier", "hometrainer", "loopband", "crosstrainer"), 17),
    (("boormachine", "schroefmachine", "zaag", "schuurmachine", "heggenschaar",
      "bladblazer", "slijptol", "trimmer"), 24),
    (("ventilator",), 7),
    (("airco", "ontvochtiger", "luchtreiniger"), 1),
    (("videocamera", "spiegelreflex", "camcorder"), 6),
    (("camera",), 5),
    (("wekker", "klok", "horloge"), 35),
    (("scheerapparaat", "tandenborstel", "stijltang", "krultang", "epilator",
      "tondeuse"), 9),
    (("oplader", "adapter", "powerbank"), 2),
    (("papierversnipperaar",), 21),
    (("toetsenbord", "muis", "webcam"), 22),
    (("projector", "beamer"), 26),
    (("gitaar", "synthesizer", "keyboard", "digitale piano"), 20),
    (("magnetron", "rijstkoker", "broodbakmachine", "tosti", "frituur", "airfryer",
      "wafelijzer", "gourmet", "grill"), 29),
)
# By product group: for an electrical item whose description names nothing known, and for
# every item that is not electrical. ORDS v0.3 lists electrical and electronic products only,
# so bicycles, furniture, textiles, books and household goods have no closer category than
# Misc; they are listed to say so, not left to chance. A group a shop adds later: Misc.
GROUP_CATEGORIES = {
    "witgoed": 17,  # Large home electrical
    "klein_elektrisch": 28,  # Small home electrical
    "ict_elektronica": 18,  # Misc: computers, TV and audio together have no one category
    "speelgoed": 32,  # Toy
    "fietsen": 18,
    "meubels": 18,
    "textiel": 18,
    "kleingoed": 18,
    "boeken_media": 18,
    "overig": 18,
}
FALLBACK_CATEGORY = 18  # Misc

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_PHONE = re.compile(r"(?:\+31|0)[\d\s-]{8,12}\d")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def product_category(group: str, description: str, electrical: bool = True
                     ) -> tuple[int, str]:
    """The ORDS category (id, name) of an item: an electrical item by the first keyword in
    its description, else (and always for an item that is not electrical) by its group."""
    if electrical:
        folded = _fold(description)
        for words, category in KEYWORDS:
            if any(word in folded for word in words):
                return category, CATEGORIES[category]
    category = GROUP_CATEGORIES.get(group, FALLBACK_CATEGORY)
    return category, CATEGORIES[category]


def scrub(text: str | None) -> str:
    """Free text without e-mail addresses and phone numbers (ORDS: no personal data)."""
    if not text:
        return ""
    text = _EMAIL.sub("[verwijderd]", text)
    text = _PHONE.sub("[verwijderd]", text)
    return " ".join(text.split())


def ords_record(row: OrdsRow, shop_name: str) -> dict[str, str]:
    category_id, category = product_category(row.product_group, row.description,
                                             row.electrical)
    return {
        "id": f"{row.item_number}-R{row.repair_id}",
        "data_provider": shop_name,
        "country": COUNTRY,
        "partner_product_category": f"{row.product_group_label} ~ {row.description}",
        "product_category": category,
        "product_category_id": str(category_id),
        "brand": row.brand or "",
        "year_of_manufacture": "",
        "product_age": "",
        "repair_status": row.outcome,
        "repair_barrier_if_end_of_life": row.barrier or "",
        "group_identifier": shop_name,
        "event_date": row.repair_date.isoformat(),
        "problem": scrub(row.problem),
        "record_date": row.record_date.isoformat(),
    }


def ords_csv(data: OrdsData) -> bytes:
    """The file's bytes: the header row, then one row per repair."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in data.rows:
        writer.writerow(ords_record(row, data.shop_name))
    return buffer.getvalue().encode("utf-8")


def write_atomically(path: Path, content: bytes) -> Path:
    """A temporary file in the target folder, moved into place when complete: a failure
    leaves the old file (or nothing) under the name, never half a file. The CLI's ``export``
    and the Artikelen page write through here."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part",
                                         dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
