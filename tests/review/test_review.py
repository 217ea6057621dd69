"""plangen review: every check trips on a plan built to trip it, with its exact message per locale, and
stays quiet on a plan that does not.

The base plan (tests/conftest.py): 12M USD in 2027, quarters 20/25/30/25%, Ann and Bob sharing it,
funnel 50k deals at 25%, 3 visits per opportunity, 4 calls per visit; Acme (VIP, monthly) and Globex
(Tier 1, every two months); budget 8%. Monday-Friday 2027 has 261 working days (52 weeks and Friday
1 January). Worked examples, as a sales manager would redo them:

- visits: Ann's 6M at 20k deals = 300 deals / 25% = 1,200 opportunities x 3 = 3,600 visits / 261 = 13.8 a day.
- calls: 6M / 50k = 120 deals, 480 opportunities, 1,440 visits x 12 calls = 17,280 / 261 = 66.2 a day.
- customer visits: 40 VIP customers visited weekly = 40 x 52 = 2,080 visits / 261 = 8.0 a day.
- new customers: 2,000 / 25% x 3 = 24,000 visits; left: 2 x (6 x 261) - 2 x 1,440 - (12 + 6) = 234.
- team capacity: 2 reps x 5M x 85% = 8.5M, 70.8% of 12M, 3.5M short.
- over-assignment: Bob from April, gap policy: his Q1 half (1.2M) and 75% of April, 50% of May, 25% of
  June of his 1.5M Q2 (by working days 22/21/22: 381k, 243k, 127k -> 750k) are a gap of 1.95M;
  quotas 10.05M = 83.8% of the target.
- ramp: the ramp holds under either policy: Bob from April carries 25%, 50%, 75% of his half of April-June
  (508k, 485k, 507k -> 127k, 242k, 381k = 750k of 1.5M) and nothing of his 1.2M in Q1: 4.05M of his 6M,
  1.95M less than a full quota; under redistribute Ann carries it (6M + 1.95M = 7.95M).
- region alone: Ann in North, Bob alone in South (50% = 6M) from April: Bob carries the same 4.05M, and
  the 1.95M nobody in South can carry stays on the gap row.
- below last year: last year 1M a month, target 13.2M: Q1 20% = 2.64M over 21/20/23 working days =
  866k, 825k, 949k; from_history (flat) gives 1.1M a month.
- growth swing: quarters 2.64M, 3.3M, 3.96M, 3.3M against 3M each: -12%, +10%, +32%, +10%: 44 points.
- coverage: pipeline 5M / Q1 2.4M = 2.1 times; 2.4M / 50k = 48 deals / 25% = 192 opportunities.
- budget: 8% of 12M = 960k against 600k on 12M last year (5%), +60% against revenue +0%.
"""
from __future__ import annotations

import pytest

from plangen.decompose import decompose
from plangen.review import CHECKS, review
from plangen.review.messages import MESSAGES
from plangen.review.text import Writer

LOCALES = ("en", "zh-CN", "es")
DELETE = "DELETE"  # replaced by make_plan.DELETE: the key is removed

