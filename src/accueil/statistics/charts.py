"""Charts drawn on the server as inline SVG: no JavaScript, no outside script.

Each chart is an `<svg role="img">` named by its `<title>` and described by its
`<desc>`; the same figures are in the table beside it, which is what assistive
technology reads. Numbers and months are written as the reader's language writes them
(babel).
"""

from datetime import date

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from accueil.statistics.tables import DAYS, RATE, Table

WIDTH = 640
BAR_COLOUR = "#1d70b8"  # GOV.UK blue
LIGHT_COLOUR = "#b1b4b6"  # GOV.UK mid grey: the seats offered behind those filled
TEXT_COLOUR = "#0b0c0c"


def number(value, kind: str, lang: str) -> str:
    """A figure as `lang` writes it: 1,234 / 1 234 / 1.234; 62.5% / 62,5 % / 62,5 %."""
    if value is None:
        return "–"
    if kind == RATE:
        return format_percent(round(float(value), 3), locale=lang, decimal_quantization=False)
    if kind == DAYS:
        return format_decimal(round(float(value), 1), locale=lang)
    return format_decimal(int(value), locale=lang)


def _svg(name: str, title: str, description: str, height: int, body: list[str]) -> SafeString:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="accueil-chart" '
        f'viewBox="0 0 {WIDTH} {height}" aria-labelledby="chart-{name}-title chart-{name}-desc" '
        f'focusable="false">'
        f'<title id="chart-{name}-title">{escape(title)}</title>'
        f'<desc id="chart-{name}-desc">{escape(description)}</desc>'
    )
    return mark_safe(head + "".join(body) + "</svg>")  # noqa: S308 (every text escaped)


def _text(x: float, y: float, text: str, anchor: str = "start", size: int = 13) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{TEXT_COLOUR}" '
        f'text-anchor="{anchor}">{escape(text)}</text>'
    )


def month_columns(table: Table, key: str, lang: str) -> SafeString:
    """One column per month of `table`'s rows (their `key` is the month), `key`'s value."""
    column = table.column(key)
    rows = table.rows
    values = [float(row.values.get(key) or 0) for row in rows]
    top = max(values, default=0) or 1
    height, left, bottom, plot_top = 260, 56, 40, 16
    plot_height = height - bottom - plot_top
    step = (WIDTH - left - 8) / max(len(rows), 1)
    every = max(1, round(len(rows) / 12))  # at most about 12 month labels
    body = [
        f'<line x1="{left}" y1="{height - bottom}" x2="{WIDTH - 4}" y2="{height - bottom}" '
        f'stroke="{TEXT_COLOUR}"/>',
        _text(left - 6, plot_top + 4, number(top, column.kind, lang), "end", 12),
        _text(left - 6, height - bottom + 4, number(0, column.kind, lang), "end", 12),
    ]
    for i, (row, value) in enumerate(zip(rows, values, strict=True)):
        bar = plot_height * value / top
        x = left + i * step + step * 0.15
        body.append(
            f'<rect x="{x:.1f}" y="{height - bottom - bar:.1f}" width="{step * 0.7:.1f}" '
            f'height="{bar:.1f}" fill="{BAR_COLOUR}"/>'
        )
        if i % every == 0 and isinstance(row.key, date):
            label = format_date(row.key, "MMM yy", locale=lang)
            body.append(_text(x + step * 0.35, height - bottom + 16, label, "middle", 11))
    description = _("A column per month. The table gives every figure.")
    return _svg(table.name, f"{table.title}: {column.label}", description, height, body)


def category_bars(table: Table, key: str, lang: str, behind: str = "") -> SafeString:
    """One horizontal bar per row of `table`, `key`'s value written at its end; `behind`
    (seats offered) drawn as a lighter bar behind it."""
    column = table.column(key)
    rows = table.rows
    line, left, right = 26, 200, 90
    height = max(len(rows), 1) * line + 12
    values = [float(row.values.get(key) or 0) for row in rows]
    backs = [float(row.values.get(behind) or 0) for row in rows] if behind else []
    top = max(values + backs, default=0) or 1
    span = WIDTH - left - right
    body = []
    for i, (row, value) in enumerate(zip(rows, values, strict=True)):
        y = 6 + i * line
        label = row.label if len(row.label) <= 28 else row.label[:27] + "…"
        body.append(_text(left - 8, y + 17, label, "end"))
        if behind:
            body.append(
                f'<rect x="{left}" y="{y + 3}" width="{span * backs[i] / top:.1f}" height="20" '
                f'fill="{LIGHT_COLOUR}"/>'
            )
        width = span * value / top
        body.append(
            f'<rect x="{left}" y="{y + 3}" width="{width:.1f}" height="20" fill="{BAR_COLOUR}"/>'
        )
        shown = number(row.values.get(key), column.kind, lang)
        if behind:
            shown = f"{shown} / {number(row.values.get(behind), table.column(behind).kind, lang)}"
        end = left + max(width, span * backs[i] / top if behind else 0)
        body.append(_text(end + 6, y + 17, shown))
    description = _("A bar per row. The table gives every figure.")
    return _svg(table.name, f"{table.title}: {column.label}", description, height, body)
