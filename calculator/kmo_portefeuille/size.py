"""Company size under the European SME definition (Recommendation 2003/361/EC).

Own figures plus partner enterprises in proportion to the stake and linked enterprises in full;
staying under the staff ceiling, plus one of the two financial ceilings; a change of size only after two
consecutive years; a public share at or above the threshold means the company is no SME.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .money import number, percent_nl, whole_euro
from .reasons import reason


@dataclass(frozen=True)
class Figures:
    fte: Decimal
    turnover: Decimal
    balance_sheet_total: Decimal | None  # None: not given (a sole trader has no balance sheet)

    def __add__(self, other: "Figures") -> "Figures":
        return Figures(
            self.fte + other.fte,
            self.turnover + other.turnover,
            _sum(self.balance_sheet_total, other.balance_sheet_total),
        )

    def scaled(self, fraction: Decimal) -> "Figures":
        balance = None if self.balance_sheet_total is None else self.balance_sheet_total * fraction
        return Figures(self.fte * fraction, self.turnover * fraction, balance)

    def filled(self, balance: Decimal) -> "Figures":
        """These figures with ``balance`` for a balance sheet total that was not given."""
        return self if self.balance_sheet_total is not None else Figures(self.fte, self.turnover, balance)

    def describe(self) -> str:
        """The figures in words; a balance sheet total that was not given is not mentioned."""
        staff = f"{number(_tenths(self.fte))} VTE"
        turnover = f"een jaaromzet van {whole_euro(self.turnover)}"
        if self.balance_sheet_total is None:
            return f"{staff} en {turnover}"
        return f"{staff}, {turnover} en een balanstotaal van {whole_euro(self.balance_sheet_total)}"


def _sum(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    # An unknown part makes the total unknown: it is then never used to pass a ceiling.
    return None if a is None or b is None else a + b


@dataclass(frozen=True)
class Holding:
    """A partner or linked enterprise: its figures and the stake (percent) between the two."""

    figures: Figures
    share: Decimal | None
    linked: bool


@dataclass(frozen=True)
class Company:
    figures: Figures
    previous: Figures | None = None
    holdings: tuple[Holding, ...] = ()


@dataclass(frozen=True)
class Outcome:
    size: str  # "klein" | "middelgroot" | "groot"
    category: str  # "micro" | "klein" | "middelgroot" | "groot"
    reasons: list[dict]


def combined(company_figures: Figures, holdings: tuple[Holding, ...], thresholds: dict) -> tuple[Figures, list[str]]:
    """The figures that count: own + partners pro rata + linked in full, and how each was counted."""
    partner_from = thresholds["partner_from_percent"]
    linked_above = thresholds["linked_above_percent"]
    total = company_figures
    notes = []
    for number_, holding in enumerate(holdings, start=1):
        kind = "verbonden onderneming" if holding.linked else "partneronderneming"
        name = f"{kind} {number_}"
        if holding.linked or holding.share > linked_above:
            total = total + holding.figures
            notes.append(f"{name}: volledig (100%) meegeteld")
        elif holding.share >= partner_from:
            total = total + holding.figures.scaled(holding.share / 100)
            notes.append(f"{name}: {percent_nl(holding.share)} meegeteld, naar verhouding van het belang")
        else:
            notes.append(f"{name}: niet meegeteld (een belang onder {percent_nl(partner_from)} telt niet)")
    return total, notes


def category_of(figures: Figures, ceilings: list[dict]) -> tuple[str, dict | None]:
    """The smallest category whose staff ceiling and at least one financial ceiling hold."""
    for ceiling in ceilings:
        staff_ok = figures.fte < ceiling["staff_below"]
        balance = figures.balance_sheet_total
        money_ok = (figures.turnover <= ceiling["turnover_max"]
                    or (balance is not None and balance <= ceiling["balance_sheet_total_max"]))
        if staff_ok and money_ok:
            return ceiling["category"], ceiling
    return "groot", None


def _size_of(category: str, ceilings: list[dict]) -> str:
    return next((c["counts_as"] for c in ceilings if c["category"] == category), "groot")


def _rule_text(ceiling: dict | None, ceilings: list[dict]) -> str:
    if ceiling is None:
        largest = ceilings[-1]
        return (
            f"een kmo heeft minder dan {number(largest['staff_below'])} VTE en een jaaromzet van hoogstens "
            f"{whole_euro(largest['turnover_max'])} of een balanstotaal van hoogstens "
            f"{whole_euro(largest['balance_sheet_total_max'])}"
        )
    return (
        f"minder dan {number(ceiling['staff_below'])} VTE, en een jaaromzet van hoogstens "
        f"{whole_euro(ceiling['turnover_max'])} of een balanstotaal van hoogstens "
        f"{whole_euro(ceiling['balance_sheet_total_max'])}"
    )


CATEGORY_NAMES = {
    "micro": "een micro-onderneming (die telt voor de kmo-portefeuille als klein)",
    "klein": "een kleine onderneming",
    "middelgroot": "een middelgrote onderneming",
    "groot": "een grote onderneming",
}


def determine(company: Company, ceilings: list[dict], thresholds: dict) -> Outcome:
    reasons = []
    figures, notes = combined(company.figures, company.holdings, thresholds)
    category, ceiling = category_of(figures, ceilings)
    if notes:
        reasons.append(reason(
            "grootte_groep",
            "Je onderneming maakt deel uit van een groep: " + "; ".join(notes) + f". Samen telt dat {figures.describe()}.",
        ))
    rule = _rule_text(ceiling, ceilings)
    before = None
    if company.previous is not None:
        previous, _ = combined(company.previous, company.holdings, thresholds)
        before, _ = category_of(previous, ceilings)
    kept = before is not None and _size_of(before, ceilings) != _size_of(category, ceilings)
    if kept:  # the two-year rule overrides: say what the last year alone would give, not a size that does not hold
        verdict = f"Met {figures.describe()} in het laatste boekjaar alleen zou je onderneming {CATEGORY_NAMES[category]} zijn: {rule}."
    elif category == "groot":
        verdict = (f"Met {figures.describe()} valt je onderneming buiten de Europese kmo-definitie: {rule}. "
                   "Je personeel moet onder het plafond blijven, en van de twee financiële plafonds volstaat er één.")
    else:
        verdict = f"Met {figures.describe()} geldt je onderneming als {CATEGORY_NAMES[category]}: {rule}."
    reasons.append(reason("grootte_cijfers", verdict))

    if kept:
        reasons.append(reason(
            "grootte_twee_jaar",
            f"Het jaar ervoor was je onderneming {CATEGORY_NAMES[before]} ({previous.describe()}). "
            "Een onderneming verandert pas van grootte als ze twee opeenvolgende boekjaren een plafond "
            "overschrijdt of er weer onder zakt. Daarom blijft de grootte van het jaar ervoor gelden.",
        ))
        category = before
    elif before is not None:
        reasons.append(reason(
            "grootte_twee_jaar",
            "Ook het jaar ervoor had je onderneming dezelfde grootte. De regel van twee opeenvolgende boekjaren "
            "verandert dus niets.",
        ))

    size = _size_of(category, ceilings)
    if size == "groot":
        reasons.append(large_excluded())
    return Outcome(size=size, category=category, reasons=reasons)


def large_excluded() -> dict:
    return reason("grootte_groot", "Grote ondernemingen komen niet in aanmerking voor de kmo-portefeuille.", blocking=True)


def on_boundary(share: Decimal | None, thresholds: dict) -> bool:
    """A stake or public share exactly on a boundary, where the sources read it differently."""
    return share is not None and share in {thresholds["partner_from_percent"], thresholds["linked_above_percent"],
                                           thresholds["public_share_excludes_from_percent"]}


def public_share_excludes(public_share: Decimal, thresholds: dict) -> dict | None:
    limit = thresholds["public_share_excludes_from_percent"]
    if public_share >= limit:
        return reason(
            "overheidsbelang",
            f"Overheden houden samen {percent_nl(public_share)} van je onderneming. Vanaf {percent_nl(limit)} "
            "telt een onderneming niet als kmo uit de privésector, en dan krijgt ze geen steun.",
            blocking=True,
        )
    return None


def _tenths(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1")) if value != value.to_integral_value() else value