FLAT = {"history": {"monthly": {2026: ["1M"] * 12}}}
CASES = [
    ("capacity.visits_per_day", {"funnel.average_deal": "20k"}, {}),
    ("capacity.calls_per_day", {"funnel.calls_per_visit": 12}, {}),
    ("capacity.floor_above_limit", {"funnel.minimum": {"visits_per_week": 40}}, {"funnel.minimum": {"visits_per_week": 20}}),
    ("capacity.customer_visits", {"crm.tiers.0.visit_every": "weekly", "crm.customers": [{"name": f"C{i}", "tier": "VIP", "owner": "r1"} for i in range(40)]},
     {"crm.tiers.0.visit_every": "weekly", "crm.customers": [{"name": f"C{i}", "tier": "VIP", "owner": "r1"} for i in range(20)]}),
    ("capacity.new_customers", {"targets.new_customers": 2000}, {"targets.new_customers": 20, "review.visits_per_day": 8}),
    ("team.capacity", {"review.rep_quota": "5M"}, {"review.rep_quota": "8M"}),
    ("team.capacity_shares", {}, {"review.rep_quota": "8M"}),
    ("team.over_assignment", {"team.ramp_policy": "gap", "team.reps.1.start": "2027-04-01"}, {"team.reps.1.start": "2027-04-01"}),
    ("team.proposals_short", {"team.reps.0.proposed": "5M", "team.reps.1.proposed": "5M"},
     {"team.reps.0.proposed": "5.5M", "team.reps.1.proposed": "5.3M"}),
    ("seasonality.below_last_year", {**FLAT, "targets.revenue": "13.2M"}, {**FLAT, "targets.revenue": "13.2M", "targets.phasing.quarters": ["25%"] * 4}),
    ("seasonality.from_history", {**FLAT, "targets.revenue": "13.2M"}, {**FLAT, "targets.revenue": "13.2M", "targets.phasing.quarters": ["25%"] * 4}),
    ("seasonality.growth_swing", {**FLAT, "targets.revenue": "13.2M"}, {**FLAT, "targets.revenue": "13.2M", "targets.phasing.quarters": ["22%", "25%", "28%", "25%"]}),
    ("market.share_above_100", {"market": {"capacity": "10M"}}, {"market": {"capacity": "100M"}}),
    ("market.share_target", {"market": {"capacity": "100M", "share_target": "20%"}}, {"market": {"capacity": "100M", "share_target": "12%"}}),
    ("market.segments_above_capacity", {"market": {"capacity": "100M", "segments": [{"name": "A", "size": "60M"}, {"name": "B", "size": "50M"}]}},
     {"market": {"capacity": "100M", "segments": [{"name": "A", "size": "60M"}, {"name": "B", "size": "40M"}]}}),
    ("market.target_above_segments", {"market": {"segments": [{"name": "A", "size": "5M"}, {"name": "B", "size": "5M"}]}},
     {"market": {"segments": [{"name": "A", "size": "5M"}, {"name": "B", "size": "7M"}]}}),
    ("funnel.coverage", {"review.pipeline": "5M"}, {"review.pipeline": "8M"}),
    ("budget.ratio_change", {**FLAT, "review.last_year_expenses": "600k"}, {**FLAT, "review.last_year_expenses": "900k"}),
    ("budget.faster_than_revenue", {**FLAT, "review.last_year_expenses": "600k"}, {**FLAT, "review.last_year_expenses": "1M"}),
    ("ramp.carried", {"team.reps.1.start": "2027-04-01"}, {}),
    ("ramp.gap", {"team.ramp_policy": "gap", "team.reps.1.start": "2027-04-01"}, {"team.reps.1.start": "2027-04-01"}),
    ("ramp.region_alone", {"targets.split": {"region": {"North": "50%", "South": "50%"}}, "team.reps.0.region": "North",
                           "team.reps.1.region": "South", "team.reps.1.start": "2027-04-01"},
     {"targets.split": {"region": {"North": "50%", "South": "50%"}}, "team.reps.0.region": "North", "team.reps.1.region": "South"}),
    ("smart.task", {}, {"tasks.0.due": "2027-06-30"}),
    ("smart.risk", {}, {"monitoring.risks.0.response": "Bundle services", "monitoring.risks.0.owner": "Ann"}),
    ("smart.action", {"team.action_plan": [{"what": "Call every VIP"}]}, {"team.action_plan": [{"what": "Call every VIP", "deadline": "2027-03-31"}]}),
    ("smart.manager", {"team.reps.0.manager": "Test Manager"}, {"team.reps.0.manager": "Test Manager", "team.reps.1.manager": "Test Manager"}),
    ("smart.satisfaction", {"crm.satisfaction": {"target": "90%"}}, {"crm.satisfaction": {"target": "90%", "survey": "quarterly"}}),
    ("consistency.growth", {**FLAT, "targets.growth": "10%"}, {**FLAT, "targets.growth": "0.5%"}),
    ("consistency.new_customers", {"targets.new_customers": 300}, {"targets.new_customers": 200}),
]


