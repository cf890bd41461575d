"""An accessible SVG line chart of a fund's forecast (the page also gives the data as a table).

Lines differ by dash pattern and by a marker shape as well as colour, so colour is never the
only way to tell them apart."""

from __future__ import annotations

from decimal import Decimal
from html import escape

from partnerplan.core.money import format_money
from partnerplan.finance.selectors import ForecastSeries

WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 720, 320, 90, 20, 20, 60
STYLES = [
    ("#1d70b8", ""),
    ("#0b0c0c", "8 4"),
    ("#d4351c", "2 4"),
    ("#00703c", "12 4 2 4"),
    ("#4c2c92", "4 4"),
]


def forecast_svg(series: ForecastSeries, *, title_id: str = "forecast-chart-title") -> str:
    values = [v for _name, line in series.lines for v in line] or [Decimal(0)]
    top = max(max(values), Decimal(0))
    bottom = min(min(values), Decimal(0))
    span = (top - bottom) or Decimal(1)
    n = max(len(series.days) - 1, 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(i: int) -> float:
        return LEFT + plot_w * i / n

    def y(v: Decimal) -> float:
        return float(TOP + plot_h * (top - v) / span)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{title_id}" class="pp-chart" focusable="false">',
        f'<title id="{title_id}">Forecast balance of {escape(str(series.fund))} at each month '
        "end (the same figures are in the table below)</title>",
        f'<line x1="{LEFT}" y1="{y(Decimal(0)):.1f}" x2="{WIDTH - RIGHT}" '
        f'y2="{y(Decimal(0)):.1f}" stroke="#505a5f" stroke-width="1"/>',
        f'<text x="{LEFT - 6}" y="{y(top) + 4:.1f}" text-anchor="end" font-size="12">'
        f"{escape(format_money(top))}</text>",
        f'<text x="{LEFT - 6}" y="{y(bottom) + 4:.1f}" text-anchor="end" font-size="12">'
        f"{escape(format_money(bottom))}</text>",
    ]
    for i, day in enumerate(series.days):
        if len(series.days) <= 12 or i % 3 == 0:
            parts.append(
                f'<text x="{x(i):.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" '
                f'font-size="11">{day:%b %Y}</text>'
            )
    for k, (name, line) in enumerate(series.lines):
        colour, dash = STYLES[k % len(STYLES)]
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(line))
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="2.5"{dash_attr} '
            f'points="{points}"><title>{escape(name)}</title></polyline>'
        )
        ly = HEIGHT - 20 + 0 * k
        lx = LEFT + k * 130
        parts.append(
            f'<line x1="{lx}" y1="{ly}" x2="{lx + 24}" y2="{ly}" stroke="{colour}" '
            f'stroke-width="2.5"{dash_attr}/>'
            f'<text x="{lx + 28}" y="{ly + 4}" font-size="11">{escape(name[:22])}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
