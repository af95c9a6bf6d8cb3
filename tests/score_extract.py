"""Scoring extraction against a gold set (tests/gold_extract.py), through the JSON contract.

An expected item is aligned with a predicted candidate of the same kind whose evidence sentence
contains the item's quote (the best-agreeing one, each used once). Detection recall is aligned
items over expected items, detection precision aligned predictions over all predictions. Per
field (date, place, layer/status, value) a pair counts when the field agrees: precision is that
count over the predictions that carry the field (a date; a value or a count), recall over the
expected items that give it. A reject item is
violated by a prediction of its kind in its quote's sentence that has every attribute the item
forbids (a kind alone forbids any), unless the item names no certainty and the prediction is
marked denied, uncertain or retracted: the issue allows those where a plain one is wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from geo.gazetteer import haversine_km

FIELDS = ("date", "place", "layer/status", "value")


@dataclass
class Score:
    expected: int = 0
    predicted: int = 0
    aligned: int = 0
    field_ok: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    field_expected: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    field_predicted: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    rejects: int = 0
    violations: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    def ratio(self, a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def precision(self) -> float:
        return self.ratio(self.aligned, self.predicted)

    @property
    def recall(self) -> float:
        return self.ratio(self.aligned, self.expected)

    def field_pr(self, name: str) -> tuple[float, float]:
        return (self.ratio(self.field_ok[name], self.field_predicted[name]),
                self.ratio(self.field_ok[name], self.field_expected[name]))  # fmt: skip

    def report(self) -> str:
        lines = [
            f"expected {self.expected}, predicted {self.predicted}, aligned {self.aligned}: "
            f"detection precision {self.precision:.3f}, recall {self.recall:.3f}",
        ]
        for name in FIELDS:
            p, r = self.field_pr(name)
            lines.append(f"  {name:13} precision {p:.3f}  recall {r:.3f}")
        lines.append(f"  reject items violated: {len(self.violations)} of {self.rejects}")
        return "\n".join(lines)


def _layer_status(item: dict[str, Any]) -> Any:
    if item.get("kind") == "figure":
        return item.get("metric")
    if item.get("kind") == "state":
        return (item.get("layer"), item.get("status"))
    return item.get("layer")


def _place_ok(
    gold: Any, pred: dict[str, Any], where: Callable[[str], tuple[float, float] | None]
) -> bool:
    if gold is None:
        return pred.get("lat") is None
    if str(gold).startswith(("site:", "airport:", "admin1:")):
        if pred.get("site_id") == gold:
            return True
    point = where(str(gold))
    if point is None or pred.get("lat") is None:
        return False
    if str(gold).startswith(("site:", "airport:")) and pred.get("site_id") not in (None, gold):
        return False
    lat, lon = point
    return haversine_km(lat, lon, pred["lat"], pred["lon"]) <= 10.0


def _value_ok(item: dict[str, Any], pred: dict[str, Any]) -> bool | None:
    if "value" in item:
        return pred.get("value") == item["value"]
    if "counts" in item:
        counts = pred.get("counts") or {}
        return all(counts.get(k) == v for k, v in item["counts"].items())
    return None


def _agree(item: dict[str, Any], pred: dict[str, Any], where: Callable) -> dict[str, bool]:
    out: dict[str, bool] = {}
    if "date" in item:
        out["date"] = pred.get("date") == item["date"]
    if "place" in item:
        out["place"] = _place_ok(item["place"], pred, where)
    if (
        item.get("kind") == "figure"
        and "metric" in item
        or item.get("kind") != "figure"
        and "layer" in item
    ):
        out["layer/status"] = (
            _layer_status(item) == _layer_status(pred)
            if item.get("kind") != "state" or "status" in item
            else item.get("layer") == pred.get("layer")
        )
    ok = _value_ok(item, pred)
    if ok is not None:
        out["value"] = ok
    return out


def score(
    results: Iterable[tuple[str, list[dict[str, Any]], dict[str, Any]]],
    where: Callable[[str], tuple[float, float] | None],
) -> Score:
    """Score (body, predicted candidates, gold entry) triples; ``where`` gives a place id's
    coordinates."""
    s = Score()
    for body, preds, entry in results:
        s.predicted += len(preds)
        for p in preds:
            s.field_predicted["date"] += p.get("date") is not None
            s.field_predicted["place"] += 1
            s.field_predicted["layer/status"] += 1
            s.field_predicted["value"] += p.get("value") is not None or any(
                v is not None for v in (p.get("counts") or {}).values()
            )
        used: set[int] = set()
        for item in entry["expect"]:
            s.expected += 1
            agree_fields = [f for f in FIELDS if f in _agree(item, item_as_pred(item), where)]
            for f in agree_fields:
                s.field_expected[f] += 1
            pos = body.find(item["quote"])
            options = []
            for i, p in enumerate(preds):
                if i in used or p["kind"] != item["kind"]:
                    continue
                ev = p["evidence"]
                if pos < 0 or not ev["start"] <= pos < ev["end"]:
                    continue
                agreement = _agree(item, p, where)
                options.append((sum(agreement.values()), i, agreement))
            if not options:
                s.misses.append(
                    f"{entry['file']}: {item['kind']} {_layer_status(item)} "
                    f"{item.get('date')} {item.get('place')} | {item['quote']}"
                )
                continue
            _, i, agreement = max(options)
            used.add(i)
            s.aligned += 1
            for f, ok in agreement.items():
                s.field_ok[f] += ok
                if not ok:
                    p = preds[i]
                    s.wrong.append(
                        f"{entry['file']}: {f}: gold {item.get('date')} {item.get('place')} "
                        f"{_layer_status(item)} {item.get('value', item.get('counts'))} / got "
                        f"{p['date']} {p['site_id'] or p['place']} {_layer_status(p)} "
                        f"{p.get('value') or p.get('counts')} | {item['quote']}"
                    )
        for i, p in enumerate(preds):
            if i not in used:
                s.extra.append(
                    f"{entry['file']}: {p['kind']} {_layer_status(p)} {p['date']} "
                    f"{p['site_id'] or p['place']} {p.get('value') or ''} | "
                    f"{p['evidence']['text'][:90]}"
                )
        for item in entry.get("reject", []):
            s.rejects += 1
            pos = body.find(item["quote"])
            for p in preds:
                ev = p["evidence"]
                if (
                    pos < 0
                    or not ev["start"] <= pos < ev["end"]
                    or p["kind"] != item.get("kind", p["kind"])
                ):
                    continue
                checks = []
                if "place" in item:
                    checks.append(_place_ok(item["place"], p, where) and item["place"] is not None)
                if "layer" in item:
                    checks.append(p.get("layer") == item["layer"])
                if "status" in item:
                    checks.append(p.get("status") == item["status"])
                if "certainty" in item:
                    checks.append(p.get("certainty") == item["certainty"])
                if "metric" in item:
                    checks.append(p.get("metric") == item["metric"])
                if "certainty" not in item and p.get("certainty") != "reported":
                    continue  # a denied or hedged candidate is what the issue allows
                if not checks or all(checks):
                    s.violations.append(f"{entry['file']}: {item}")
                    break
    return s


def item_as_pred(item: dict[str, Any]) -> dict[str, Any]:
    """A gold item in the prediction's shape (to know which fields it gives)."""
    return {"lat": None, "site_id": None, **item}
