// Golden test of `gongkai import`: importing the published documents in ../shared/disclosures reproduces
// the hand-made filings in data/ cell for cell in all nine tables (blank distinct from 0) and at least 90%
// of their narrative figures (metric, code, value). The figures not matched are listed.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "test_support.hpp"

using namespace gongkai::test;
using nlohmann::json;

namespace {

const std::string kDisclosures = std::string(GONGKAI_SHARED_DIR) + "/disclosures/";

struct Golden {
    const char* filing;  // under data/
    const char* county;  // county folder
};

const Golden kGolden[] = {
    {"430321-xiangtan/2024/county-government-office.json", "430321-xiangtan"},
    {"310107-putuo/2024/finance-bureau.json", "310107-putuo"},
    {"310107-putuo/2024/planning-and-natural-resources-bureau.json", "310107-putuo"},
    {"310107-putuo/2024/social-work-department.json", "310107-putuo"},
};

std::string no_space(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r') continue;
        if (s.compare(i, 3, "\xE3\x80\x80") == 0) {  // U+3000
            i += 2;
            continue;
        }
        out += s[i];
    }
    return out;
}

std::string text_of(const json& j) { return j.is_string() ? j.get<std::string>() : j.is_null() ? "(blank)" : j.dump(); }

// Every difference between two tables of the same kind, as readable lines.
void compare_table(const std::string& kind, const json& want, const json& got, std::vector<std::string>& diffs) {
    auto diff = [&](const std::string& where, const std::string& w, const std::string& g) {
        diffs.push_back(kind + " " + where + ": expected " + w + ", imported " + g);
    };
    if (text_of(want.value("unit", json())) != text_of(got.value("unit", json())))
        diff("unit", text_of(want.value("unit", json())), text_of(got.value("unit", json())));
    if (no_space(text_of(want.value("number", json()))) != no_space(text_of(got.value("number", json()))))
        diff("number", text_of(want.value("number", json())), text_of(got.value("number", json())));
    // The page the table starts on: the same page, or absent in both (a text source has no pages).
    if (want.value("page", json()) != got.value("page", json()))
        diff("page", text_of(want.value("page", json())), text_of(got.value("page", json())));
    const json& wb = want["blocks"];
    const json& gb = got["blocks"];
    if (wb.size() != gb.size()) return diff("blocks", std::to_string(wb.size()), std::to_string(gb.size()));
    for (std::size_t b = 0; b < wb.size(); ++b) {
        const std::string bid = wb[b]["id"].get<std::string>();
        if (gb[b]["id"] != wb[b]["id"]) diff("block " + std::to_string(b), bid, text_of(gb[b]["id"]));
        std::vector<std::string> wc, gc;
        for (const auto& c : wb[b]["columns"]) wc.push_back(c["id"].get<std::string>());
        for (const auto& c : gb[b]["columns"]) gc.push_back(c["id"].get<std::string>());
        if (wc != gc) {
            diff(bid + " columns", json(wc).dump(), json(gc).dump());
            continue;
        }
        const json& wr = wb[b]["rows"];
        const json& gr = gb[b]["rows"];
        if (wr.size() != gr.size()) diff(bid + " row count", std::to_string(wr.size()), std::to_string(gr.size()));
        for (std::size_t r = 0; r < std::min(wr.size(), gr.size()); ++r) {
            const std::string at = bid + " row " + std::to_string(r) + " (" + text_of(wr[r].value("code", wr[r].value("key", json()))) + " " +
                                   text_of(wr[r].value("name", json())) + ")";
            if (wr[r].value("key", json()) != gr[r].value("key", json()) || wr[r].value("code", json()) != gr[r].value("code", json()))
                diff(at + " identity", text_of(wr[r].value("code", wr[r].value("key", json()))),
                     text_of(gr[r].value("code", gr[r].value("key", json()))));
            if (no_space(text_of(wr[r].value("name", json()))) != no_space(text_of(gr[r].value("name", json()))))
                diff(at + " name", text_of(wr[r].value("name", json())), text_of(gr[r].value("name", json())));
            for (const auto& col : wc) {
                const json w = wr[r]["values"].value(col, json());
                const json g = gr[r].contains("values") ? gr[r]["values"].value(col, json()) : json();
                if (w != g) diff(at + " " + col, text_of(w), text_of(g));
            }
        }
    }
}

