#include "render/search_index.hpp"

#include <cstring>
#include <map>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include "model/money.hpp"
#include "render/view_common.hpp"
#include "render/views.hpp"

namespace gongkai {

using ojson = nlohmann::ordered_json;

std::string site_index_json(const std::vector<Filing>& filings, const std::vector<DepartmentSummary>& summaries) {
    ojson list = ojson::array();
    auto num = [](const MaybeMoney& m) { return ojson(money_number(m)); };
    for (std::size_t i = 0; i < filings.size(); ++i) {
        const Filing& f = filings[i];
        const DepartmentSummary& s = summaries[i];
        MaybeMoney vehicle_operation;
        for (const auto& l : s.three_public)
            if (l.key == "vehicle_operation") vehicle_operation = l.actual;
        ojson classes = ojson::object();
        for (const auto& c : s.function_classes) classes[c.code + " " + c.name] = ojson(money_number(c.micro));
        list.push_back({{"id", f.county_dir + "/" + std::to_string(f.year) + "/" + f.slug},
                        {"name", f.department_name}, {"county", f.county.name}, {"province", f.county.province}, {"county_code", f.county.code},
                        {"year", f.year}, {"link", department_path(f)}, {"synthetic", f.synthetic},
                        {"total", num(s.total_expenditure)}, {"basic", num(s.basic)}, {"project", num(s.project)},
                        {"personnel", num(s.personnel)}, {"public", num(s.public_funds)},
                        {"three_public_budget", num(s.three_public_budget)}, {"three_public_actual", num(s.three_public_actual)},
                        {"vehicle_operation", num(vehicle_operation)},
                        {"staff", s.staff_actual ? ojson(*s.staff_actual) : ojson(nullptr)},
                        {"vehicles", s.vehicles_actual ? ojson(*s.vehicles_actual) : ojson(nullptr)},
                        {"classes", classes}});
    }
    return ojson{{"format", "gongkai-site-index/1"}, {"departments", list}}.dump() + "\n";
}

namespace {

using Item = std::tuple<std::string, std::string, std::string>;  // kind, code, name
using ItemView = std::tuple<std::string_view, std::string_view, std::string_view>;

// The 三公 lines worth finding on their own, with one name each (filings print variants such as
// 公务用车运行费); the 合计 is found through the whole-table item.
const std::map<std::string, std::string>& three_public_names() {
    static const std::map<std::string, std::string> names = {
        {"abroad", "因公出国（境）费"}, {"vehicle_subtotal", "公务用车购置及运行维护费"},
        {"vehicle_purchase", "公务用车购置费"}, {"vehicle_operation", "公务用车运行维护费"}, {"reception", "公务接待费"}};
    return names;
}

// The items one filing publishes: rows with a code and a value.
std::set<Item> filing_items(const Filing& f) {
    std::set<Item> out;
    if (const Block* b = spending_block(f))
        for (const auto& r : b->rows)
            if (!r.code.empty() && b->cell(r, "total")) out.emplace("f", r.code, r.name);
    if (const Table* t = f.table(TableKind::BasicExpenditure))
        if (const Block* b = t->block("main"))
            for (const auto& r : b->rows)
                if (!r.code.empty() && b->cell(r, "amount")) out.emplace("e", r.code, r.name);
    if (const Table* t = f.table(TableKind::ThreePublic); t && !t->absent) {
        // The whole table, also when it is empty: its note then says why (e.g. no 三公 spending at all).
        out.emplace("t", "", "“三公”经费");
        if (const Block* b = t->block("main"))
            for (const auto& r : b->rows) {
                auto name = three_public_names().find(r.key);
                if (name != three_public_names().end() && (b->cell(r, "actual") || b->cell(r, "budget")))
                    out.emplace("t", r.key, name->second);
            }
    }
    return out;
}

// The table the function rows of a filing come from, as the department page anchors it.
std::string spending_table_id(const Filing& f) {
    const Block* b = spending_block(f);
    for (TableKind k : {TableKind::Expenditure, TableKind::GeneralBudgetExpenditure})
        if (const Table* t = f.table(k); t && b && t->block("main") == b) return std::string(table_kind_id(k));
    return std::string(table_kind_id(TableKind::Expenditure));
}

}  // namespace

SearchDigest search_digest(const Filing& f) {
    SearchDigest d;
    for (const auto& item : filing_items(f))
        for (const std::string* field : {&std::get<0>(item), &std::get<1>(item), &std::get<2>(item)}) {
            auto n = static_cast<std::uint32_t>(field->size());
            d.items.append(reinterpret_cast<const char*>(&n), sizeof n).append(*field);
        }
    d.spending_table = spending_table_id(f);
    return d;
}

std::string search_index_json(const std::vector<Filing>& filings, const std::vector<DepartmentSummary>& summaries,
                              const std::vector<ClassPageRef>& class_pages) {
    std::vector<SearchDigest> digests;
    digests.reserve(filings.size());
    for (const auto& f : filings) digests.push_back(search_digest(f));
    std::vector<const SearchDigest*> pointers;
    for (const auto& d : digests) pointers.push_back(&d);
    return search_index_json(filings, summaries, pointers, class_pages);
}

namespace {
// The items of a digest, as views into it.
std::vector<ItemView> items_in(const SearchDigest& d) {
    std::vector<ItemView> out;
    std::string_view rest = d.items;
    auto field = [&] {
        std::uint32_t n = 0;
        std::memcpy(&n, rest.data(), sizeof n);
        std::string_view v = rest.substr(sizeof n, n);
        rest.remove_prefix(sizeof n + n);
        return v;
    };
    while (!rest.empty()) {
        std::string_view kind = field(), code = field(), name = field();
        out.emplace_back(kind, code, name);
    }
    return out;
}
}  // namespace

std::string search_index_json(const std::vector<Filing>& filings, const std::vector<DepartmentSummary>& summaries,
                              const std::vector<const SearchDigest*>& digests, const std::vector<ClassPageRef>& class_pages) {
    // Counties and departments, each filing's items, and the distinct items.
    struct County {
        std::string name, province, code;
        std::set<int> years;
    };
    std::map<std::string, County> counties;
    std::map<std::pair<std::string, std::string>, std::map<int, std::size_t>> departments;  // (dir, slug) -> year -> filing
    std::vector<std::vector<ItemView>> items_of(filings.size());
    std::map<ItemView, std::size_t> item_index;
    for (std::size_t i = 0; i < filings.size(); ++i) {
        const Filing& f = filings[i];
        County& c = counties[f.county_dir];
        c.name = f.county.name;
        c.province = f.county.province;
        c.code = f.county.code;
        c.years.insert(f.year);
        departments[{f.county_dir, f.slug}][f.year] = i;
        items_of[i] = items_in(*digests[i]);
        for (const auto& it : items_of[i]) item_index.emplace(it, 0);
    }
    for (const auto& p : class_pages) item_index.emplace(ItemView{p.economic ? "e" : "f", p.code, p.name}, 0);
    ojson items = ojson::array();
    for (auto& [item, index] : item_index) {
        index = items.size();
        items.push_back({std::get<0>(item), std::get<1>(item), std::get<2>(item)});
    }

    std::map<std::string, std::size_t> county_index;
    ojson county_list = ojson::array();
    for (const auto& [dir, c] : counties) {
        county_index[dir] = county_list.size();
        county_list.push_back({{"dir", dir}, {"name", c.name}, {"province", c.province}, {"code", c.code},
                               {"years", ojson(std::vector<int>(c.years.begin(), c.years.end()))}});
    }

    ojson department_list = ojson::array();
    for (const auto& [key, years] : departments) {
        const Filing& latest = filings[years.rbegin()->second];
        ojson year_list = ojson::array();
        std::map<std::size_t, std::vector<int>> item_years;  // item -> years it is published in
        for (const auto& [year, i] : years) {
            ojson y = {{"year", year}};
            if (summaries[i].total_expenditure) y["total"] = amount_text(summaries[i].total_expenditure);
            if (summaries[i].three_public_actual) y["three_public"] = amount_text(summaries[i].three_public_actual);
            if (const std::string& table = digests[i]->spending_table; table != table_kind_id(TableKind::Expenditure)) y["spending"] = table;
            if (filings[i].synthetic) y["synthetic"] = true;
            year_list.push_back(std::move(y));
            for (const auto& it : items_of[i]) item_years[item_index.at(it)].push_back(year);
        }
        ojson refs = ojson::array();
        for (const auto& [index, in_years] : item_years) {
            if (in_years.size() == years.size()) refs.push_back(index);
            else refs.push_back({index, in_years});
        }
        department_list.push_back({{"county", county_index.at(key.first)}, {"slug", key.second}, {"name", latest.department_name},
                                   {"years", year_list}, {"items", refs}});
    }

    std::map<std::pair<std::size_t, std::size_t>, std::set<int>> classes;  // (county, item) -> years
    for (const auto& p : class_pages) {
        auto county = county_index.find(p.county_dir);
        if (county == county_index.end()) continue;
        classes[{county->second, item_index.at(ItemView{p.economic ? "e" : "f", p.code, p.name})}].insert(p.year);
    }
    ojson class_list = ojson::array();
    for (const auto& [key, years] : classes)
        class_list.push_back({key.first, key.second, ojson(std::vector<int>(years.begin(), years.end()))});

    return ojson{{"format", "gongkai-search-index/1"}, {"counties", county_list}, {"items", items},
                 {"departments", department_list}, {"classes", class_list}}
               .dump() + "\n";
}

}  // namespace gongkai