FOUND = [
    ('capacity.visits_per_day', 'en', 'reps over 6 visits a working day: 2 of 2; the most, Ann, needs 13.8 (3,600 visits in 261 working days)'),
    ('capacity.visits_per_day', 'zh-CN', '2名销售代表（共2名）每个工作日需拜访超过6次：最多的Ann需13.8次（261个工作日共3,600次）'),
    ('capacity.visits_per_day', 'es', 'comerciales por encima de 6 visitas por día laborable: 2 de 2; quien más, Ann, necesita 13,8 (3.600 visitas en 261 días laborables)'),
    ('capacity.floor_above_limit', 'en', 'the activity floor funnel.minimum.visits_per_week asks 8 a working day, above review.visits_per_day (6)'),
    ('capacity.floor_above_limit', 'zh-CN', '活动底线 funnel.minimum.visits_per_week 要求每个工作日8次，高于 review.visits_per_day 的6次'),
    ('capacity.floor_above_limit', 'es', 'el mínimo de actividad funnel.minimum.visits_per_week pide 8 por día laborable, por encima de review.visits_per_day (6)'),
    ('capacity.calls_per_day', 'en', 'reps over 60 calls a working day: 2 of 2; the most, Ann, needs 66.2 (17,280 calls in 261 working days)'),
    ('capacity.calls_per_day', 'zh-CN', '2名销售代表（共2名）每个工作日需打电话超过60个：最多的Ann需66.2个（261个工作日共17,280个）'),
    ('capacity.calls_per_day', 'es', 'comerciales por encima de 60 llamadas por día laborable: 2 de 2; quien más, Ann, necesita 66,2 (17.280 llamadas en 261 días laborables)'),
    ('capacity.customer_visits', 'en', "reps whose tiers' frequencies would need more than 6 customer visits a working day: 1 of 2; the most, Ann, needs 8.0 (2,080 visits in 261 working days)"),
    ('capacity.customer_visits', 'zh-CN', '1名销售代表（共2名）按客户分级频率每个工作日需拜访超过6家客户：最多的Ann需8.0次（261个工作日共2,080次）'),
    ('capacity.customer_visits', 'es', 'comerciales que según la frecuencia de su nivel necesitarían más de 6 visitas a clientes por día laborable: 1 de 2; quien más, Ann, necesita 8,0 (2.080 visitas en 261 días laborables)'),
    ('capacity.new_customers', 'en', 'winning 2,000 new customers takes about 24,000 visits, but at 6 visits a day the team has only 234 left after the funnel and customer visits'),
    ('capacity.new_customers', 'zh-CN', '开发2,000家新客户约需24,000次拜访，而按每天6次计，团队完成漏斗和客户拜访后只剩234次'),
    ('capacity.new_customers', 'es', 'conseguir 2.000 clientes nuevos exige unas 24.000 visitas, pero a 6 visitas al día al equipo solo le quedan 234 tras el embudo y las visitas a clientes'),
    ('team.capacity', 'en', 'at $5,000,000 a year per ramped rep (review.rep_quota), 85% attainment and the ramp, the team (2 in all) is expected to sell $8,500,000, 70.8% of the target, $3,500,000 short'),
    ('team.capacity', 'zh-CN', '按每名成熟销售全年US$5,000,000（review.rep_quota）、85%的达成率并计入爬坡，2名销售预计完成US$8,500,000，为目标的70.8%，缺口US$3,500,000'),
    ('team.capacity', 'es', 'a 5.000.000\xa0US$ al año por comercial formado (review.rep_quota), con un cumplimiento del 85\xa0% y la rampa, el equipo (2 en total) vendería 8.500.000\xa0US$, el 70,8\xa0% del objetivo; faltan 3.500.000\xa0US$'),
    ('team.capacity_shares', 'en', "with quotas equal to the target's shares, at 85% attainment and the ramp, the team (2 in all) is expected to sell $10,200,000, 85.0% of the target"),
    ('team.capacity_shares', 'zh-CN', '配额等于目标份额时，按85%的达成率并计入爬坡，2名销售预计完成US$10,200,000，为目标的85.0%'),
    ('team.capacity_shares', 'es', 'con cuotas iguales al reparto del objetivo, un cumplimiento del 85\xa0% y la rampa, el equipo (2 en total) vendería 10.200.000\xa0US$, el 85,0\xa0% del objetivo'),
    ('team.over_assignment', 'en', "the reps' quotas add up to $10,050,000, 83.8% of the target, outside 100% to 120% ($1,950,000 carried by nobody)"),
    ('team.over_assignment', 'zh-CN', '销售配额合计US$10,050,000，为目标的83.8%，不在100%至120%的范围内（US$1,950,000无人承担）'),
    ('team.over_assignment', 'es', 'las cuotas suman 10.050.000\xa0US$, el 83,8\xa0% del objetivo, fuera del rango 100\xa0% a 120\xa0% (1.950.000\xa0US$ sin responsable)'),
    ('team.proposals_short', 'en', 'the proposals of 2 rep(s) add up to $10,000,000, 83.3% of their top-down $12,000,000, below 90% ($2,000,000 short)'),
    ('team.proposals_short', 'zh-CN', '2名销售的提报目标合计US$10,000,000，为下达目标US$12,000,000的83.3%，低于90%（差US$2,000,000）'),
    ('team.proposals_short', 'es', 'las propuestas de 2 comercial(es) suman 10.000.000\xa0US$, el 83,3\xa0% de su asignación de 12.000.000\xa0US$, por debajo del 90\xa0% (faltan 2.000.000\xa0US$)'),
    ('seasonality.below_last_year', 'en', 'in a growth plan, 3 month(s) are planned below the same month last year: Jan 2027 $866,000 (last year $1,000,000), Feb 2027 $825,000 (last year $1,000,000), and Mar 2027 $949,000 (last year $1,000,000)'),
    ('seasonality.below_last_year', 'zh-CN', '在增长计划中，3个月的目标低于去年同期：2027年1月为US$866,000（去年US$1,000,000）、2027年2月为US$825,000（去年US$1,000,000）和2027年3月为US$949,000（去年US$1,000,000）'),
    ('seasonality.below_last_year', 'es', 'en un plan de crecimiento, 3 mes(es) quedan por debajo del mismo mes del año anterior: ene 2027: 866.000\xa0US$ (año anterior: 1.000.000\xa0US$), feb 2027: 825.000\xa0US$ (año anterior: 1.000.000\xa0US$) y mar 2027: 949.000\xa0US$ (año anterior: 1.000.000\xa0US$)'),
    ('seasonality.from_history', 'en', "with the history's seasonality (targets.phasing.from_history: true) these months would be: Jan 2027 $1,100,000 (last year $1,000,000), Feb 2027 $1,100,000 (last year $1,000,000), and Mar 2027 $1,100,000 (last year $1,000,000)"),
    ('seasonality.from_history', 'zh-CN', '按历史季节性（targets.phasing.from_history: true）这些月份将为：2027年1月为US$1,100,000（去年US$1,000,000）、2027年2月为US$1,100,000（去年US$1,000,000）和2027年3月为US$1,100,000（去年US$1,000,000）'),
    ('seasonality.from_history', 'es', 'con la estacionalidad histórica (targets.phasing.from_history: true) estos meses serían: ene 2027: 1.100.000\xa0US$ (año anterior: 1.000.000\xa0US$), feb 2027: 1.100.000\xa0US$ (año anterior: 1.000.000\xa0US$) y mar 2027: 1.100.000\xa0US$ (año anterior: 1.000.000\xa0US$)'),
    ('seasonality.growth_swing', 'en', 'growth against the same quarter last year swings by 44.0%, more than 30%: Q1 -12.0%, Q2 10.0%, Q3 32.0%, and Q4 10.0%'),
    ('seasonality.growth_swing', 'zh-CN', '各季度同比增长相差44.0%，超过30%：Q1 -12.0%、Q2 10.0%、Q3 32.0%和Q4 10.0%'),
    ('seasonality.growth_swing', 'es', 'el crecimiento frente al mismo trimestre del año anterior varía 44,0\xa0%, más de 30\xa0%: T1: -12,0\xa0%, T2: 10,0\xa0%, T3: 32,0\xa0% y T4: 10,0\xa0%'),
    ('market.share_above_100', 'en', 'the target $12,000,000 is 120.0% of the market size $10,000,000'),
    ('market.share_above_100', 'zh-CN', '目标US$12,000,000是市场容量US$10,000,000的120.0%'),
    ('market.share_above_100', 'es', 'el objetivo 12.000.000\xa0US$ es el 120,0\xa0% del tamaño del mercado 10.000.000\xa0US$'),
    ('market.share_target', 'en', 'the target $12,000,000 is 12.0% of the market size $100,000,000, but market.share_target states 20.0%'),
    ('market.share_target', 'zh-CN', '目标US$12,000,000占市场容量US$100,000,000的12.0%，而计划写的份额目标是20.0%'),
    ('market.share_target', 'es', 'el objetivo 12.000.000\xa0US$ es el 12,0\xa0% del mercado (100.000.000\xa0US$), pero market.share_target indica 20,0\xa0%'),
    ('market.segments_above_capacity', 'en', 'the segments add up to $110,000,000, more than the market size $100,000,000'),
    ('market.segments_above_capacity', 'zh-CN', '细分市场合计US$110,000,000，超过市场容量US$100,000,000'),
    ('market.segments_above_capacity', 'es', 'los segmentos suman 110.000.000\xa0US$, más que el tamaño del mercado 100.000.000\xa0US$'),
    ('market.target_above_segments', 'en', 'the target $12,000,000 is more than all segments together ($10,000,000)'),
    ('market.target_above_segments', 'zh-CN', '目标US$12,000,000超过了所有细分市场合计US$10,000,000'),
    ('market.target_above_segments', 'es', 'el objetivo 12.000.000\xa0US$ supera la suma de todos los segmentos (10.000.000\xa0US$)'),
    ('funnel.coverage', 'en', "the pipeline of $5,000,000 covers the first quarter's target of $2,400,000 2.1 times, less than 3 (192 opportunities needed in that quarter)"),
    ('funnel.coverage', 'zh-CN', '现有商机US$5,000,000只覆盖第一季度目标US$2,400,000的2.1倍，低于3倍（第一季度需192个商机）'),
    ('funnel.coverage', 'es', 'la cartera de 5.000.000\xa0US$ cubre 2,1 veces el objetivo del primer trimestre (2.400.000\xa0US$), menos de 3 (hacen falta 192 oportunidades en ese trimestre)'),
    ('budget.ratio_change', 'en', 'the expense ratio is 8.0%, against 5.0% last year: a change of more than 2%'),
    ('budget.ratio_change', 'zh-CN', '费用率8.0%，去年为5.0%，变化超过2%'),
    ('budget.ratio_change', 'es', 'el ratio de gastos es 8,0\xa0%, frente a 5,0\xa0% el año anterior: cambia más de 2\xa0%'),
    ('budget.faster_than_revenue', 'en', 'the budget of $960,000 grows 60.0% on last year, faster than revenue (0.0%)'),
    ('budget.faster_than_revenue', 'zh-CN', '费用预算US$960,000比去年增长60.0%，快于销售增长0.0%'),
    ('budget.faster_than_revenue', 'es', 'el presupuesto de 960.000\xa0US$ crece un 60,0\xa0% sobre el año anterior, más que las ventas (0,0\xa0%)'),
    ('ramp.carried', 'en', 'the ramping rep(s) (Bob) carry $1,950,000 less than a full quota; it is carried by Ann'),
    ('ramp.carried', 'zh-CN', 'Bob处于爬坡期，少承担US$1,950,000，由Ann分担'),
    ('ramp.carried', 'es', 'los comerciales en rampa (Bob) cubren 1.950.000\xa0US$ menos que una cuota completa; lo asumen: Ann'),
    ('ramp.gap', 'en', 'the ramping rep(s) (Bob) carry $1,950,000 less than a full quota; $1,950,000 is carried by nobody and shown as a gap'),
    ('ramp.gap', 'zh-CN', 'Bob处于爬坡期，少承担US$1,950,000；US$1,950,000无人承担，列为缺口'),
    ('ramp.gap', 'es', 'los comerciales en rampa (Bob) cubren 1.950.000\xa0US$ menos que una cuota completa; 1.950.000\xa0US$ queda sin responsable como brecha'),
    ('ramp.region_alone', 'en', 'in South every rep is ramping up (Bob); together they carry $4,050,000'),
    ('ramp.region_alone', 'zh-CN', 'South区域只有爬坡期的新人Bob，承担US$4,050,000'),
    ('ramp.region_alone', 'es', 'en South todos los comerciales están en rampa (Bob); entre todos cubren 4.050.000\xa0US$'),
    ('smart.task', 'en', 'the task "Open an office" has no due date'),
    ('smart.task', 'zh-CN', '任务“Open an office”缺少完成时间'),
    ('smart.task', 'es', 'a la tarea «Open an office» le falta: fecha límite'),
    ('smart.risk', 'en', 'the risk "Price war" has no response and owner'),
    ('smart.risk', 'zh-CN', '风险“Price war”缺少应对措施和负责人'),
    ('smart.risk', 'es', 'al riesgo «Price war» le falta: respuesta y responsable'),
    ('smart.action', 'en', 'the action "Call every VIP" has no deadline'),
    ('smart.action', 'zh-CN', '行动计划“Call every VIP”没有截止日期'),
    ('smart.action', 'es', 'la acción «Call every VIP» no tiene fecha límite'),
    ('smart.manager', 'en', 'the rep Bob has no manager while other reps have one'),
    ('smart.manager', 'zh-CN', '销售代表Bob没有填写直属经理，而其他代表填写了'),
    ('smart.manager', 'es', 'el comercial Bob no tiene responsable (manager) y los demás sí'),
    ('smart.satisfaction', 'en', 'the satisfaction target has no survey'),
    ('smart.satisfaction', 'zh-CN', '客户满意度有目标但没有调查频率'),
    ('smart.satisfaction', 'es', 'el objetivo de satisfacción no tiene encuesta'),
    ('consistency.growth', 'en', "the plan states 10.0% growth, but the target $12,000,000 against last year's $12,000,000 is 0.0%"),
    ('consistency.growth', 'zh-CN', '计划写的增长率是10.0%，而目标US$12,000,000相对去年实际US$12,000,000的增长是0.0%'),
    ('consistency.growth', 'es', 'el plan indica un crecimiento del 10,0\xa0%, pero el objetivo 12.000.000\xa0US$ frente a 12.000.000\xa0US$ del año anterior es un 0,0\xa0%'),
    ('consistency.new_customers', 'en', 'the plan asks for 300 new customers, but the funnel plans only 240 deals'),
    ('consistency.new_customers', 'zh-CN', '目标要求300家新客户，而漏斗全年只计划成交240单'),
    ('consistency.new_customers', 'es', 'el plan pide 300 clientes nuevos, pero el embudo solo prevé 240 operaciones'),
]


