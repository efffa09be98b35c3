#pragma once
// search-index.json: what the search page (assets/js/search.js) searches in the browser — counties, departments
// with the function and economic codes and 三公 lines they publish, and the class pages — without a server.
// Each distinct (kind, code, name) item is stored once and referenced by number from the departments, so the
// file grows with departments × codes as small integers, not as repeated names.
#include <string>
#include <vector>

#include "compute/department_summary.hpp"
#include "model/filing.hpp"

namespace gongkai {

// A class page the site renders: <county>/<year>/classes/<code>/ (function class, 类 or 款) or
// <county>/<year>/economic/<code>/ (`economic`).
struct ClassPageRef {
    std::string county_dir;
    int year = 0;
    std::string code;
    std::string name;
    bool economic = false;
};

// The search index, serialised deterministically (same input, same bytes). Format "gongkai-search-index/1":
//   counties:    [{dir, name, province, code, years: [int…]}]                  (by dir)
//   items:       [[kind, code, name]…]   kind "f" function code (spending table), "e" economic code (06 表),
//                "t" 三公 line (code = row key; code "" = the whole 三公 table)  (sorted, distinct)
//   departments: [{county: i, slug, name, years: [{year, total?, three_public?, spending?, synthetic?}],
//                  items: [i | [i, [year…]]]}]                                 (by county dir, slug)
//                `total` and `three_public` are amount texts ("2,940.05 万元") of 支出合计 and the 三公 决算 when
//                published; `spending` is the table id of the function rows when it is not "expenditure" (03);
//                `synthetic` is true for synthetic filings; an item given as a bare number is published in every
//                year of the department, else with the years it is published in.
//   classes:     [[county i, item i, [year…]]…]                              (class pages, sorted)
// `filings` and `summaries` are parallel; `class_pages` are the class pages the site renders.
std::string search_index_json(const std::vector<Filing>& filings, const std::vector<DepartmentSummary>& summaries,
                              const std::vector<ClassPageRef>& class_pages);

// What the search index reads of a filing's tables, taken while they are loaded, so that the index can be
// written after the documents were let go (site/filing_digest.hpp).
struct SearchDigest {
    std::string items;           // its items (kind, code, name), sorted and distinct, each field as 4 length bytes and the text
    std::string spending_table;  // the table id of its function rows ("expenditure" or "general_budget_expenditure")
};
SearchDigest search_digest(const Filing& f);

// The same index from the filings' names, summaries and digests (parallel vectors); the filings' tables are not read.
std::string search_index_json(const std::vector<Filing>& filings, const std::vector<DepartmentSummary>& summaries,
                              const std::vector<const SearchDigest*>& digests, const std::vector<ClassPageRef>& class_pages);

}  // namespace gongkai