std::string figure_key(const json& f) {
    return f.value("metric", "") + "|" + (f.contains("code") && f["code"].is_string() ? f["code"].get<std::string>() : "") + "|" +
           f.value("value", "");
}

struct Imported {
    int exit_code = -1;
    std::string output;
    json filing;
};

Imported run_import(const TempDir& tmp, const json& hand) {
    const std::string data = tmp / "data";
    const std::string county_dir = hand["county"]["code"].get<std::string>() == "430321" ? "430321-xiangtan" : "310107-putuo";
    std::string out;
    run_command("mkdir -p " + data + "/" + county_dir, out);
    write_file(data + "/" + county_dir + "/county.json", read_file(source_dir() + "/data/" + county_dir + "/county.json"));
    const std::string source = kDisclosures + hand["source"]["file"].get<std::string>();
    const std::string slug = hand["department"]["slug"].get<std::string>();
    Imported result;
    result.exit_code = run_command(std::string(GONGKAI_BINARY) + " import '" + source + "' --county " +
                                       hand["county"]["code"].get<std::string>() + " --slug " + slug + " --data " + data,
                                   result.output);
    const std::string written = data + "/" + county_dir + "/" + std::to_string(hand["year"].get<int>()) + "/" + slug + ".json";
    if (result.exit_code == 0) result.filing = json::parse(read_file(written));
    return result;
}

}  // namespace

TEST_CASE("importing the published documents reproduces the hand-made filings") {
    for (const auto& g : kGolden) {
        SUBCASE(g.filing) {
            const json hand = json::parse(read_file(source_dir() + "/data/" + g.filing));
            TempDir tmp;
            Imported imp = run_import(tmp, hand);
            INFO(imp.output);
            REQUIRE(imp.exit_code == 0);
            const json& got = imp.filing;
            CHECK(got["department"]["name"] == hand["department"]["name"]);
            CHECK(got["year"] == hand["year"]);
            CHECK(got["county"] == hand["county"]);

            // All nine tables, cell for cell.
            std::map<std::string, json> want_tables, got_tables;
            for (const auto& t : hand["tables"]) want_tables[t["kind"].get<std::string>()] = t;
            for (const auto& t : got["tables"]) got_tables[t["kind"].get<std::string>()] = t;
            REQUIRE(want_tables.size() == 9);
            std::vector<std::string> diffs;
            for (const auto& [kind, want] : want_tables) {
                if (!got_tables.count(kind)) {
                    diffs.push_back(kind + ": not imported");
                    continue;
                }
                compare_table(kind, want, got_tables[kind], diffs);
            }
            std::string listing;
            for (const auto& d : diffs) listing += "  " + d + "\n";
            INFO("table differences:\n" << listing);
            CHECK(diffs.empty());

            // Narrative figures: at least 90% matched on (metric, code, value), as a multiset.
            std::multiset<std::string> imported;
            for (const auto& f : got["narrative"]["figures"]) imported.insert(figure_key(f));
            std::size_t matched = 0;
            std::string missing;
            for (const auto& f : hand["narrative"]["figures"]) {
                auto it = imported.find(figure_key(f));
                if (it != imported.end()) {
                    ++matched;
                    imported.erase(it);
                } else {
                    missing += "  " + figure_key(f) + "   " + f.value("sentence", "") + "\n";
                }
            }
            const std::size_t total = hand["narrative"]["figures"].size();
            MESSAGE(std::string(g.filing) << ": " << matched << " of " << total << " narrative figures matched; not matched:\n" << missing);
            CHECK(matched * 10 >= total * 9);
        }
    }
}

TEST_CASE("an import is deterministic and refuses to overwrite without --force") {
    const json hand = json::parse(read_file(source_dir() + "/data/" + kGolden[0].filing));
    TempDir tmp;
    Imported first = run_import(tmp, hand);
    INFO(first.output);
    REQUIRE(first.exit_code == 0);
    const std::string path = tmp / ("data/430321-xiangtan/2024/" + hand["department"]["slug"].get<std::string>() + ".json");
    const std::string bytes = read_file(path);
    // Again without --force: refused, exit 1, the file untouched.
    Imported second = run_import(tmp, hand);
    CHECK(second.exit_code == 1);
    CHECK(second.output.find("already exists") != std::string::npos);
    CHECK(read_file(path) == bytes);
    // With --force into another file: the same bytes.
    std::string out;
    const std::string again = tmp / "again.json";
    CHECK(run_command(std::string(GONGKAI_BINARY) + " import '" + kDisclosures + hand["source"]["file"].get<std::string>() +
                          "' --county 430321 --slug " + hand["department"]["slug"].get<std::string>() + " --data " + (tmp / "data") +
                          " -o " + again + " --report json --quiet",
                      out) == 0);
    CHECK(read_file(again) == bytes);
    // The JSON report parses and names the tables it found.
    const json report = json::parse(out);
    CHECK(report["format"] == "gongkai-import-report/1");
    CHECK(report["documents"][0]["tables"].size() == 9);
    CHECK(report["documents"][0]["written"] == again);
}