def _findings(make_plan, plan_from, overrides: dict, locale: str = "en"):
    overrides = {k: make_plan.DELETE if v == DELETE else v for k, v in overrides.items()}
    plan = plan_from(make_plan(overrides, **{"plan.locale": locale}))
    d = decompose(plan)
    return review(plan, d).findings, Writer(plan, d)


@pytest.mark.parametrize("code, locale, expected", FOUND, ids=[f"{c}-{loc}" for c, loc, _ in FOUND])
def it_says_what_it_found_in_the_plans_language(make_plan, plan_from, code, locale, expected) -> None:
    trip = next(t for c, t, _ in CASES if c == code)
    findings, w = _findings(make_plan, plan_from, trip, locale)
    assert [w.text(f).found for f in findings if f.code == code] == [expected]


@pytest.mark.parametrize("code, clean", [(c, k) for c, _, k in CASES], ids=[c for c, _, _ in CASES])
def it_stays_quiet_on_a_plan_that_does_not_trip_the_check(make_plan, plan_from, code, clean) -> None:
    findings, _ = _findings(make_plan, plan_from, clean)
    assert code not in [f.code for f in findings]


def it_has_a_table_case_for_every_message() -> None:
    assert sorted(MESSAGES) == sorted(c for c, _, _ in CASES)


