#!/usr/bin/env python3
"""Turn a gongkai corpus into Hugo content (run by bench/run.sh before any timing).

    bench/to-hugo.py CORPUS CONTENT_DIR [--jobs N]

CORPUS is a folder of filings, CORPUS/<code>-<name>/<year>/<slug>.json (决算) with an optional
<slug>.budget.json beside each (预算). CONTENT_DIR gets

    _index.md                                   home page (lists the counties)
    <code>-<name>/_index.md                     county page            (type "county")
    <code>-<name>/<year>/_index.md              county-year overview   (type "countyyear")
    <code>-<name>/<year>/<slug>.md              department page        (type "department")
    <code>-<name>/departments/<slug>.md         department history     (type "history")

so that Hugo's URLs match gongkai's (/<code>-<name>/<year>/<slug>/index.html, ...). Every content file
has JSON front matter and no body. A department page's front matter is the filing's data as published
(every table, block, row and cell as text, the narrative, overview, glossary, source), the budget's tables
when there is a budget, and a few headline amounts read out of the tables; aggregating, ranking, year-on-year
comparison and formatting are left to the Hugo templates.
"""
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor


def num(text):
    if text is None:
        return None
    try:
        return float(str(text).replace(",", ""))
    except ValueError:
        return None


def find_row(filing, kind, block_id, key):
    for table in filing.get("tables") or []:
        if table.get("kind") != kind:
            continue
        for block in table.get("blocks") or []:
            if block_id is not None and block.get("id") != block_id:
                continue
            for row in block.get("rows") or []:
                if row.get("key") == key:
                    return row.get("values") or {}
    return {}


def headline(filing):
    """The amounts gongkai shows on top of a department page and in the county table (万元)."""
    exp = find_row(filing, "expenditure", None, "total")
    basic_tab = {}
    for key in ("personnel_total", "public_total"):
        basic_tab[key] = find_row(filing, "basic_expenditure", None, key).get("amount")
    three = find_row(filing, "three_public", None, "total")
    h = {
        "income_total": num(find_row(filing, "income_expenditure_summary", "income", "total_income").get("amount")),
        "grand_total": num(find_row(filing, "income_expenditure_summary", "income", "grand_total").get("amount")),
        "expenditure_total": num(exp.get("total")) or 0.0,
        "basic": num(exp.get("basic")),
        "project": num(exp.get("project")),
        "personnel": num(basic_tab["personnel_total"]),
        "public": num(basic_tab["public_total"]),
        "three_actual": num(three.get("actual")),
        "three_budget": num(three.get("budget")),
    }
    staffing = (filing.get("overview") or {}).get("staffing") or {}
    vehicles = (filing.get("overview") or {}).get("vehicles") or {}
    h["staff_actual"] = staffing.get("actual")
    h["vehicles_actual"] = vehicles.get("actual")
    return h


def budget_total(budget):
    if not budget:
        return None
    row = find_row(budget, "budget_summary", "expenditure", "grand_total") or find_row(budget, "budget_summary", None, "grand_total")
    amount = num(row.get("amount"))
    if amount is not None and budget.get("unit") == "元":
        amount /= 10000.0
    return amount


def write_page(path, front):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(front, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")


def convert_county(args):
    corpus, content, county_dir = args
    src = os.path.join(corpus, county_dir)
    with open(os.path.join(src, "county.json"), encoding="utf-8") as f:
        county = json.load(f)
    years = sorted(y for y in os.listdir(src) if y.isdigit() and os.path.isdir(os.path.join(src, y)))
    count = 0
    slugs = {}
    used_years = []
    for year in years:
        ydir = os.path.join(src, year)
        names = sorted(n for n in os.listdir(ydir) if n.endswith(".json") and not n.endswith(".budget.json"))
        if not names:
            continue  # a year with budgets only (next year's plan)
        used_years.append(int(year))
        for name in names:
            slug = name[:-5]
            with open(os.path.join(ydir, name), encoding="utf-8") as f:
                filing = json.load(f)
            budget = None
            bpath = os.path.join(ydir, slug + ".budget.json")
            if os.path.exists(bpath):
                with open(bpath, encoding="utf-8") as f:
                    budget = json.load(f)
            dept = filing["department"]
            narrative = filing.get("narrative") or {}
            front = {
                "title": dept["name"],
                "type": "department",
                "dept_slug": slug,
                "county": county["name"],
                "county_code": county["code"],
                "county_dir": county_dir,
                "province": county.get("province"),
                "year": filing["year"],
                "filing_kind": filing.get("kind", "决算"),
                "unit": filing.get("unit", "万元"),
                "synthetic": bool(filing.get("synthetic")),
                "source": filing.get("source") or {},
                "headline": headline(filing),
                "budget_total": budget_total(budget),
                "tables": filing.get("tables") or [],
                "figures": narrative.get("figures") or [],
                "sections": narrative.get("sections") or [],
                "overview": filing.get("overview") or {},
                "glossary": filing.get("glossary") or [],
            }
            if budget:
                front["budget"] = {
                    "title": (budget.get("source") or {}).get("title"),
                    "unit": budget.get("unit"),
                    "tables": budget.get("tables") or [],
                }
            write_page(os.path.join(content, county_dir, year, slug + ".md"), front)
            slugs.setdefault(slug, dept["name"])
            count += 1
        write_page(os.path.join(content, county_dir, year, "_index.md"), {
            "title": "%s %s 年度部门决算总览" % (county["name"], year),
            "type": "countyyear",
            "county": county["name"], "county_code": county["code"], "county_dir": county_dir,
            "province": county.get("province"), "year": int(year),
        })
    for slug, name in slugs.items():
        write_page(os.path.join(content, county_dir, "departments", slug + ".md"), {
            "title": name, "type": "history", "dept_slug": slug,
            "county": county["name"], "county_dir": county_dir, "years": used_years,
        })
    write_page(os.path.join(content, county_dir, "departments", "_index.md"), {
        "title": "%s 各部门历年决算" % county["name"], "type": "departments", "county": county["name"], "county_dir": county_dir,
        "years": used_years, "_build": {"render": "never", "list": "always"},
    })
    write_page(os.path.join(content, county_dir, "_index.md"), {
        "title": county["name"], "type": "county", "county": county["name"], "county_code": county["code"],
        "county_dir": county_dir, "province": county.get("province"), "years": used_years,
    })
    return count


def main():
    args = [a for a in sys.argv[1:]]
    jobs = os.cpu_count() or 1
    if "--jobs" in args:
        i = args.index("--jobs")
        jobs = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    corpus, content = args
    counties = sorted(d for d in os.listdir(corpus) if os.path.isfile(os.path.join(corpus, d, "county.json")))
    os.makedirs(content, exist_ok=True)
    write_page(os.path.join(content, "_index.md"), {"title": "部门决算（Hugo 对照）", "type": "home"})
    with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
        total = sum(pool.map(convert_county, [(corpus, content, c) for c in counties]))
    print("%d department pages, %d counties" % (total, len(counties)))


if __name__ == "__main__":
    main()