TEST_CASE("several documents are imported in one run, each into its own filing") {
    TempDir tmp;
    const std::string data = tmp / "data";
    std::string out;
    run_command("mkdir -p " + data + "/310107-putuo", out);
    write_file(data + "/310107-putuo/county.json", read_file(source_dir() + "/data/310107-putuo/county.json"));
    const std::string pd = kDisclosures + "putuo-district/";
    const int code = run_command(std::string(GONGKAI_BINARY) + " import " + pd + "2024-finance-bureau.pdf " + pd +
                                     "2024-planning-and-natural-resources-bureau.pdf " + pd +
                                     "2024-party-committee-social-work-department.pdf --county 310107 --data " + data,
                                 out);
    INFO(out);
    CHECK(code == 0);
    const auto files = list_files(data);
    CHECK(std::find(files.begin(), files.end(), "310107-putuo/2024/finance-bureau.json") != files.end());
    CHECK(std::find(files.begin(), files.end(), "310107-putuo/2024/planning-and-natural-resources-bureau.json") != files.end());
    CHECK(std::find(files.begin(), files.end(), "310107-putuo/2024/party-committee-social-work-department.json") != files.end());
    CHECK(out.find("[3/3]") != std::string::npos);
    // The imported folder is a valid data folder: `gongkai check` reads it.
    std::string check;
    const int check_code = run_command(std::string(GONGKAI_BINARY) + " check --data " + data, check);
    INFO(check);
    CHECK((check_code == 0 || check_code == 1));
    CHECK(check.find("3 filing(s)") != std::string::npos);
}

TEST_CASE("a printed value the format cannot hold is reported and left blank, the rest imported") {
    // The Xiangtan text with a negative amount where only balances may be negative (a 基本支出 cell).
    std::string text = read_file(kDisclosures + "xiangtan-county/2024-county-government-office.txt");
    const std::string cell = "30101\t基本工资\t387.01";
    const auto at = text.find(cell);
    REQUIRE(at != std::string::npos);
    text.replace(at, cell.size(), "30101\t基本工资\t-387.01");
    TempDir tmp;
    const std::string data = tmp / "data", doc = tmp / "2024-county-government-office.txt";
    write_file(doc, text);
    std::string out;
    run_command("mkdir -p " + data + "/430321-xiangtan", out);
    write_file(data + "/430321-xiangtan/county.json", read_file(source_dir() + "/data/430321-xiangtan/county.json"));
    const int code = run_command(std::string(GONGKAI_BINARY) + " import " + doc + " --county 430321 --data " + data, out);
    INFO(out);
    CHECK(code == 0);
    CHECK(out.find("-387.01") != std::string::npos);
    CHECK(out.find("left blank") != std::string::npos);
    const json f = json::parse(read_file(data + "/430321-xiangtan/2024/county-government-office.json"));
    for (const auto& t : f["tables"])
        if (t["kind"] == "basic_expenditure")
            for (const auto& r : t["blocks"][0]["rows"])
                if (r.value("code", "") == "30101") CHECK(r["values"]["amount"].is_null());
}