@pytest.mark.parametrize("code", sorted(MESSAGES))
def it_has_every_message_in_every_locale_with_the_same_placeholders(code) -> None:
    import string
    names = {loc: [sorted({f for _, f, _, _ in string.Formatter().parse(s) if f}) for s in MESSAGES[code][loc]]
             for loc in LOCALES}
    assert set(MESSAGES[code]) == set(LOCALES) | {"zh-TW"} and names["zh-CN"][0] == names["en"][0] == names["es"][0]


def it_lets_a_plan_turn_a_check_off(make_plan, plan_from) -> None:
    findings, _ = _findings(make_plan, plan_from, {"review.disabled": ["smart.tasks"]})
    assert "smart.task" not in [f.code for f in findings] and set(CHECKS) >= {"smart.tasks"}


@pytest.mark.parametrize("sample", ["zh-annual-plan.yaml", "en-half-year-plan.yaml", "es-regional-plan.yaml",
                                    "es-MX-quarter-plan.yaml"])
def it_passes_every_sample_without_a_warning(samples_dir, sample) -> None:
    from plangen.model import load
    plan = load(samples_dir / sample)
    r = review(plan, decompose(plan))
    assert r.count("error") == r.count("warning") == 0, [f.code for f in r.findings]


def it_rejects_the_sample_as_filed_in_issue_12(zh_rejected, plan_from) -> None:
    """24-34 visits and 96-136 calls a day per rep, February and October below 2026, 刘洋 alone in 华北."""
    plan = plan_from(zh_rejected)
    codes = [f.code for f in review(plan, decompose(plan)).findings if f.severity == "warning"]
    assert {"capacity.visits_per_day", "capacity.calls_per_day", "seasonality.below_last_year",
            "ramp.region_alone", "seasonality.growth_swing", "smart.risk"} <= set(codes)


def it_sets_a_half_years_target_against_a_years_market_annualised(make_plan, plan_from) -> None:
    """12M in H2 is 24M a year: 12% of a 200M market (not 6%), off the stated 6% by more than 1 point."""
    plan = {"plan.period": {"start": "2027-07", "months": 6}, "targets.phasing": make_plan.DELETE,
            "market": {"capacity": "200M", "share_target": "6%"}}
    findings, w = _findings(make_plan, plan_from, plan, "en")
    assert [w.text(f).found for f in findings if f.code == "market.share_target"] == [
        "the target $12,000,000 is 12.0% (annualised) of the market size $200,000,000, but market.share_target states 6.0%"]
