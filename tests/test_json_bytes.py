"""The JSON files are written by orjson in the very bytes the standard library writes."""

import json
from datetime import date, datetime, UTC

import pytest

from pipeline.emit.json import encode
from pipeline.layout import Layout


def stdlib(value):
    return json.dumps(value, ensure_ascii=False, indent=2,
                      default=lambda d: d.isoformat()) + "\n"


def test_every_json_file_of_a_release_is_what_the_standard_library_writes(fresh_release):
    files = sorted(fresh_release.rglob("*.json"))
    layout = Layout(fresh_release)
    # the tables, the descriptors, the change log, the run report, Datasette's metadata
    assert {layout.relative(p) for p in files} >= {
        "json/actions.json", "json/partners.json", "csv/datapackage.json",
        "parquet/datapackage.json", "json/datapackage.json", "changelog.json",
        "run-report.json", "sqlite/metadata.json"}
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert stdlib(json.loads(text)) == text, layout.relative(path)
    partners = json.loads((fresh_release / "json" / "partners.json").read_text(encoding="utf-8"))
    assert any(isinstance(p["latitude"], float) for p in partners)  # floats were among them


@pytest.mark.parametrize("value", [
    {"a": 1, "b": [], "c": {}, "d": [[]], "e": [{}], "f": None, "g": True, "h": False},
    [48.8566, -0.1276, 0.0, -0.0, 1e-4, 0.00012, 1e16, 1.5e300, 2.0, -90, 180.0],
    [1e-05, 5e-05, 9.99e-5, 1e-07, 3e-9],  # where orjson writes 0.00001 and Python 1e-05
    [float("nan"), float("inf"), -float("inf")],  # orjson writes null
    [2 ** 64, -(2 ** 63) - 1, 10 ** 30],  # beyond orjson's 64 bits
    {1: "a", None: "b", False: "c"},  # keys that are not strings
    {"date": date(2023, 7, 3), "dates": [date(1999, 12, 31), None, date(1, 1, 1)],
     "datetimes": [datetime(2026, 11, 25, 10, 0), datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=UTC)]},
    ["é « » ’ · – \u00a0", "\u2028\u2029\x7f", "\x00\x01\x1f\b\f\n\r\t", "\\ \" / </script>",
     "𝄞 🌍", "=SUM(A1)"],
    {"z": 1, "a": 2, "m": {"y": [1, {"b": 2, "a": 1}]}},  # key order kept, not sorted
])
def test_encode_writes_the_standard_librarys_bytes(value):
    assert encode(value) == stdlib(value)


def test_a_table_tells_encode_its_floats_and_a_tiny_one_still_falls_back(tmp_path):
    from pipeline.emit import json as json_format
    from pipeline.schemas import table_schema
    schema = table_schema("partners")
    row = {f["name"]: None for f in schema["fields"]}
    rows = [{**row, "latitude": 48.8, "longitude": 2.38}, {**row, "latitude": 1e-05, "longitude": 0.0}]
    json_format.write(tmp_path / "p.json", rows, schema)
    assert (tmp_path / "p.json").read_text(encoding="utf-8") == stdlib(rows)
    assert '"latitude": 1e-05' in (tmp_path / "p.json").read_text(encoding="utf-8")
