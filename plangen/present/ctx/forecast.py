"""Section 07, the forecast: the plan period forecast from history, against the target."""
from __future__ import annotations

from fractions import Fraction
from typing import Any

from plangen.decompose.forecast import Forecast, plan_forecast
from plangen.present.charts import ChartSpec, Series
from plangen.present.ctx.base import Ctx
from plangen.present.values import Table


def add_forecast(c: Ctx, ctx: dict[str, Any]) -> None:
    """Put `forecast` into the context, and its table and chart when there is a forecast."""
    out = forecast_context(c)
    ctx["forecast"] = out
    if out and out["available"]:
        ctx["tables"]["forecast"] = out["table"]
        ctx["charts"]["forecast"] = out["chart"]


def forecast_context(c: Ctx) -> dict | None:
    """The forecast with its method, fit error, gap, table and chart; None without history."""
    fc, reason = plan_forecast(c.plan, c.d)
    if fc is None:
        if reason == "no_history":
            return None
        return {"available": False, "reason": c.L[f"forecast_none_{reason}"]}
    L = c.L
    method = L[f"forecast_method_{fc.method}"]
    return {
        "available": True, "method": method, "method_key": fc.method,
        "total": c.money(fc.total), "target": c.money(fc.target), "gap": c.money(fc.gap),
        "gap_share": c.share(Fraction(fc.gap, fc.total), 1) if fc.total else None,
        "mape": c.share(fc.mape, 1), "held_out_year": fc.held_out.year,
        "headline": headline(c, fc), "lines": method_lines(c, fc, method),
        "table": forecast_table(c, fc), "chart": forecast_chart(c, fc),
    }


def headline(c: Ctx, fc: Forecast) -> str:
    """The point: how far the target sits above or below the trend forecast."""
    key = "forecast_headline_above" if fc.gap >= 0 else "forecast_headline_below"
    share = c.f.percent(Fraction(abs(fc.gap), fc.total), 1) if fc.total else ""
    return c.L[key].format(gap=c.f.money(abs(fc.gap)), share=share)


def method_lines(c: Ctx, fc: Forecast, method: str) -> list[str]:
    """How the forecast was made and how well each method fitted the held-out year."""
    L, h = c.L, fc.held_out
    years = f"{fc.years[0]}–{fc.years[-2]}" if len(fc.years) > 2 else str(fc.years[0])
    lines = [L["forecast_method_line"].format(method=method, year=h.year, years=years)]
    for key, err in h.mape.items():
        lines.append(L["forecast_backtest"].format(method=L[f"forecast_method_{key}"],
                                                   mape=c.f.percent(err, 1), year=h.year))
    return lines


def forecast_table(c: Ctx, fc: Forecast) -> Table:
    """Forecast, target and gap per month, with a total row."""
    L, f = c.L, c.f
    fs, ts = c.amounts(fc.months, fc.total), c.amounts(fc.target_months, fc.target)
    gs = c.amounts(fc.gap_months, fc.gap)
    rows = [[c.month_row(i), a, b, g] for i, (a, b, g) in enumerate(zip(fs, ts, gs))]
    total = [L["total"], f.figure(fc.total), f.figure(fc.target), f.figure(fc.gap)]
    cols = [L["month"], c.head("forecast_trend"), c.head("target"), c.head("forecast_gap")]
    return c.table("forecast", L["forecast_table"], cols, rows, [False, True, True, True], total, c.unit_note())


def forecast_chart(c: Ctx, fc: Forecast) -> ChartSpec:
    """Last history year in grey, the forecast (accent 2: accent 3 is grey in the base theme), the plan in accent 1."""
    L, f, monthly = c.L, c.f, c.plan.history.monthly
    last = fc.years[-1]
    cats = tuple(f.month_short(m.month) if len(c.d.months) <= 12 else c.month_label(m.index) for m in c.d.months)
    series = (Series(str(last), tuple(f.scaled(monthly[last][m.month - 1]) for m in c.d.months), "history"),
              Series(L["forecast_trend"], tuple(f.scaled(v) for v in fc.months), "stretch"),
              Series(f"{L['plan_year']} {c.plan.plan.period.start[0]}", tuple(f.scaled(v) for v in fc.target_months),
                     "plan"))
    return ChartSpec("line", L["chart_forecast"], cats, series, f.excel_format(),
                     L["source_note"].format(source=L["source_history"]))