namespace {

// The 部门预算 (budgets) transcribed by hand in data/: Shanghai's template (nine tables in 元, the 三公 table
// in 万元) and Jiangsu's (twelve tables listed, none printed).
const char* const kGoldenBudgets[] = {
    "310107-putuo/2025/finance-bureau.budget.json",
    "310107-putuo/2026/justice-bureau.budget.json",
    "310107-putuo/2024/wanli-subdistrict-office.budget.json",
    "320000-jiangsu/2019/provincial-party-committee-general-office.budget.json",
};

// Imports the budget `hand` was transcribed from into a fresh data folder holding its county.
Imported run_budget_import(const TempDir& tmp, const std::string& filing, const json& hand) {
    const std::string data = tmp / "data";
    const std::string county_dir = filing.substr(0, filing.find('/'));
    std::string out;
    run_command("mkdir -p " + data + "/" + county_dir, out);
    write_file(data + "/" + county_dir + "/county.json", read_file(source_dir() + "/data/" + county_dir + "/county.json"));
    const std::string slug = hand["department"]["slug"].get<std::string>();
    Imported result;
    result.exit_code = run_command(std::string(GONGKAI_BINARY) + " import '" + kDisclosures + hand["source"]["file"].get<std::string>() +
                                       "' --county " + hand["county"]["code"].get<std::string>() + " --slug " + slug + " --data " + data,
                                   result.output);
    const std::string written = data + "/" + county_dir + "/" + std::to_string(hand["year"].get<int>()) + "/" + slug + ".budget.json";
    if (result.exit_code == 0) result.filing = json::parse(read_file(written));
    return result;
}

std::size_t cell_count(const json& table) {
    std::size_t n = 0;
    for (const auto& b : table.value("blocks", json::array()))
        n += b["rows"].size() * b["columns"].size();
    return n;
}

}  // namespace

TEST_CASE("importing the published budgets reproduces the hand-made budget filings") {
    for (const char* filing : kGoldenBudgets) {
        SUBCASE(filing) {
            const json hand = json::parse(read_file(source_dir() + "/data/" + filing));
            TempDir tmp;
            Imported imp = run_budget_import(tmp, filing, hand);
            INFO(imp.output);
            REQUIRE(imp.exit_code == 0);
            // The report says what the document is; the filing is a budget.
            CHECK(imp.output.find("kind: 部门预算 (budget)") != std::string::npos);
            const json& got = imp.filing;
            CHECK(got["kind"] == "预算");
            CHECK(got["department"]["name"] == hand["department"]["name"]);
            CHECK(got["year"] == hand["year"]);
            CHECK(got["county"] == hand["county"]);

            // Every table, cell for cell; a table the publication lists but does not print is absent in both.
            std::map<std::string, json> got_tables;
            for (const auto& t : got["tables"]) got_tables[t["kind"].get<std::string>()] = t;
            CHECK(got["tables"].size() == hand["tables"].size());
            std::vector<std::string> diffs;
            std::size_t cells = 0;
            for (const auto& want : hand["tables"]) {
                const std::string kind = want["kind"].get<std::string>();
                if (!got_tables.count(kind)) {
                    diffs.push_back(kind + ": not imported");
                    continue;
                }
                const json& t = got_tables[kind];
                if (want.value("absent", false) || t.value("absent", false)) {
                    if (want.value("absent", false) != t.value("absent", false)) diffs.push_back(kind + ": absent in only one of them");
                    if (want.value("title", "") != t.value("title", "")) diffs.push_back(kind + " title: " + t.value("title", ""));
                    if (want.value("number", json()) != t.value("number", json())) diffs.push_back(kind + " number: " + text_of(t.value("number", json())));
                    continue;
                }
                cells += cell_count(want);
                compare_table(kind, want, t, diffs);
            }
            std::string listing;
            for (const auto& d : diffs) listing += "  " + d + "\n";
            INFO("table differences:\n" << listing);
            CHECK(diffs.empty());
            MESSAGE(std::string(filing) << ": " << cells << " table cells compared, " << diffs.size() << " differences");

            // Narrative figures: at least 90% matched on (metric, code, value), as a multiset.
            std::multiset<std::string> imported;
            for (const auto& f : got["narrative"]["figures"]) imported.insert(figure_key(f));
            std::size_t matched = 0;
            std::string missing;
            for (const auto& f : hand["narrative"]["figures"]) {
                auto it = imported.find(figure_key(f));
                if (it != imported.end()) {
                    ++matched;
                    imported.erase(it);
                } else {
                    missing += "  " + figure_key(f) + "   " + f.value("sentence", "") + "\n";
                }
            }
            const std::size_t total = hand["narrative"]["figures"].size();
            MESSAGE(std::string(filing) << ": " << matched << " of " << total << " narrative figures matched; not matched:\n" << missing);
            CHECK(total > 0);
            CHECK(matched * 10 >= total * 9);
        }
    }
}
